/**
 * The server side of sync: applies pushed changes once each (idempotent by change id), checks
 * every change against the caller's role and team, keeps each scope's log, sequence and
 * checksum, moves a family's records when it moves to another team (verhuizing), and serves
 * pages of the log. A batch is applied whole or not at all.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
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
  type LogRegel,
  type PullAntwoord,
  type PushAntwoord,
  type Wijziging,
} from '../../shared/sync/protocol';
import {
  rijHash,
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
  | 'cursor-onbekend';

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

class Schrijver {
  private readonly gelockt = new Map<string, { seq: number; hash: string; aantal: number }>();

  constructor(private readonly tx: Tx) {}

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

  async log(scope: string, tabel: string, rijId: string, velden: RijRegisters | null) {
    const s = await this.scope(scope);
    s.seq += 1;
    await this.tx.insert(wijzigingenLog).values({
      scope,
      seq: s.seq,
      tabel,
      rijId,
      soort: velden ? 'velden' : 'weg',
      velden: velden ? JSON.stringify(velden) : null,
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

  async bewaar() {
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
      const eerder = (
        await tx.select().from(ontvangen).where(eq(ontvangen.wijzigingId, w.wijzigingId))
      )[0];
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

      const bestaand = (
        await tx
          .select()
          .from(rijen)
          .where(and(eq(rijen.tabel, w.tabel), eq(rijen.rijId, w.rijId)))
          .for('update')
      )[0];
      const { scope, gezinId } = await bepaalScope(tx, spec, w, bestaand, aanroeper, fout);

      const oud: RijRegisters = bestaand ? JSON.parse(bestaand.registers) : {};
      const delta = alsRegisters(w);
      const nieuw = voegRijenSamen(oud, delta);
      const nieuweHash = rijHash(w.tabel, w.rijId, nieuw);
      if (bestaand)
        await tx
          .update(rijen)
          .set({ registers: JSON.stringify(nieuw), hash: nieuweHash })
          .where(and(eq(rijen.tabel, w.tabel), eq(rijen.rijId, w.rijId)));
      else
        await tx.insert(rijen).values({
          tabel: w.tabel,
          rijId: w.rijId,
          scope,
          gezinId,
          registers: JSON.stringify(nieuw),
          hash: nieuweHash,
        });
      await schrijver.rekenOm(scope, bestaand?.hash ?? null, nieuweHash);
      const seq = await schrijver.log(scope, w.tabel, w.rijId, delta);
      await tx.insert(ontvangen).values({
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

async function bepaalScope(
  tx: Tx,
  spec: SyncTabel,
  w: Wijziging,
  bestaand: typeof rijen.$inferSelect | undefined,
  aanroeper: Aanroeper,
  fout: (m: string) => SyncFout,
): Promise<{ scope: string; gezinId: string | null }> {
  const geenToegang = (m: string) => new SyncFout(403, 'geen-toegang', m);
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
      const huidig = waardenVan(JSON.parse(bestaand.registers)).waarden[vast];
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
  const ouder =
    typeof ouderId === 'string'
      ? (
          await tx
            .select({ scope: rijen.scope, gezinId: rijen.gezinId })
            .from(rijen)
            .where(and(eq(rijen.tabel, spec.ouder!.tabel), eq(rijen.rijId, ouderId)))
        )[0]
      : undefined;
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
  const alle = await tx.select().from(rijen).where(eq(rijen.gezinId, gezinId));
  const volgorde = (r: (typeof alle)[number]) => TABEL_VOLGORDE.get(r.tabel) ?? 0;
  alle.sort((a, b) => volgorde(a) - volgorde(b) || (a.rijId < b.rijId ? -1 : 1));
  for (const r of [...alle].reverse()) {
    await schrijver.log(van, r.tabel, r.rijId, null);
    await schrijver.rekenOm(van, r.hash, null);
  }
  for (const r of alle) {
    await schrijver.log(naar, r.tabel, r.rijId, JSON.parse(r.registers));
    await schrijver.rekenOm(naar, null, r.hash);
  }
  await tx.update(rijen).set({ scope: naar }).where(eq(rijen.gezinId, gezinId));
}

export async function leesPull(
  db: ServerDb,
  aanroeper: Aanroeper,
  vraag: { scope: string; na: number; limiet: number },
): Promise<PullAntwoord> {
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
      const regels: LogRegel[] = pagina.map((r) => ({
        seq: r.seq,
        tabel: r.tabel,
        rijId: r.rijId,
        soort: r.soort,
        ...(r.velden ? { velden: JSON.parse(r.velden) } : {}),
      }));
      return {
        scope: vraag.scope,
        regels,
        tot: pagina.at(-1)?.seq ?? vraag.na,
        meer,
        ...(meer ? {} : { checksum: { hash: stand.hash, aantal: stand.aantal } }),
      };
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
