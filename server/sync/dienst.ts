/**
 * The server side of sync: applies pushed changes once each (idempotent by change id), checks
 * every change against the caller's role and team, keeps each scope's log, sequence and
 * checksum, moves a family's records when it moves to another team (verhuizing), and serves
 * pages of the log. A batch is applied whole or not at all.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import {
  REFERENTIE_SCOPE,
  syncTabel,
  TABEL_VOLGORDE,
  teamScope,
  veldFout,
  type SyncTabel,
} from '../../db/sync-tabellen';
import { decodeHlc } from '../../shared/hlc';
import {
  MAX_KLOK_VOORSPRONG_MS,
  type PullAntwoord,
  type PushAntwoord,
  type Wijziging,
} from '../../shared/sync/protocol';
import {
  naarOpslag,
  rijHash,
  uitOpslag,
  voegRijenSamen,
  waardenVan,
  xorHash,
  type RijRegisters,
} from '../../shared/sync/rij';
import type { ServerDb } from '../db/connection';
import { ontvangen, rijen, scopes, teams, wijzigingenLog } from '../db/schema';

export type SyncFoutCode =
  | 'ongeldige-wijziging'
  | 'klok-afwijking'
  | 'herhaalde-wijziging'
  | 'geen-toegang'
  | 'cursor-onbekend'
  | 'ongeldige-logregel'
  | 'herhaalde-logregel';

export class SyncFout extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncFoutCode,
    message: string,
    /** Index of the refused change in the batch. */
    readonly index?: number,
  ) {
    super(message);
  }
}

export interface Aanroeper {
  gebruikerId: string;
  rol: string;
  teamId: string | null;
  /** The registered laptop the request came from. */
  apparaatId?: string;
}

type Tx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];

/** Scopes a caller receives, reference data first; a beheerder reads no dossiers. */
export function scopesVoor(aanroeper: Aanroeper): string[] {
  if (aanroeper.rol === 'beheerder' || !aanroeper.teamId) return [REFERENTIE_SCOPE];
  return [REFERENTIE_SCOPE, teamScope(aanroeper.teamId)];
}

const inhoudHash = (w: Wijziging) => createHash('sha256').update(JSON.stringify(w)).digest('hex');

/** The change as a partial register state: each field's new version replaces what it saw. */
function alsRegisters(w: Wijziging): RijRegisters {
  const uit: RijRegisters = {};
  for (const [veld, { waarde, basis }] of Object.entries(w.velden))
    uit[veld] = {
      koppen: [{ hlc: w.hlc, basis: [...basis].sort(), waarde, auteur: w.auteur }],
      vervangen: [...new Set(basis)].sort(),
    };
  return uit;
}

type RijStaat = typeof rijen.$inferSelect;
const sleutel = (tabel: string, rijId: string) => `${tabel}|${rijId}`;
const IN_STUKKEN = 500;

/**
 * What one push transaction reads and writes, batched: the rows it touches are read (and locked)
 * in one query, and new log lines, receipts and row states are written in a few multi-row
 * statements at the end instead of several statements per change.
 */
export class Schrijver {
  private readonly gelockt = new Map<string, { seq: number; hash: string; aantal: number }>();
  private readonly rijStaat = new Map<string, RijStaat>();
  private readonly gewijzigd = new Set<string>();
  private log: (typeof wijzigingenLog.$inferInsert)[] = [];
  private bonnen: (typeof ontvangen.$inferInsert)[] = [];
  readonly eerder = new Map<
    string,
    { gebruikerId: string; inhoudHash: string; scope: string; seq: number }
  >();

  constructor(private readonly tx: Tx) {}

  /** Reads the receipts and rows (with their parents) a batch needs, locking its own rows. */
  async laad(wijzigingen: readonly Wijziging[]) {
    const ids = wijzigingen.map((w) => w.wijzigingId);
    for (let i = 0; i < ids.length; i += IN_STUKKEN)
      for (const r of await this.tx
        .select()
        .from(ontvangen)
        .where(inArray(ontvangen.wijzigingId, ids.slice(i, i + IN_STUKKEN))))
        this.eerder.set(r.wijzigingId, r);
    await this.leesRijen(
      wijzigingen.map((w) => [w.tabel, w.rijId] as const),
      true,
    );
    const ouders: (readonly [string, string])[] = [];
    for (const w of wijzigingen) {
      const ouder = syncTabel(w.tabel)?.ouder;
      const id = ouder && w.velden[ouder.veld]?.waarde;
      if (ouder && typeof id === 'string' && !this.rijStaat.has(sleutel(ouder.tabel, id)))
        ouders.push([ouder.tabel, id]);
    }
    await this.leesRijen(ouders, false);
  }

  private async leesRijen(sleutels: (readonly [string, string])[], vergrendel: boolean) {
    const uniek = [...new Map(sleutels.map((k) => [sleutel(...k), k])).values()];
    for (let i = 0; i < uniek.length; i += IN_STUKKEN) {
      const waar = sql`(${rijen.tabel}, ${rijen.rijId}) in (${sql.join(
        uniek.slice(i, i + IN_STUKKEN).map(([t, id]) => sql`(${t}, ${id})`),
        sql`, `,
      )})`;
      const query = this.tx.select().from(rijen).where(waar);
      for (const r of await (vergrendel ? query.for('update') : query))
        this.rijStaat.set(sleutel(r.tabel, r.rijId), r);
    }
  }

  rij(tabel: string, rijId: string): RijStaat | undefined {
    return this.rijStaat.get(sleutel(tabel, rijId));
  }

  zetRij(rij: RijStaat) {
    const k = sleutel(rij.tabel, rij.rijId);
    this.rijStaat.set(k, rij);
    this.gewijzigd.add(k);
  }

  bon(bon: typeof ontvangen.$inferInsert) {
    this.bonnen.push(bon);
    this.eerder.set(bon.wijzigingId, { ...bon, seq: bon.seq });
  }

  /** Locks the scope row for the rest of the transaction, creating it when new. */
  private async scope(scope: string) {
    let s = this.gelockt.get(scope);
    if (!s) {
      await this.tx.insert(scopes).values({ scope }).onConflictDoNothing();
      const rij = (
        await this.tx.select().from(scopes).where(eq(scopes.scope, scope)).for('update')
      )[0]!;
      s = { seq: rij.seq, hash: rij.hash, aantal: rij.aantal };
      this.gelockt.set(scope, s);
    }
    return s;
  }

  async logRegel(scope: string, tabel: string, rijId: string, velden: RijRegisters | null) {
    const s = await this.scope(scope);
    s.seq += 1;
    this.log.push({
      scope,
      seq: s.seq,
      tabel,
      rijId,
      soort: velden ? 'velden' : 'weg',
      velden: velden ? naarOpslag(velden) : null,
      hash: velden ? rijHash(tabel, rijId, velden) : null,
    });
    return s.seq;
  }

  async rekenOm(scope: string, oudeHash: string | null, nieuweHash: string | null) {
    const s = await this.scope(scope);
    if (oudeHash) {
      s.hash = xorHash(s.hash, oudeHash);
      s.aantal -= 1;
    }
    if (nieuweHash) {
      s.hash = xorHash(s.hash, nieuweHash);
      s.aantal += 1;
    }
  }

  /** Writes what is pending (before a verhuizing reads the family's rows, and at the end). */
  async schrijf() {
    const staten = [...this.gewijzigd].map((k) => this.rijStaat.get(k)!);
    for (let i = 0; i < staten.length; i += IN_STUKKEN)
      await this.tx
        .insert(rijen)
        .values(staten.slice(i, i + IN_STUKKEN))
        .onConflictDoUpdate({
          target: [rijen.tabel, rijen.rijId],
          set: { registers: sql`excluded.registers`, hash: sql`excluded.hash` },
        });
    for (let i = 0; i < this.log.length; i += IN_STUKKEN)
      await this.tx.insert(wijzigingenLog).values(this.log.slice(i, i + IN_STUKKEN));
    for (let i = 0; i < this.bonnen.length; i += IN_STUKKEN)
      await this.tx.insert(ontvangen).values(this.bonnen.slice(i, i + IN_STUKKEN));
    this.gewijzigd.clear();
    this.log = [];
    this.bonnen = [];
  }

  async bewaar() {
    await this.schrijf();
    for (const [scope, s] of this.gelockt)
      await this.tx
        .update(scopes)
        .set({ seq: s.seq, hash: s.hash, aantal: s.aantal })
        .where(eq(scopes.scope, scope));
  }
}

function controleerVelden(spec: SyncTabel, w: Wijziging, index: number) {
  const fout = (m: string) =>
    new SyncFout(400, 'ongeldige-wijziging', `Wijziging ${index + 1} (${w.tabel}): ${m}.`, index);
  if (Object.keys(w.velden).length === 0) throw fout('geen velden');
  for (const [veld, { waarde }] of Object.entries(w.velden)) {
    const veldSpec = spec.velden.get(veld);
    if (!veldSpec) throw fout(`onbekend veld "${veld}"`);
    const reden = veldFout(veldSpec, waarde);
    if (reden) throw fout(`veld "${veld}" ${reden}`);
  }
  return fout;
}

export async function verwerkPush(
  db: ServerDb,
  aanroeper: Aanroeper,
  wijzigingen: readonly Wijziging[],
  nu: Date,
): Promise<PushAntwoord> {
  return db.transaction(async (tx) => {
    const schrijver = new Schrijver(tx);
    await schrijver.laad(wijzigingen);
    const verwerkt: PushAntwoord['verwerkt'] = [];
    for (const [index, w] of wijzigingen.entries()) {
      const spec = syncTabel(w.tabel);
      if (!spec)
        throw new SyncFout(
          400,
          'ongeldige-wijziging',
          `Wijziging ${index + 1}: onbekende tabel "${w.tabel}".`,
          index,
        );
      const fout = controleerVelden(spec, w, index);
      if (w.auteur !== aanroeper.gebruikerId)
        throw new SyncFout(
          403,
          'geen-toegang',
          'Een wijziging draagt de naam van een ander.',
          index,
        );
      if (decodeHlc(w.hlc).wallMs > nu.getTime() + MAX_KLOK_VOORSPRONG_MS)
        throw new SyncFout(
          400,
          'klok-afwijking',
          'De klok van dit apparaat loopt voor. Zet de datum en tijd goed en synchroniseer opnieuw.',
          index,
        );

      const hash = inhoudHash(w);
      const eerder = schrijver.eerder.get(w.wijzigingId);
      if (eerder) {
        if (eerder.inhoudHash !== hash || eerder.gebruikerId !== aanroeper.gebruikerId)
          throw new SyncFout(
            409,
            'herhaalde-wijziging',
            'Deze wijzigings-id is al gebruikt voor een andere wijziging.',
            index,
          );
        verwerkt.push({ wijzigingId: w.wijzigingId, scope: eerder.scope, seq: eerder.seq });
        continue;
      }

      const bestaand = schrijver.rij(w.tabel, w.rijId);
      const { scope, gezinId } = bepaalScope(schrijver, spec, w, bestaand, aanroeper, index, fout);

      const oud: RijRegisters = bestaand ? uitOpslag(bestaand.registers) : {};
      const delta = alsRegisters(w);
      const nieuw = voegRijenSamen(oud, delta);
      const nieuweHash = rijHash(w.tabel, w.rijId, nieuw);
      schrijver.zetRij({
        tabel: w.tabel,
        rijId: w.rijId,
        scope,
        gezinId,
        registers: naarOpslag(nieuw),
        hash: nieuweHash,
      });
      await schrijver.rekenOm(scope, bestaand?.hash ?? null, nieuweHash);
      const seq = await schrijver.logRegel(scope, w.tabel, w.rijId, delta);
      schrijver.bon({
        wijzigingId: w.wijzigingId,
        gebruikerId: aanroeper.gebruikerId,
        inhoudHash: hash,
        scope,
        seq,
      });
      verwerkt.push({ wijzigingId: w.wijzigingId, scope, seq });

      if (spec.naam === 'gezinnen' && bestaand) {
        const team = waardenVan(nieuw).waarden.teamId as string;
        if (teamScope(team) !== scope) await verhuis(tx, schrijver, w.rijId, scope, team);
      }
    }
    await schrijver.bewaar();
    return { verwerkt };
  });
}

function bepaalScope(
  schrijver: Schrijver,
  spec: SyncTabel,
  w: Wijziging,
  bestaand: typeof rijen.$inferSelect | undefined,
  aanroeper: Aanroeper,
  index: number,
  fout: (m: string) => SyncFout,
): { scope: string; gezinId: string | null } {
  const geenToegang = (m: string) => new SyncFout(403, 'geen-toegang', m, index);
  if (spec.soort === 'referentie') {
    if (aanroeper.rol !== 'beheerder')
      throw geenToegang('Alleen een beheerder wijzigt referentiegegevens.');
    return { scope: REFERENTIE_SCOPE, gezinId: null };
  }
  if (aanroeper.rol === 'beheerder' || !aanroeper.teamId)
    throw geenToegang('Een beheerder leest en wijzigt geen dossiers.');
  const eigen = teamScope(aanroeper.teamId);

  if (bestaand) {
    if (bestaand.scope !== eigen) throw geenToegang('Dit gezin hoort bij een ander team.');
    const vast = spec.ouder?.veld ?? (spec.naam === 'gezinnen' ? undefined : spec.teamVeld);
    if (vast && vast in w.velden) {
      const huidig = waardenVan(uitOpslag(bestaand.registers)).waarden[vast];
      if (huidig !== w.velden[vast]!.waarde) throw fout(`"${vast}" kan niet veranderen`);
    }
    return { scope: bestaand.scope, gezinId: bestaand.gezinId };
  }

  for (const [veld, veldSpec] of spec.velden)
    if (veldSpec.verplicht && !(veld in w.velden)) throw fout(`nieuw record zonder "${veld}"`);
  if (spec.teamVeld) {
    const team = w.velden[spec.teamVeld]!.waarde;
    if (typeof team !== 'string' || teamScope(team) !== eigen)
      throw geenToegang('U kunt alleen voor uw eigen team vastleggen.');
    return { scope: eigen, gezinId: spec.naam === 'gezinnen' ? w.rijId : null };
  }
  const ouderId = w.velden[spec.ouder!.veld]!.waarde;
  const ouder = typeof ouderId === 'string' ? schrijver.rij(spec.ouder!.tabel, ouderId) : undefined;
  if (!ouder) throw fout(`het bovenliggende record (${spec.ouder!.tabel}) bestaat niet`);
  if (ouder.scope !== eigen) throw geenToegang('Dit gezin hoort bij een ander team.');
  return { scope: eigen, gezinId: ouder.gezinId };
}

/**
 * Verhuizing: every record of the family leaves the old team's scope (children first, so a
 * client can delete them in order) and arrives whole in the new team's scope (parents first).
 */
async function verhuis(
  tx: Tx,
  schrijver: Schrijver,
  gezinId: string,
  van: string,
  naarTeam: string,
) {
  if (!(await tx.select().from(teams).where(eq(teams.id, naarTeam)))[0])
    throw new SyncFout(400, 'ongeldige-wijziging', 'Het nieuwe team bestaat niet.');
  const naar = teamScope(naarTeam);
  await schrijver.schrijf();
  const alle = await tx.select().from(rijen).where(eq(rijen.gezinId, gezinId));
  const volgorde = (r: (typeof alle)[number]) => TABEL_VOLGORDE.get(r.tabel) ?? 0;
  alle.sort((a, b) => volgorde(a) - volgorde(b) || (a.rijId < b.rijId ? -1 : 1));
  for (const r of [...alle].reverse()) {
    await schrijver.logRegel(van, r.tabel, r.rijId, null);
    await schrijver.rekenOm(van, r.hash, null);
  }
  for (const r of alle) {
    await schrijver.logRegel(naar, r.tabel, r.rijId, uitOpslag(r.registers));
    await schrijver.rekenOm(naar, null, r.hash);
  }
  await tx.update(rijen).set({ scope: naar }).where(eq(rijen.gezinId, gezinId));
  for (const r of alle) schrijver.zetRij({ ...r, scope: naar });
}

/**
 * A page of the log as a JSON text (PullAntwoord): the stored registers are spliced in as they
 * are, not parsed and serialised again for every row.
 */
export async function leesPull(
  db: ServerDb,
  aanroeper: Aanroeper,
  vraag: { scope: string; na: number; limiet: number },
): Promise<string> {
  if (!scopesVoor(aanroeper).includes(vraag.scope))
    throw new SyncFout(403, 'geen-toegang', 'Deze gegevens zijn niet voor u bestemd.');
  return db.transaction(
    async (tx) => {
      const stand = (await tx.select().from(scopes).where(eq(scopes.scope, vraag.scope)))[0] ?? {
        seq: 0,
        hash: '0000000000000000',
        aantal: 0,
      };
      if (vraag.na > stand.seq)
        throw new SyncFout(
          409,
          'cursor-onbekend',
          'De centrale dienst kent deze stand niet; de gegevens worden opnieuw opgehaald.',
        );
      const rijenLog = await tx
        .select()
        .from(wijzigingenLog)
        .where(and(eq(wijzigingenLog.scope, vraag.scope), gt(wijzigingenLog.seq, vraag.na)))
        .orderBy(asc(wijzigingenLog.seq))
        .limit(vraag.limiet + 1);
      const meer = rijenLog.length > vraag.limiet;
      const pagina = meer ? rijenLog.slice(0, vraag.limiet) : rijenLog;
      const regels = pagina.map(
        (r) =>
          `{"seq":${r.seq},"tabel":${JSON.stringify(r.tabel)},"rijId":${JSON.stringify(r.rijId)},"soort":"${r.soort}"${r.velden ? `,"velden":${r.velden}` : ''}${r.hash ? `,"hash":"${r.hash}"` : ''}}`,
      );
      const kop: Omit<PullAntwoord, 'regels'> = {
        scope: vraag.scope,
        tot: pagina.at(-1)?.seq ?? vraag.na,
        meer,
        laatste: stand.seq,
        ...(meer ? {} : { checksum: { hash: stand.hash, aantal: stand.aantal } }),
      };
      return `${JSON.stringify(kop).slice(0, -1)},"regels":[${regels.join(',')}]}`;
    },
    { isolationLevel: 'repeatable read' },
  );
}

/** Rows of one table in a scope (for tests and the repair check). */
export async function rijenIn(db: ServerDb, scope: string, tabellen?: string[]) {
  const waar = tabellen
    ? and(eq(rijen.scope, scope), inArray(rijen.tabel, tabellen))
    : eq(rijen.scope, scope);
  return db.select().from(rijen).where(waar);
}
