/**
 * The service's one writer of synced rows (the counterpart of the laptop's ChangeWriter): what a
 * push transaction reads, merges and writes, batched (./push.ts applies the changes through it).
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { syncTabel, teamScope } from '../../db/sync-tabellen';
import { type Wijziging } from '../../shared/sync/protocol';
import { TOEWIJZING_LOPEND } from '../../shared/statussen';
import type { Waarden } from '../../shared/regels/weigering';
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
import { ontvangen, rijen } from '../db/schema';

import type { PushOpdracht } from './push';
import './native-sha256';
import {
  RIJEN_PER_DEEL,
  scopeDelen,
  voerUit,
  type Bon,
  type Deel,
  type Plek,
  type ScopeWerk,
} from './register-writer-sql';

export type Tx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];

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
export const teamVanScope = (scope: string) =>
  scope.startsWith(teamScope('')) ? scope.slice(teamScope('').length) : null;
/** The family rows the toewijzing rule reads (shared/regels/rollen.ts). */
const GEZIN_SAMENHANG = ['akkoorden', 'toewijzingen', 'zorgprofielen'];
const IN_STUKKEN = 500;

/**
 * Whether a pushed value can be a stored row's id: a field's value may hold U+0000 (it is stored
 * as JSON), an id never does, and PostgreSQL's text refuses it in a query. Such a reference
 * names no row, so the rules refuse it as unknown.
 */
const kanBestaan = (id: unknown): id is string => typeof id === 'string' && !id.includes('\u0000');

/** A row as a push transaction sees it: its registers parsed once, hashed once at the end. */
export interface RijWerk {
  tabel: string;
  rijId: string;
  scope: string;
  gezinId: string | null;
  registers: RijRegisters;
  /** The hash the scope's checksum holds for this row now (null: not in the scope yet). */
  geteld: string | null;
}

export const NUL_HASH = '0000000000000000';

/**
 * What one push transaction reads and writes, batched: the rows it touches are read (and locked)
 * in one query; each row's registers are merged in memory and hashed once; the rows, log lines,
 * receipts and scope counters are written together at the end. The scope row is only touched
 * by that last statement, which takes the next seqs itself, so the lock that serialises a
 * team's pushes is held for one statement and the commit, not for the whole push.
 */
export class RegisterWriter {
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
      if (ouder && kanBestaan(id)) sleutels.push([ouder.tabel, id]);
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
   * aanbieder (with its contracts) and team and its family's approvals, toewijzingen and
   * zorgprofielen (a family new in this batch has none stored); only then is its choice checked
   * (a change to the choice of one that has run is refused without them). One statement, only when the batch holds such a change.
   * Reference rows are not locked: every team's pushes name them.
   */
  async laadSamenhang(opdrachten: readonly PushOpdracht[]) {
    const sleutels = new Map<string, readonly [string, string]>();
    const gezinnen = new Set<string>();
    /** Aanbieders whose contracts the choice rule reads (shared/regels/toewijzing-keuze.ts). */
    const contractenVan = new Set<string>();
    const vraag = (tabel: string, id: unknown) => {
      if (kanBestaan(id) && !this.rijWerk.has(sleutel(tabel, id)))
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
          (TOEWIJZING_LOPEND as readonly unknown[]).includes(nieuw('status'))
        ) {
          const bestaand = this.rijWerk.get(sleutel(w.tabel, w.rijId));
          const huidig = bestaand ? waardenVan(bestaand.registers).waarden : {};
          vraag('producten', nieuw('productId') ?? huidig.productId);
          const aanbieder = nieuw('aanbiederId') ?? huidig.aanbiederId;
          vraag('aanbieders', aanbieder);
          if (kanBestaan(aanbieder)) contractenVan.add(aanbieder);
          const lid = nieuw('gezinslidId');
          // The youth's row, stored before this batch or not (then the family is the caller's).
          const plek =
            bestaand ??
            (typeof lid === 'string' ? this.rijWerk.get(sleutel('gezinsleden', lid)) : undefined);
          vraag('teams', plek ? teamVanScope(plek.scope) : aanroeper.teamId);
          const gezin = plek ? plek.gezinId : nieuweLeden.get(lid);
          if (kanBestaan(gezin)) gezinnen.add(gezin);
        }
      }
    const waar: SQL[] = [];
    const lijst = [...sleutels.values()];
    for (let i = 0; i < lijst.length; i += IN_STUKKEN)
      waar.push(metSleutels(lijst.slice(i, i + IN_STUKKEN)));
    if (gezinnen.size > 0)
      waar.push(and(inArray(rijen.gezinId, [...gezinnen]), inArray(rijen.tabel, GEZIN_SAMENHANG))!);
    // A contract names its aanbieder only inside its registers: the id as a JSON string there
    // picks the candidates (rijenMet then compares the field itself).
    for (const id of contractenVan)
      waar.push(
        and(
          eq(rijen.tabel, 'contracten'),
          sql`strpos(${rijen.registers}, ${JSON.stringify(id)}) > 0`,
        )!,
      );
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
    for (const [scope, werk] of this.scopeWerk) delen.push(...scopeDelen(scope, werk));
    this.scopeWerk.clear();
    await voerUit(this.tx, delen);
  }
}
