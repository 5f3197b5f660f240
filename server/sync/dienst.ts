/**
 * The server side of sync: applies pushed changes once each (idempotent by change id), checks
 * every change against the caller's role and team, keeps each scope's log, sequence and
 * checksum, moves a family's records when it moves to another team (verhuizing), and serves
 * pages of the log. A batch is applied whole or not at all.
 */
import { controleerToewijzingNummer } from './toewijzingnummers';
import { createHash } from 'node:crypto';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
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
  type Regel,
  type PullAntwoord,
  type PushAntwoord,
  type ScopesAntwoord,
  type Wijziging,
} from '../../shared/sync/protocol';
import { rolFout } from '../../shared/regels/rollen';
import { datumInNederland } from '../../shared/dates';
import { waardeFout } from '../../shared/regels/waarden';
import type { Opzoeken, Waarden, Weigering } from '../../shared/regels/weigering';
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
  | 'herhaalde-logregel'
  /** An access-log line whose MAC does not hold, or is missing where the device sends them. */
  | 'logregel-mac'
  | 'verhuisd'
  /** ToewijzingNummers (ADR 0005): this laptop had its blocks for the day, or none are left. */
  | 'te-veel-nummerblokken'
  | 'nummers-op'
  /** A change the caller's role may not make, or a value the app would refuse (`regel`). */
  | 'regel-geschonden';

export class SyncFout extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncFoutCode,
    message: string,
    /** Index of the refused change in the batch. */
    readonly index?: number,
    /** The rule a `regel-geschonden` refusal names (shared/regels/). */
    readonly regel?: Regel,
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

type Standen = NonNullable<ScopesAntwoord['standen']>;

/** The last seq and checksum of each of these scopes (a scope without changes has none). */
async function standenVan(db: ServerDb | Tx, lijst: readonly string[]): Promise<Standen> {
  const standen: Standen = {};
  for (const r of await db
    .select({ scope: scopes.scope, seq: scopes.seq, hash: scopes.hash, aantal: scopes.aantal })
    .from(scopes)
    .where(inArray(scopes.scope, [...lijst])))
    standen[r.scope] = { seq: Number(r.seq), hash: r.hash, aantal: Number(r.aantal) };
  return standen;
}

function scopesAntwoord(aanroeper: Aanroeper, standen: Standen, nu: Date): ScopesAntwoord {
  const lijst = scopesVoor(aanroeper);
  return {
    nu: nu.toISOString(),
    scopes: lijst,
    standen: Object.fromEntries(lijst.flatMap((s) => (standen[s] ? [[s, standen[s]]] : []))),
  };
}

/** The caller's scopes with their last seq and checksum. */
export async function scopesMetStand(
  db: ServerDb,
  aanroeper: Aanroeper,
  nu: Date,
): Promise<ScopesAntwoord> {
  return scopesAntwoord(aanroeper, await standenVan(db, scopesVoor(aanroeper)), nu);
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
/** A text array (PGlite's stack overflows on a long list of row values, not on arrays). */
const tekstLijst = (waarden: readonly string[]) =>
  sql`array[${sql.join(
    waarden.map((w) => sql`${w}`),
    sql`, `,
  )}]::text[]`;
/** The rows with these keys, as two arrays. */
const metSleutels = (stuk: readonly (readonly [string, string])[]) =>
  sql`(${rijen.tabel}, ${rijen.rijId}) in (select * from unnest(${tekstLijst(stuk.map(([t]) => t))}, ${tekstLijst(stuk.map(([, id]) => id))}))`;
/** A team scope's team. */
const teamVanScope = (scope: string) =>
  scope.startsWith(teamScope('')) ? scope.slice(teamScope('').length) : null;
/** The family rows the toewijzing rule reads (shared/regels/rollen.ts). */
const GEZIN_SAMENHANG = ['akkoorden', 'toewijzingen', 'zorgprofielen'];
const IN_STUKKEN = 500;
/**
 * Bound parameters per write statement: PGlite (PostgreSQL in WebAssembly) aborted here on a
 * statement of data-modifying CTEs with about 3,000; at 1,000 a push of 60 changes is one.
 */
const MAX_PARAMETERS = 1_000;
const RIJEN_PER_DEEL = 150;
const REGELS_PER_DEEL = 90;

/** One write of a batch: CTEs of a combined statement, named from `naam`. */
interface Deel {
  /** Its bound parameters, about: a statement holds at most MAX_PARAMETERS. */
  parameters: number;
  /** A scope piece's scope: two pieces of one scope never share a statement (one row update). */
  scope?: string;
  ctes(naam: string): SQL[];
  /** A scope piece learns the scope's seq after its lines. */
  klaar?(eind: number): void;
}

/** A log line's place in its scope; the seq is known once the line is written. */
export interface Plek {
  scope: string;
  seq?: number;
}

/** A receipt as `ontvangen` holds it, or as this batch will write it. */
interface Bon {
  wijzigingId: string;
  gebruikerId: string;
  inhoudHash: string;
  plek: Plek;
}

/** A row as a push transaction sees it: its registers parsed once, hashed once at the end. */
interface RijWerk {
  tabel: string;
  rijId: string;
  scope: string;
  gezinId: string | null;
  registers: RijRegisters;
  /** The hash the scope's checksum holds for this row now (null: not in the scope yet). */
  geteld: string | null;
}

type LogRegel = Omit<typeof wijzigingenLog.$inferInsert, 'scope' | 'seq'> & { plek: Plek };

/** What a batch adds to one scope: log lines in order, and the change of its checksum. */
interface ScopeWerk {
  regels: LogRegel[];
  bonnen: Bon[];
  hash: string;
  aantal: number;
}

const NUL_HASH = '0000000000000000';
const alsBigint = (hex: SQL) => sql`(('x' || ${hex})::bit(64)::bigint)`;

/**
 * What one push transaction reads and writes, batched: the rows it touches are read (and locked)
 * in one query; each row's registers are merged in memory and hashed once; the rows, log lines,
 * receipts and scope counters are written together at the end. The scope row is only touched
 * by that last statement, which takes the next seqs itself, so the lock that serialises a
 * team's pushes is held for one statement and the commit, not for the whole push.
 */
export class Schrijver {
  private readonly rijWerk = new Map<string, RijWerk>();
  private readonly gewijzigd = new Set<string>();
  private readonly scopeWerk = new Map<string, ScopeWerk>();
  /** Rows only read for the rules (reference rows, a family's approvals), not locked. */
  private readonly gelezen = new Map<string, RijWerk>();
  readonly eerder = new Map<string, Bon>();

  constructor(private readonly tx: Tx) {}

  /** Reads the receipts and rows (with their parents) a batch needs, locking the rows. */
  async laad(wijzigingen: readonly Wijziging[]) {
    const ids = wijzigingen.map((w) => w.wijzigingId);
    for (let i = 0; i < ids.length; i += IN_STUKKEN)
      for (const r of await this.tx
        .select()
        .from(ontvangen)
        .where(inArray(ontvangen.wijzigingId, ids.slice(i, i + IN_STUKKEN))))
        this.eerder.set(r.wijzigingId, { ...r, plek: { scope: r.scope, seq: r.seq } });
    // Parents are locked with the rows: one statement, and the parents are the caller's own.
    // In key order, so two pushes that share a parent take their locks in the same order.
    const sleutels: (readonly [string, string])[] = [];
    for (const w of wijzigingen) {
      sleutels.push([w.tabel, w.rijId]);
      const ouder = syncTabel(w.tabel)?.ouder;
      const id = ouder && w.velden[ouder.veld]?.waarde;
      if (ouder && typeof id === 'string') sleutels.push([ouder.tabel, id]);
    }
    const uniek = [...new Map(sleutels.map((k) => [sleutel(...k), k])).values()];
    for (let i = 0; i < uniek.length; i += IN_STUKKEN) {
      const stuk = uniek.slice(i, i + IN_STUKKEN);
      // Two arrays, not a list of row values: PGlite's stack overflows on a long list of pairs.
      for (const r of await this.tx
        .select()
        .from(rijen)
        .where(metSleutels(stuk))
        .orderBy(rijen.tabel, rijen.rijId)
        .for('update'))
        this.onthoud(r);
    }
  }

  /**
   * Reads, without a lock, the rows the role rules look at but the batch does not write
   * (shared/regels/rollen.ts): the professionals a family, an overdracht or a medewerker names,
   * the team a budget is for and, for a toewijzing made toegewezen or gestart, its product,
   * aanbieder and team and its family's approvals, toewijzingen and zorgprofielen (a family new
   * in this batch has none stored). One statement, only when the batch holds such a change.
   * Reference rows are not locked: every team's pushes name them.
   */
  async laadSamenhang(opdrachten: readonly PushOpdracht[]) {
    const sleutels = new Map<string, readonly [string, string]>();
    const gezinnen = new Set<string>();
    const vraag = (tabel: string, id: unknown) => {
      if (typeof id === 'string' && !this.rijWerk.has(sleutel(tabel, id)))
        sleutels.set(sleutel(tabel, id), [tabel, id]);
    };
    // Youths new in this batch, with their family (which may be stored already).
    const nieuweLeden = new Map<unknown, unknown>();
    for (const { wijzigingen } of opdrachten)
      for (const w of wijzigingen)
        if (w.tabel === 'gezinsleden') nieuweLeden.set(w.rijId, w.velden.gezinId?.waarde);
    for (const { aanroeper, wijzigingen } of opdrachten)
      for (const w of wijzigingen) {
        const nieuw = (veld: string) => w.velden[veld]?.waarde;
        if (w.tabel === 'gezinnen') vraag('professionals', nieuw('regisseurId'));
        else if (w.tabel === 'overdrachten') vraag('professionals', nieuw('naarId'));
        else if (w.tabel === 'gezin_medewerkers') vraag('professionals', nieuw('professionalId'));
        else if (w.tabel === 'teambudgetten' || w.tabel === 'budget_wijzigingen')
          vraag('teams', nieuw('teamId'));
        else if (w.tabel === 'akkoorden') {
          // A decision: whether the toewijzing is the teamcoach's to approve (its bovenBudget).
          const bestaand = this.rijWerk.get(sleutel(w.tabel, w.rijId));
          const huidig = bestaand ? waardenVan(bestaand.registers).waarden : {};
          vraag('toewijzingen', nieuw('toewijzingId') ?? huidig.toewijzingId);
        } else if (
          w.tabel === 'toewijzingen' &&
          (nieuw('status') === 'toegewezen' || nieuw('status') === 'gestart')
        ) {
          const bestaand = this.rijWerk.get(sleutel(w.tabel, w.rijId));
          const huidig = bestaand ? waardenVan(bestaand.registers).waarden : {};
          vraag('producten', nieuw('productId') ?? huidig.productId);
          vraag('aanbieders', nieuw('aanbiederId') ?? huidig.aanbiederId);
          const lid = nieuw('gezinslidId');
          // The youth's row, stored before this batch or not (then the family is the caller's).
          const plek =
            bestaand ??
            (typeof lid === 'string' ? this.rijWerk.get(sleutel('gezinsleden', lid)) : undefined);
          vraag('teams', plek ? teamVanScope(plek.scope) : aanroeper.teamId);
          const gezin = plek ? plek.gezinId : nieuweLeden.get(lid);
          if (typeof gezin === 'string') gezinnen.add(gezin);
        }
      }
    const waar: SQL[] = [];
    const lijst = [...sleutels.values()];
    for (let i = 0; i < lijst.length; i += IN_STUKKEN)
      waar.push(metSleutels(lijst.slice(i, i + IN_STUKKEN)));
    if (gezinnen.size > 0)
      waar.push(and(inArray(rijen.gezinId, [...gezinnen]), inArray(rijen.tabel, GEZIN_SAMENHANG))!);
    if (waar.length === 0) return;
    for (const r of await this.tx
      .select()
      .from(rijen)
      .where(or(...waar))) {
      const k = sleutel(r.tabel, r.rijId);
      if (!this.rijWerk.has(k)) this.gelezen.set(k, this.alsWerk(r));
    }
  }

  private alsWerk(r: RijStaat): RijWerk {
    return {
      tabel: r.tabel,
      rijId: r.rijId,
      scope: r.scope,
      gezinId: r.gezinId,
      registers: uitOpslag(r.registers),
      geteld: r.hash,
    };
  }

  private onthoud(r: RijStaat) {
    this.rijWerk.set(sleutel(r.tabel, r.rijId), this.alsWerk(r));
  }

  rij(tabel: string, rijId: string): RijWerk | undefined {
    return this.rijWerk.get(sleutel(tabel, rijId));
  }

  /** A row's current values as this transaction sees them (the batch so far included). */
  waarden(tabel: string, rijId: string): Waarden | null {
    const k = sleutel(tabel, rijId);
    const r = this.rijWerk.get(k) ?? this.gelezen.get(k);
    return r ? waardenVan(r.registers).waarden : null;
  }

  /** The rows read of `tabel` whose `veld` holds `waarde`, with their ids (the rules' lookup). */
  rijenMet(tabel: string, veld: string, waarde: string): (Waarden & { id: string })[] {
    const uit: (Waarden & { id: string })[] = [];
    for (const [k, r] of [...this.rijWerk, ...this.gelezen]) {
      if (r.tabel !== tabel || (this.rijWerk.has(k) && this.rijWerk.get(k) !== r)) continue;
      const w = waardenVan(r.registers).waarden;
      if (w[veld] === waarde) uit.push({ ...w, id: r.rijId });
    }
    return uit;
  }

  /** Merges a change's registers into the row (creating it in `plek` when new). */
  voegSamen(
    tabel: string,
    rijId: string,
    plek: { scope: string; gezinId: string | null },
    delta: RijRegisters,
  ): RijWerk {
    const k = sleutel(tabel, rijId);
    const bestaand = this.rijWerk.get(k);
    const werk: RijWerk = bestaand
      ? { ...bestaand, registers: voegRijenSamen(bestaand.registers, delta) }
      : { tabel, rijId, ...plek, registers: delta, geteld: null };
    this.rijWerk.set(k, werk);
    this.gewijzigd.add(k);
    return werk;
  }

  private werkIn(scope: string): ScopeWerk {
    let werk = this.scopeWerk.get(scope);
    if (!werk) {
      werk = { regels: [], bonnen: [], hash: NUL_HASH, aantal: 0 };
      this.scopeWerk.set(scope, werk);
    }
    return werk;
  }

  /** A receipt for the change whose log line is at `plek`. */
  bon(bon: Bon) {
    this.werkIn(bon.plek.scope).bonnen.push(bon);
    this.eerder.set(bon.wijzigingId, bon);
  }

  logRegel(scope: string, tabel: string, rijId: string, velden: RijRegisters | null): Plek {
    const plek: Plek = { scope };
    this.werkIn(scope).regels.push({
      tabel,
      rijId,
      soort: velden ? 'velden' : 'weg',
      velden: velden ? naarOpslag(velden) : null,
      hash: velden ? rijHash(tabel, rijId, velden) : null,
      plek,
    });
    return plek;
  }

  rekenOm(scope: string, oudeHash: string | null, nieuweHash: string | null) {
    const werk = this.werkIn(scope);
    if (oudeHash) {
      werk.hash = xorHash(werk.hash, oudeHash);
      werk.aantal -= 1;
    }
    if (nieuweHash) {
      werk.hash = xorHash(werk.hash, nieuweHash);
      werk.aantal += 1;
    }
  }

  /** Marks a row as moved to `naar`, already counted there (a verhuizing writes its scope). */
  verhuisd(r: RijStaat, naar: string) {
    this.onthoud({ ...r, scope: naar });
  }

  /**
   * Writes everything pending: the changed rows (hashed and counted now), then per scope its log
   * lines and receipts with the seqs the scope row hands out in the same statement.
   */
  async schrijf() {
    const staten: RijStaat[] = [];
    for (const k of this.gewijzigd) {
      const werk = this.rijWerk.get(k)!;
      const hash = rijHash(werk.tabel, werk.rijId, werk.registers);
      this.rekenOm(werk.scope, werk.geteld, hash);
      werk.geteld = hash;
      const { geteld: _g, registers, ...plek } = werk;
      staten.push({ ...plek, registers: naarOpslag(registers), hash });
    }
    this.gewijzigd.clear();
    const delen: Deel[] = [];
    for (let i = 0; i < staten.length; i += RIJEN_PER_DEEL) {
      const upsert = this.tx
        .insert(rijen)
        .values(staten.slice(i, i + RIJEN_PER_DEEL))
        .onConflictDoUpdate({
          target: [rijen.tabel, rijen.rijId],
          set: { registers: sql`excluded.registers`, hash: sql`excluded.hash` },
        });
      delen.push({
        parameters: 6 * Math.min(RIJEN_PER_DEEL, staten.length - i),
        ctes: (naam) => [sql`${sql.raw(naam)} as (${upsert.getSQL()})`],
      });
    }
    for (const [scope, werk] of this.scopeWerk) delen.push(...this.scopeDelen(scope, werk));
    this.scopeWerk.clear();
    await this.voerUit(delen);
  }

  /**
   * The scope's counter is raised once for all its lines (PGlite aborts after many updates of one
   * row in a transaction), in the statement with the first REGELS_PER_DEEL lines and receipts,
   * which are numbered from the seq it returns; the later pieces carry their seqs as values.
   */
  private scopeDelen(scope: string, werk: ScopeWerk): Deel[] {
    const bonVan = new Map(werk.bonnen.map((b) => [b.plek, b]));
    const totaal = werk.regels.length;
    const teller = sql`insert into ${scopes} (scope, seq, hash, aantal)
      values (${scope}, ${totaal}, ${werk.hash}, ${werk.aantal})
      on conflict (scope) do update set
        seq = ${scopes.seq} + excluded.seq,
        hash = lpad(to_hex(${alsBigint(sql`${scopes.hash}`)} # ${alsBigint(sql`excluded.hash`)}), 16, '0'),
        aantal = ${scopes.aantal} + excluded.aantal
      returning seq`;
    const delen: Deel[] = [];
    for (let i = 0; i === 0 || i < totaal; i += REGELS_PER_DEEL) {
      const stuk = werk.regels.slice(i, i + REGELS_PER_DEEL);
      const bonnen = stuk.flatMap((r) => {
        const b = bonVan.get(r.plek);
        return b ? [b] : [];
      });
      const eerste = i === 0;
      delen.push({
        parameters: (eerste ? 4 : 0) + 7 * stuk.length + 5 * bonnen.length,
        scope,
        ctes: (naam) => {
          const uit: SQL[] = [];
          // The first piece numbers its lines from the counter's answer in the same statement.
          const seqVan = (r: LogRegel) =>
            eerste
              ? sql`(select seq from ${sql.raw(naam)}) - ${totaal}::bigint + ${i + stuk.indexOf(r) + 1}::bigint`
              : sql`${r.plek.seq!}::bigint`;
          if (eerste) uit.push(sql`${sql.raw(naam)} as (${teller})`);
          if (stuk.length > 0)
            uit.push(sql`${sql.raw(`${naam}_log`)} as (
              insert into ${wijzigingenLog} (scope, seq, tabel, rij_id, soort, velden, hash)
              values ${sql.join(
                stuk.map(
                  (r) =>
                    sql`(${scope}, ${seqVan(r)}, ${r.tabel}, ${r.rijId}, ${r.soort}, ${r.velden}, ${r.hash})`,
                ),
                sql`, `,
              )})`);
          if (bonnen.length > 0)
            uit.push(sql`${sql.raw(`${naam}_bon`)} as (
              insert into ${ontvangen} (wijziging_id, gebruiker_id, inhoud_hash, scope, seq)
              values ${sql.join(
                bonnen.map(
                  (b) =>
                    sql`(${b.wijzigingId}, ${b.gebruikerId}, ${b.inhoudHash}, ${scope}, ${seqVan(stuk.find((r) => r.plek === b.plek)!)})`,
                ),
                sql`, `,
              )})`);
          return uit;
        },
        ...(eerste
          ? {
              klaar: (eind: number) =>
                werk.regels.forEach((r, j) => (r.plek.seq = eind - totaal + j + 1)),
            }
          : {}),
      });
    }
    return delen;
  }

  /**
   * Runs the writes as data-modifying CTEs of as few statements as fit MAX_PARAMETERS: they touch
   * different tables (a piece's lines read only its own counter's new seq).
   */
  private async voerUit(delen: Deel[]) {
    let groep: Deel[] = [];
    let parameters = 0;
    const stuur = async () => {
      if (groep.length === 0) return;
      const namen = groep.map((_, i) => `d${i}`);
      const ctes = groep.flatMap((deel, i) => deel.ctes(namen[i]!));
      const tellers = groep.flatMap((deel, i) => (deel.klaar ? [{ deel, naam: namen[i]! }] : []));
      const uitkomst =
        tellers.length === 0
          ? sql`select 0 as i, 0 as seq`
          : sql.raw(
              tellers
                .map(({ naam }, i) => `select ${i} as i, seq from ${naam}`)
                .join(' union all '),
            );
      const antwoord = (await this.tx.execute(
        sql`with ${sql.join(ctes, sql`, `)} ${uitkomst}`,
      )) as unknown as {
        rows: { i: number | string; seq: number | string }[];
      };
      for (const r of antwoord.rows) tellers[Number(r.i)]?.deel.klaar!(Number(r.seq));
      groep = [];
      parameters = 0;
    };
    for (const deel of delen) {
      const zelfdeScope = deel.scope && groep.some((d) => d.scope === deel.scope);
      if (parameters + deel.parameters > MAX_PARAMETERS || zelfdeScope) await stuur();
      groep.push(deel);
      parameters += deel.parameters;
    }
    await stuur();
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

/** A refused rule (shared/regels/) as the push's answer: `regel-geschonden` naming it. */
function alsSyncFout(weigering: Weigering, w: Wijziging, index: number) {
  return new SyncFout(
    weigering.status,
    'regel-geschonden',
    `Wijziging ${index + 1} (${w.tabel}): ${weigering.bericht}`,
    index,
    weigering.regel,
  );
}

/** One push request: a caller's batch of changes. */
export interface PushOpdracht {
  aanroeper: Aanroeper;
  wijzigingen: readonly Wijziging[];
}

export async function verwerkPush(
  db: ServerDb,
  aanroeper: Aanroeper,
  wijzigingen: readonly Wijziging[],
  nu: Date,
): Promise<PushAntwoord> {
  return (await verwerkPushes(db, [{ aanroeper, wijzigingen }], nu))[0]!;
}

/**
 * Several pushes in one transaction, applied in order exactly as one after the other would be
 * (a change id in two of them is stored once): read together, written together. All or nothing:
 * when one is refused, none is stored (PushWachtrij then applies them one by one).
 */
export async function verwerkPushes(
  db: ServerDb,
  opdrachten: readonly PushOpdracht[],
  nu: Date,
): Promise<PushAntwoord[]> {
  return db.transaction(async (tx) => {
    const schrijver = new Schrijver(tx);
    const alle = opdrachten.flatMap((o) => o.wijzigingen);
    await schrijver.laad(alle);
    await schrijver.laadSamenhang(opdrachten);
    const plekken: [string, Plek][][] = [];
    for (const { aanroeper, wijzigingen } of opdrachten)
      plekken.push(await pasToe(tx, schrijver, aanroeper, wijzigingen, nu));
    await schrijver.schrijf();
    // One read of the scope states for the whole group, in its transaction: what each caller
    // would see asking right after.
    const standen = await standenVan(tx, [
      ...new Set(opdrachten.flatMap((o) => scopesVoor(o.aanroeper))),
    ]);
    return plekken.map((lijst, i) => ({
      verwerkt: lijst.map(([wijzigingId, { scope, seq }]) => ({ wijzigingId, scope, seq: seq! })),
      stand: scopesAntwoord(opdrachten[i]!.aanroeper, standen, nu),
    }));
  });
}

/** One push's changes merged into the transaction's rows; their places are known once written. */
async function pasToe(
  tx: Tx,
  schrijver: Schrijver,
  aanroeper: Aanroeper,
  wijzigingen: readonly Wijziging[],
  nu: Date,
): Promise<[string, Plek][]> {
  const plekken: [string, Plek][] = [];
  const wie = { id: aanroeper.gebruikerId, rol: aanroeper.rol, teamId: aanroeper.teamId };
  const zoek: Opzoeken = {
    rij: (tabel, id) => schrijver.waarden(tabel, id),
    rijenMet: (tabel, veld, waarde) => schrijver.rijenMet(tabel, veld, waarde),
  };
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
      throw new SyncFout(403, 'geen-toegang', 'Een wijziging draagt de naam van een ander.', index);
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
      plekken.push([w.wijzigingId, eerder.plek]);
      continue;
    }
    // After the receipts: a change once taken is answered as taken, whatever the clock says now.
    if (decodeHlc(w.hlc).wallMs > nu.getTime() + MAX_KLOK_VOORSPRONG_MS)
      throw new SyncFout(
        400,
        'klok-afwijking',
        'De klok van dit apparaat loopt voor. Zet de datum en tijd goed en synchroniseer opnieuw.',
        index,
      );

    // Values as the app would have them, then what the caller's role may do: the rules the core
    // decides by (shared/regels/). After the receipts: a change once taken is answered as taken.
    for (const [veld, { waarde }] of Object.entries(w.velden)) {
      const onwaarde = waardeFout(w.tabel, veld, waarde, datumInNederland(nu));
      if (onwaarde) throw alsSyncFout(onwaarde, w, index);
    }
    const bestaand = schrijver.rij(w.tabel, w.rijId);
    const plek = bepaalScope(schrijver, spec, w, bestaand, aanroeper, index, fout);
    const weigering = rolFout(
      wie,
      { tabel: w.tabel, rijId: w.rijId, teamId: teamVanScope(plek.scope) },
      bestaand ? waardenVan(bestaand.registers).waarden : null,
      Object.fromEntries(Object.entries(w.velden).map(([veld, { waarde }]) => [veld, waarde])),
      zoek,
    );
    if (weigering) throw alsSyncFout(weigering, w, index);
    await controleerToewijzingNummer(tx, aanroeper, w, bestaand?.registers, index);
    const delta = alsRegisters(w);
    const rij = schrijver.voegSamen(w.tabel, w.rijId, plek, delta);
    const regel = schrijver.logRegel(rij.scope, w.tabel, w.rijId, delta);
    schrijver.bon({
      wijzigingId: w.wijzigingId,
      gebruikerId: aanroeper.gebruikerId,
      inhoudHash: hash,
      plek: regel,
    });
    plekken.push([w.wijzigingId, regel]);

    if (spec.naam === 'gezinnen' && bestaand) {
      const team = waardenVan(rij.registers).waarden.teamId as string;
      if (teamScope(team) !== rij.scope) await verhuis(tx, schrijver, w.rijId, rij.scope, team);
    }
  }
  return plekken;
}

function bepaalScope(
  schrijver: Schrijver,
  spec: SyncTabel,
  w: Wijziging,
  bestaand: RijWerk | undefined,
  aanroeper: Aanroeper,
  index: number,
  fout: (m: string) => SyncFout,
): { scope: string; gezinId: string | null } {
  const geenToegang = (m: string) => new SyncFout(403, 'geen-toegang', m, index);
  // The family is (now) another team's: after a verhuizing, the text goes there (doorsturen.ts).
  const verhuisd = () =>
    new SyncFout(
      403,
      'verhuisd',
      'Dit gezin hoort (inmiddels) bij een ander team. Uw tekst is bewaard en, als het gezin naar een ander team is verhuisd, doorgestuurd naar de nieuwe regisseur.',
      index,
    );
  if (spec.soort === 'referentie') {
    if (aanroeper.rol !== 'beheerder')
      throw geenToegang('Alleen een beheerder wijzigt referentiegegevens.');
    return { scope: REFERENTIE_SCOPE, gezinId: null };
  }
  // A beheerder sets any team's budget, as in the app (shared/regels/rollen.ts `budgetFout`):
  // written into that team's scope, though the beheerder reads none.
  const budgetVanBeheerder =
    aanroeper.rol === 'beheerder' &&
    (spec.naam === 'teambudgetten' || spec.naam === 'budget_wijzigingen');
  if (!budgetVanBeheerder && (aanroeper.rol === 'beheerder' || !aanroeper.teamId))
    throw geenToegang('Een beheerder leest en wijzigt geen dossiers.');
  const budgetTeam = w.velden.teamId?.waarde;
  const eigen = budgetVanBeheerder
    ? (bestaand?.scope ?? teamScope(String(budgetTeam)))
    : teamScope(aanroeper.teamId!);

  if (bestaand) {
    if (bestaand.scope !== eigen) throw verhuisd();
    const vast = spec.ouder?.veld ?? (spec.naam === 'gezinnen' ? undefined : spec.teamVeld);
    if (vast && vast in w.velden) {
      const huidig = waardenVan(bestaand.registers).waarden[vast];
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
    if (budgetVanBeheerder && !schrijver.waarden('teams', team))
      throw fout('dit team bestaat niet');
    return { scope: eigen, gezinId: spec.naam === 'gezinnen' ? w.rijId : null };
  }
  const ouderId = w.velden[spec.ouder!.veld]!.waarde;
  const ouder = typeof ouderId === 'string' ? schrijver.rij(spec.ouder!.tabel, ouderId) : undefined;
  if (!ouder) throw fout(`het bovenliggende record (${spec.ouder!.tabel}) bestaat niet`);
  if (ouder.scope !== eigen) throw verhuisd();
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
    schrijver.logRegel(van, r.tabel, r.rijId, null);
    schrijver.rekenOm(van, r.hash, null);
  }
  for (const r of alle) {
    schrijver.logRegel(naar, r.tabel, r.rijId, uitOpslag(r.registers));
    schrijver.rekenOm(naar, null, r.hash);
  }
  await tx.update(rijen).set({ scope: naar }).where(eq(rijen.gezinId, gezinId));
  for (const r of alle) schrijver.verhuisd(r, naar);
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
  // One statement, so one snapshot: the scope's seq and checksum match the page without a
  // transaction around two reads (pulls are most of a service's statements). The page's JSON is
  // built by the database, the stored registers spliced in as they are: one text value to hand
  // over instead of thousands of rows to decode and serialise again.
  const antwoord = (await db.execute(sql`
    select s.seq as stand, s.hash as stand_hash, s.aantal as stand_aantal,
           p.regels, p.tot, p.aantal
    from ${scopes} s
    left join lateral (
      select string_agg(
               '{"seq":' || l.seq || ',"tabel":' || to_json(l.tabel)::text
               || ',"rijId":' || to_json(l.rij_id)::text || ',"soort":"' || l.soort || '"'
               || coalesce(',"velden":' || l.velden, '') || coalesce(',"hash":"' || l.hash || '"', '') || '}',
               ',' order by l.seq) filter (where l.n <= ${vraag.limiet}) as regels,
             max(l.seq) filter (where l.n <= ${vraag.limiet}) as tot,
             count(*) as aantal
      from (select seq, tabel, rij_id, soort, velden, hash, row_number() over (order by seq) as n
              from ${wijzigingenLog}
             where scope = s.scope and seq > ${vraag.na}
             order by seq limit ${vraag.limiet + 1}) l
    ) p on true
    where s.scope = ${vraag.scope}`)) as unknown as { rows: PullRij[] };
  const rij = antwoord.rows[0];
  const stand = rij
    ? { seq: Number(rij.stand), hash: rij.stand_hash, aantal: Number(rij.stand_aantal) }
    : { seq: 0, hash: NUL_HASH, aantal: 0 };
  if (vraag.na > stand.seq)
    throw new SyncFout(
      409,
      'cursor-onbekend',
      'De centrale dienst kent deze stand niet; de gegevens worden opnieuw opgehaald.',
    );
  const meer = Number(rij?.aantal ?? 0) > vraag.limiet;
  const kop: Omit<PullAntwoord, 'regels'> = {
    scope: vraag.scope,
    tot: rij?.tot != null ? Number(rij.tot) : vraag.na,
    meer,
    laatste: stand.seq,
    ...(meer ? {} : { checksum: { hash: stand.hash, aantal: stand.aantal } }),
  };
  return `${JSON.stringify(kop).slice(0, -1)},"regels":[${rij?.regels ?? ''}]}`;
}

/** The pull statement's one row: the scope's state, and its page as JSON with its extent. */
interface PullRij {
  stand: number | string;
  stand_hash: string;
  stand_aantal: number | string;
  regels: string | null;
  tot: number | string | null;
  aantal: number | string;
}

/** Rows of one table in a scope (for tests and the repair check). */
export async function rijenIn(db: ServerDb, scope: string, tabellen?: string[]) {
  const waar = tabellen
    ? and(eq(rijen.scope, scope), inArray(rijen.tabel, tabellen))
    : eq(rijen.scope, scope);
  return db.select().from(rijen).where(waar);
}
