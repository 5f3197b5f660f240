/**
 * The sync property of issue 21 (item 5), shared by the short mode in `npm test`
 * (convergentie.test.ts) and the long mode (`npm run test:sync-fuzz -- --runs 1000`).
 *
 * Per run: two teams on one service (PGlite), three laptops of team 1 and one of team 2, each
 * with its own store, clock and engine, all through one faulty transport (requests dropped,
 * answers lost, requests duplicated, old pushes replayed late, delays that interleave the
 * laptops), with the server restarted and laptops crashing between applying a page and saving
 * its cursor. At random the laptops, offline or not:
 * - insert and edit rows of every synced table of the team scope (valid random values, parents
 *   from the same family, within the role rules of shared/regels/: laptop 0 is team 1's
 *   teamcoach and alone sets its budget, requests for approval stay undecided, toewijzingen are
 *   not made to run without one);
 * - fill a leefdomein and fix a plan version through the app's own use cases
 *   (`gezinsplanOpslaan`, `gezinsplanVastleggen`): two laptops doing so offline write the same
 *   natural key (plan + domein, plan + versie);
 * - tombstone rows, also while a colleague edits them;
 * - (team 1) move a family to team 2 (verhuizing) while colleagues still edit it offline;
 * - set their clock wrong, up to a day behind or ahead (fixed again when the network heals).
 * Then the network heals, every clock is right again, and everyone syncs a few rounds. Afterwards:
 * - every laptop holds exactly the service's registers and values for its team's scope;
 * - every engine has nothing waiting and no error; a change refused stays visible in the outbox
 *   (`geweigerd`), and only team 1's changes to a family that moved to team 2 are refused;
 * - every text anyone typed is current, in a conflict, replaced by a write whose author had seen
 *   it, or (verhuizing) kept as refused; a text on a deleted row counts only in a conflict or
 *   when the deleter had seen it;
 * - each plan lists every accepted version, numbered distinctly and the same on every laptop
 *   (read through `gezinsplanOphalen`), and each leefdomein once.
 * The property is on behaviour: texts are followed by their value, not by the HLC they were
 * written with (a laptop may stamp a refused change anew).
 */
import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { eq, getTableColumns, getTableName, inArray } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import fc from 'fast-check';
import { ApiError } from '../../core/api-error';
import type { Ctx, Deps } from '../../core/context';
import {
  gezinsplanOphalen,
  gezinsplanOpslaan,
  gezinsplanVastleggen,
} from '../../core/gezinsplan/gezinsplan';
import { leesRegisters } from '../../core/sync/registers';
import { tabelToegang } from '../../core/sync/tabel-toegang';
import { GeenVerbinding, type Transport, type Verzoek } from '../../core/sync/transport';
import { inTransaction } from '../../db/transaction';
import { ChangeWriter } from '../../core/writer';
import type { EngineOpties } from '../../core/sync/engine-types';
import { gezinMedewerkers, gezinnen, gezinsplannen } from '../../db/schema';
import { SYNC_TABELLEN, syncTabel, teamScope, type SyncTabel } from '../../db/sync-tabellen';
import { API } from '../../shared/api';
import { toIsoDate } from '../../shared/dates';
import {
  IJW_EENHEDEN,
  IJW_FREQUENTIES,
  IJW_PRODUCTCATEGORIEEN,
  LEEFDOMEINEN,
  PERCELEN,
  VOORZIENING_SOORTEN,
} from '../../shared/domain';
import { MAX_KLOK_VOORSPRONG_MS } from '../../shared/sync/protocol';
import { GESCHIEDENIS_TABELLEN } from '../../shared/regels/rollen';
import {
  canoniek,
  conflictenVan,
  uitOpslag,
  waardenVan,
  type RijRegisters,
} from '../../shared/sync/rij';
import { gebruikers, rijen, teams as teamAccounts } from '../../server/db/schema';
import {
  gemeenteVanTeam,
  maakAccount,
  maakOmgeving,
  zaaiReferentie,
  type Account,
  type Omgeving,
  WACHTWOORD,
} from './dienst-omgeving';
import { injectTransport, maakLaptop, type Laptop } from './laptop';

// ------------------------------------------------------------------ steps

export type Stap =
  /** A new row in a random team table (a family comes with its plan), or in `tabel`. */
  | { soort: 'nieuw'; laptop: number; zaad: number; tekst: string; tabel?: string }
  /**
   * A field of a random row changed (free text typed, or another valid value); `tabel` and
   * `veld` fix the choice (the known cases below).
   */
  | { soort: 'bewerk'; laptop: number; zaad: number; tekst: string; tabel?: string; veld?: string }
  /** A row tombstoned (only rows nothing refers to). */
  | { soort: 'verwijder'; laptop: number; zaad: number; tabel?: string }
  /** `gezinsplanOpslaan` with one of the first leefdomeinen: the natural key plan + domein. */
  | { soort: 'domein'; laptop: number; zaad: number; tekst: string }
  /** `gezinsplanVastleggen`: the natural key plan + versie. */
  | { soort: 'vastleggen'; laptop: number; zaad: number }
  /** A family of team 1 moves to team 2 (on a laptop of team 1). */
  | { soort: 'verhuis'; laptop: number; zaad: number }
  | { soort: 'sync'; laptops: number[] }
  | { soort: 'crash'; laptop: number }
  | { soort: 'klok'; laptop: number; scheefMs: number }
  | { soort: 'herstart-server' };

/** Laptops 0-2 are team 1, laptop 3 is team 2 (it works on families that move there). */
export const LAPTOPS = 4;
const laptopNr = fc.oneof(
  { weight: 5, arbitrary: fc.nat(2) },
  { weight: 1, arbitrary: fc.constant(3) },
);
const zaad = fc.nat();
const tekst = fc.string({ maxLength: 10 });

export const stapArbitrary: fc.Arbitrary<Stap> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ soort: fc.constant('nieuw' as const), laptop: laptopNr, zaad, tekst }),
  },
  {
    weight: 6,
    arbitrary: fc.record({ soort: fc.constant('bewerk' as const), laptop: laptopNr, zaad, tekst }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ soort: fc.constant('verwijder' as const), laptop: laptopNr, zaad }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ soort: fc.constant('domein' as const), laptop: laptopNr, zaad, tekst }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ soort: fc.constant('vastleggen' as const), laptop: laptopNr, zaad }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ soort: fc.constant('verhuis' as const), laptop: laptopNr, zaad }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      soort: fc.constant('sync' as const),
      laptops: fc.uniqueArray(fc.nat(LAPTOPS - 1), { minLength: 1, maxLength: LAPTOPS }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ soort: fc.constant('crash' as const), laptop: laptopNr }) },
  // A few minutes either way (accepted), or up to a day behind or ahead (ahead is refused
  // until the clock is right again).
  {
    weight: 1,
    arbitrary: fc.record({
      soort: fc.constant('klok' as const),
      laptop: laptopNr,
      scheefMs: fc.oneof(
        fc.integer({ min: -240_000, max: 240_000 }),
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ soort: 'herstart-server' as const }) },
);

// ------------------------------------------------------------------ randomness and faults

/** Deterministic randomness from a seed (transport faults, a step's choices). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pauze = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sync and token-refresh requests are dropped, lost on the way back, duplicated, delayed, or
 * (pushes) replayed late.
 */
function foutieveTransport(
  basis: Transport,
  rnd: () => number,
  storingen: { aan: boolean },
): Transport {
  const oudePushes: Verzoek[] = [];
  return async (verzoek) => {
    const geraakt = verzoek.pad.startsWith('/sync/') || verzoek.pad === '/auth/vernieuwen';
    if (!storingen.aan || !geraakt) return basis(verzoek);
    if (verzoek.pad === '/sync/push') oudePushes.push(verzoek);
    const r = rnd();
    if (r < 0.08) throw new GeenVerbinding();
    if (r < 0.16) {
      await basis(verzoek);
      throw new GeenVerbinding();
    }
    if (r < 0.24) {
      await basis(verzoek);
      return basis(verzoek);
    }
    if (r < 0.3 && oudePushes.length > 0) {
      const oud = oudePushes[Math.floor(rnd() * oudePushes.length)]!;
      await basis({ ...oud, token: verzoek.token });
    }
    if (r < 0.45) await pauze(Math.floor(rnd() * 6));
    return basis(verzoek);
  };
}

// ------------------------------------------------------------------ the tables

const TEAM_TABELLEN = SYNC_TABELLEN.filter((t) => t.soort === 'team');
export const TEAM_TABEL_NAMEN = TEAM_TABELLEN.map((t) => t.naam);

/** Field -> the table it refers to (foreign keys of the schema). */
const VERWIJZINGEN = new Map(
  TEAM_TABELLEN.map((spec) => {
    const sleutelVan = new Map(
      (Object.entries(getTableColumns(spec.tabel)) as [string, SQLiteColumn][]).map(([k, c]) => [
        c.name,
        k,
      ]),
    );
    const uit = new Map<string, string>();
    for (const fk of getTableConfig(spec.tabel as SQLiteTable).foreignKeys) {
      const ref = fk.reference();
      uit.set(sleutelVan.get(ref.columns[0]!.name)!, getTableName(ref.foreignTable));
    }
    return [spec.naam, uit];
  }),
);

/**
 * Written generically. Not: a plan on its own (one per family, made with it), leefdomeinen and
 * plan versions (only through the use cases, as the app writes them).
 */
const GEEN_INVOEG = new Set(['gezinsplannen', 'gezinsplan_domeinen', 'gezinsplan_versies']);
const INVOEG_TABELLEN = TEAM_TABELLEN.filter((t) => !GEEN_INVOEG.has(t.naam));
// History (a note's earlier wording, a correction) is written once and never edited
// (shared/regels/rollen.ts GESCHIEDENIS_TABELLEN).
const BEWERK_TABELLEN = TEAM_TABELLEN.filter(
  (t) =>
    t.naam !== 'gezinsplan_domeinen' &&
    t.naam !== 'gezinsplan_versies' &&
    !(t.naam in GESCHIEDENIS_TABELLEN),
);
/** Rows nothing else refers to (a tombstoned parent would hide its children's text). */
const VERWIJDER_TABELLEN = new Set([
  'netwerkleden',
  'afspraken',
  'handtekeningen',
  'doelen',
  'ingezette_voorzieningen',
  'evaluaties',
  'akkoorden',
  'overdrachten',
  'gespreksverslagen',
  'bezoeken',
  'teambudgetten',
  'budget_wijzigingen',
]);
/** Fields the app keeps itself (the plan's version counter) or that move a family. */
const NIET_BEWERKEN: Record<string, readonly string[]> = {
  gezinnen: ['teamId', 'regisseurId'],
  gezinsplannen: ['versie', 'toestemmingVersie'],
  // A vier-ogen decision is a colleague's (shared/regels/rollen.ts); requests are made here.
  akkoorden: ['besluit', 'beoordeeldOp'],
};
/**
 * Set only by the team's teamcoach (laptop 0) or a beheerder (shared/regels/rollen.ts), and
 * decisions that wait for a colleague: requests stay undecided, toewijzingen do not run.
 */
const BUDGET_TABELLEN = new Set(['teambudgetten', 'budget_wijzigingen']);
const BESLUIT = new Set(['besluit', 'beoordeeldDoor', 'beoordeeldOp']);
const NIET_LOPEND = ['concept', 'ter_accordering', 'ingetrokken'];
/** The teamcoach's reason to open a dossier, given for every family (NEN 7513 in the app). */
class ElkeReden extends Map<string, { reden: string; tot: number }> {
  override get() {
    return { reden: 'Werkt mee aan het gezinsplan', tot: Number.MAX_SAFE_INTEGER };
  }
}
/** The leefdomeinen the natural-key steps use: few, so that laptops meet. */
const DOMEINEN = LEEFDOMEINEN.codes.slice(0, 2);

// ------------------------------------------------------------------ the run's state

interface Bekend {
  /** Order of creation in the run: candidates are chosen in this (reproducible) order. */
  nr: number;
  tabel: string;
  gezinId: string | null;
  teamId: string | null;
}

/** A free-text value typed on a laptop (followed by its value, which is unique in the run). */
interface Getypt {
  soort: 'tekst';
  laptop: number;
  tabel: string;
  rijId: string;
  veld: string;
  waarde: string;
  /** The HLC it was written with (a laptop may stamp a refused change anew). */
  hlc: string;
  /** The typed values of this field the author saw (the local heads it replaced). */
  gezien: string[];
}

/** A tombstone, with the typed values of the row's free-text fields its author saw. */
interface Weg {
  soort: 'weg';
  laptop: number;
  tabel: string;
  rijId: string;
  gezien: Record<string, string[]>;
}

interface Toestel {
  nr: number;
  laptop: Laptop;
  account: Account;
  team: string;
  /** Its clock was once more than the service allows ahead: clock-drift may be reported. */
  ooitVoor: boolean;
}

export interface Telling {
  runs: number;
  stappen: number;
  storingen: number;
  invoegingen: Record<string, number>;
  bewerkingen: Record<string, number>;
  verwijderingen: Record<string, number>;
  /** Leefdomeinen inserted while another laptop's row for the same plan and domein existed. */
  dubbeleDomeinen: number;
  versiesVastgelegd: number;
  verhuizingen: number;
  klokVoor: number;
  overgeslagen: number;
}

export const nieuweTelling = (): Telling => ({
  runs: 0,
  stappen: 0,
  storingen: 0,
  invoegingen: {},
  bewerkingen: {},
  verwijderingen: {},
  dubbeleDomeinen: 0,
  versiesVastgelegd: 0,
  verhuizingen: 0,
  klokVoor: 0,
  overgeslagen: 0,
});

const tel = (lijst: Record<string, number>, tabel: string) =>
  (lijst[tabel] = (lijst[tabel] ?? 0) + 1);

const ENGINE: EngineOpties = { paginaGrootte: 7 };
/** Rounds of everyone syncing once the network has healed. */
const HERSTELRONDEN = 4;

/**
 * The test accounts' password stored with a tiny scrypt cost (the stored hash names its own
 * parameters): signing in four new laptops per run then takes milliseconds, not a second.
 */
const SNELLE_HASH = (() => {
  const [n, r, p] = [16, 8, 1];
  const zout = randomBytes(16);
  const sleutel = scryptSync(WACHTWOORD, zout, 32, { N: n, r, p });
  return `scrypt$${n}$${r}$${p}$${zout.toString('base64')}$${sleutel.toString('base64')}`;
})();

/** The service with the reference data runs need beyond teams and colleagues. */
export interface Dienst {
  omgeving: Omgeving;
  runs: number;
  /** Teams made so far: each gemeente gets its own code. */
  teams: number;
}

/**
 * A team with its gemeente, as dienst-omgeving's maakTeam makes one, but with a gemeente code
 * unique on this service: a random one repeats after a hundred teams or so, and two gemeenten
 * with one code are reference data no laptop can store (the unique index), for every later run.
 */
async function nieuwTeam(dienst: Dienst, naam: string): Promise<string> {
  const { store } = dienst.omgeving;
  const id = randomUUID();
  const gemeente = randomUUID();
  dienst.teams += 1;
  await store.db.insert(teamAccounts).values({ id, naam });
  await zaaiReferentie(store, 'gemeenten', [
    {
      id: gemeente,
      code: `GM${String(dienst.teams).padStart(4, '0')}`,
      naam,
      inwoners: 40_000,
      jeugdigen: 8_000,
    },
  ]);
  await zaaiReferentie(store, 'teams', [{ id, naam, gemeenteId: gemeente }]);
  return id;
}

export async function maakDienst(): Promise<Dienst> {
  const omgeving = await maakOmgeving('pglite');
  const dienst: Dienst = { omgeving, runs: 0, teams: 0 };
  const gemeenteId = await gemeenteVanTeam(omgeving.store, await nieuwTeam(dienst, 'Regio'));
  await zaaiReferentie(omgeving.store, 'aanbieders', [
    {
      id: randomUUID(),
      naam: 'Zorg en Zo',
      agbCode: '12345678',
      plaats: 'Dordrecht',
      budgetplafondCents: 100_000_000,
      clientenstop: false,
    },
  ]);
  await zaaiReferentie(omgeving.store, 'producten', [
    {
      id: randomUUID(),
      productcode: '45A48',
      omschrijving: 'Begeleiding',
      perceel: PERCELEN.codes[0],
      categorie: IJW_PRODUCTCATEGORIEEN.codes[0],
      eenheid: IJW_EENHEDEN.codes[0],
      frequentie: IJW_FREQUENTIES.codes[0],
      tariefCents: 6_000,
      beschikkingsvrij: false,
    },
  ]);
  await zaaiReferentie(omgeving.store, 'sociale_voorzieningen', [
    {
      id: randomUUID(),
      gemeenteId,
      naam: 'Opvoedsteunpunt',
      soort: VOORZIENING_SOORTEN.codes[0],
      aanbod: 'Gesprekken',
      contact: '078 123 45 67',
      gratis: true,
      actief: true,
    },
  ]);
  return dienst;
}

/** A call of a use case as the core makes it: a signed-in context, in one transaction. */
function alsKern<R>(t: Toestel, scheefMs: number, werk: (ctx: Ctx) => R): R {
  const { store, clock } = t.laptop;
  const nu = () => new Date(Date.now() + scheefMs);
  const deps: Deps = {
    db: store.db,
    sqlite: store.sqlite,
    clock,
    today: () => toIsoDate(nu()),
    now: () => nu().toISOString(),
    sojJobs: undefined as never,
    sync: t.laptop.engine,
    toegangslog: undefined as never,
    inzageRedenen: new ElkeReden(),
  };
  return inTransaction(store.sqlite, () =>
    werk({
      ...deps,
      session: { professionalId: t.account.id, rol: t.account.rol, teamId: t.team },
      write: new ChangeWriter(store.sqlite, clock, t.account.id),
      geraakt: new Map(),
      logregels: [],
    }),
  );
}

/**
 * One run of the property: a fresh pair of teams and laptops on the shared service. Throws with
 * every deviation found.
 */
export async function draai(
  dienst: Dienst,
  stappen: readonly Stap[],
  transportZaad: number,
  telling: Telling,
): Promise<void> {
  const { omgeving } = dienst;
  telling.runs += 1;
  const storingen = { aan: false };
  const transport = foutieveTransport(injectTransport(omgeving), prng(transportZaad), storingen);
  dienst.runs += 1;
  const team1 = await nieuwTeam(dienst, `Jeugdteam ${dienst.runs}a`);
  const team2 = await nieuwTeam(dienst, `Jeugdteam ${dienst.runs}b`);
  const accounts: Account[] = [];
  for (let i = 0; i < LAPTOPS; i++) {
    // Laptop 0 is team 1's teamcoach: the team budget is the coach's.
    const account = await maakAccount(
      omgeving.store,
      i === 0 ? 'teamcoach' : 'jeugdprofessional',
      i < LAPTOPS - 1 ? team1 : team2,
    );
    await omgeving.store.db
      .update(gebruikers)
      .set({ wachtwoordHash: SNELLE_HASH })
      .where(eq(gebruikers.id, account.id));
    accounts.push(account);
  }
  const scheef = new Array<number>(LAPTOPS).fill(0);
  const toestellen: Toestel[] = await Promise.all(
    accounts.map(async (account, nr) => {
      const laptop = await maakLaptop(transport, account, { scheefMs: () => scheef[nr]! });
      laptop.herstart(ENGINE);
      return { nr, laptop, account, team: account.teamId!, ooitVoor: false };
    }),
  );
  try {
    await scenario(omgeving, toestellen, { team1, team2 }, stappen, scheef, storingen, telling);
  } finally {
    for (const t of toestellen) t.laptop.store.close();
  }
}

async function scenario(
  omgeving: Omgeving,
  toestellen: Toestel[],
  teams: { team1: string; team2: string },
  stappen: readonly Stap[],
  scheef: number[],
  storingen: { aan: boolean },
  telling: Telling,
): Promise<void> {
  const bekend = new Map<string, Bekend>();
  const ken = (id: string, tabel: string, gezinId: string | null, teamId: string | null) => {
    if (!bekend.has(id)) bekend.set(id, { nr: bekend.size, tabel, gezinId, teamId });
  };
  const acties: (Getypt | Weg)[] = [];
  /** Plan -> versions fixed successfully on some laptop. */
  const vastgelegd = new Map<string, number>();
  const verhuisd = new Set<string>();
  let volgnr = 0;
  const eersteAccount = (team: string) => toestellen.find((t) => t.team === team)!.account;

  // ---------------------------------------------------------------- reading a laptop

  const sqliteVan = (t: Toestel) => t.laptop.store.sqlite;
  const rijVan = (t: Toestel, tabel: string, id: string) =>
    tabelToegang(sqliteVan(t), syncTabel(tabel)!).rij(id);
  const kopWaarden = (t: Toestel, tabel: string, id: string, veld: string): string[] =>
    (leesRegisters(sqliteVan(t), tabel, id, undefined)[veld]?.koppen ?? [])
      .map((v) => v.waarde)
      .filter((w): w is string => typeof w === 'string');
  /** Local, not deleted rows of a table (in order of creation). */
  const levend = (t: Toestel, tabel: string): string[] =>
    (sqliteVan(t).prepare(`SELECT id FROM "${tabel}" WHERE deleted = 0`).pluck().all() as string[])
      .filter((id) => bekend.has(id))
      .sort((a, b) => bekend.get(a)!.nr - bekend.get(b)!.nr);
  const eigenGezinnen = (t: Toestel) =>
    levend(t, 'gezinnen').filter((id) => rijVan(t, 'gezinnen', id)?.teamId === t.team);
  /** Rows of a table the laptop works on: of its own families, or its team's budget rows. */
  const kandidaten = (t: Toestel, tabel: string, gezinId?: string): string[] => {
    const spec = syncTabel(tabel)!;
    if (BUDGET_TABELLEN.has(tabel) && t.account.rol !== 'teamcoach') return [];
    if (spec.teamVeld && tabel !== 'gezinnen')
      return levend(t, tabel).filter((id) => bekend.get(id)!.teamId === t.team);
    const gezinnen = gezinId ? [gezinId] : eigenGezinnen(t);
    return levend(t, tabel).filter((id) => gezinnen.includes(bekend.get(id)!.gezinId!));
  };
  const kies = <T>(r: () => number, lijst: readonly T[]): T | undefined =>
    lijst.length === 0 ? undefined : lijst[Math.floor(r() * lijst.length)];
  /** A table that has rows the laptop works on, then one of them. */
  const kiesRij = (t: Toestel, tabellen: readonly SyncTabel[], r: () => number) => {
    const metRijen = tabellen
      .map((spec) => ({ spec, ids: kandidaten(t, spec.naam) }))
      .filter((x) => x.ids.length > 0);
    const keuze = kies(r, metRijen);
    return keuze && { spec: keuze.spec, id: kies(r, keuze.ids)! };
  };
  /** Mostly the laptop's first family: the natural-key steps of two laptops then meet. */
  const kiesGezin = (t: Toestel, r: () => number) => {
    const lijst = eigenGezinnen(t);
    return r() < 0.7 ? lijst[0] : kies(r, lijst);
  };
  const typTekst = (l: number, tekst: string) => `L${l}.${volgnr++}:${tekst}`.trim();

  /** Records the typed text now in the laptop's register (after a write). */
  const noteer = (
    t: Toestel,
    tabel: string,
    rijId: string,
    veld: string,
    waarde: string,
    gezien: string[] = [],
  ) => {
    const kop = (leesRegisters(sqliteVan(t), tabel, rijId, undefined)[veld]?.koppen ?? []).find(
      (v) => v.waarde === waarde,
    );
    acties.push({
      soort: 'tekst',
      laptop: t.nr,
      tabel,
      rijId,
      veld,
      waarde,
      hlc: kop?.hlc ?? '',
      gezien,
    });
  };

  // ---------------------------------------------------------------- values

  /** A valid value for a field; null when a required reference has no candidate. */
  function waarde(
    t: Toestel,
    spec: SyncTabel,
    veld: string,
    gezinId: string | null,
    r: () => number,
    tekst: () => string,
  ): { waarde: unknown } | null {
    const v = spec.velden.get(veld)!;
    const verwijst = VERWIJZINGEN.get(spec.naam)!.get(veld);
    if (veld === spec.teamVeld) return { waarde: t.team };
    if (spec.naam === 'akkoorden' && BESLUIT.has(veld)) return { waarde: null };
    if (verwijst) {
      const ref = syncTabel(verwijst)!;
      const lijst =
        ref.soort === 'referentie'
          ? ((
              sqliteVan(t)
                .prepare(`SELECT id FROM "${verwijst}" WHERE deleted = 0 ORDER BY id`)
                .pluck()
                .all() as string[]
            ).filter((id) => verwijst !== 'professionals' || id === t.account.id) as string[])
          : kandidaten(t, verwijst, gezinId ?? undefined);
      const gekozen = kies(r, lijst);
      // History names its author always: the laptop's own account.
      if (GESCHIEDENIS_TABELLEN[spec.naam] === veld) return { waarde: t.account.id };
      if (gekozen !== undefined && !(v.nullable && r() < 0.2)) return { waarde: gekozen };
      return v.nullable ? { waarde: null } : null;
    }
    if (spec.vrijeTekst.includes(veld)) return { waarde: v.nullable && r() < 0.2 ? null : tekst() };
    if (v.nullable && r() < 0.3) return { waarde: null };
    if (spec.naam === 'toewijzingen' && veld === 'status') return { waarde: kies(r, NIET_LOPEND) };
    // A ToewijzingNummer comes from the laptop's blocks and never changes (ADR 0005); the fuzz
    // leaves it empty (test/sync/toewijzingnummers.test.ts covers the numbers). One draw, as for
    // any number, so the runs stay the runs they were.
    if (spec.naam === 'toewijzingen' && veld === 'toewijzingNummer') {
      r();
      return { waarde: null };
    }
    // Once a toewijzing took the forecast over budget that stays recorded: the fuzz, which edits
    // fields at random, leaves it unset (shared/regels/regels.test.ts covers the rule).
    if (spec.naam === 'toewijzingen' && veld === 'bovenBudget') {
      r();
      return { waarde: false };
    }
    if (v.enumWaarden) {
      const codes =
        spec.naam === 'gezinnen' && veld === 'status'
          ? v.enumWaarden.filter((c) => c !== 'afgesloten')
          : v.enumWaarden;
      return { waarde: kies(r, codes) };
    }
    if (v.soort === 'boolean') return { waarde: r() < 0.5 };
    if (v.soort === 'number') {
      const n = Math.floor(r() * 1_000);
      if (veld === 'volume') return { waarde: 1 + (n % 100) };
      if (veld === 'jaar') return { waarde: 2026 + (n % 2) };
      if (veld === 'oordeelCijfer' || veld === 'cijferGezin') return { waarde: 1 + (n % 10) };
      if (veld === 'score') return { waarde: 1 + (n % 5) };
      if (veld === 'versie') return { waarde: 1 + (n % 3) };
      return { waarde: n * 100 };
    }
    const dag = `2026-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    if (spec.naam === 'bezoeken' && veld === 'op') return { waarde: `${dag}T10:30` };
    // A birth date lies in the past on any day the fuzz runs (the service refuses one ahead of
    // its date): the same draws, in 2012.
    if (veld === 'geboortedatum') return { waarde: dag.replace(/^2026/, '2012') };
    if (/(^op$|Op$|datum$|Datum$|^uiterlijk$|^geldig|^sinds$|Start$)/.test(veld))
      return { waarde: dag };
    if (['probleemgebieden', 'aanwezig', 'koppelingen', 'lijnen'].includes(veld))
      return { waarde: '[]' };
    if (veld === 'bsn') return { waarde: null };
    // Contact facts as the app takes them (shared/gezinsgegevens.ts); one draw, as for any text.
    const nr = Math.floor(r() * 1_000);
    if (veld === 'telefoon') return { waarde: `06 12345${String(nr).padStart(3, '0')}` };
    if (veld === 'email') return { waarde: `ouder${nr}@voorbeeld.nl` };
    return { waarde: `${veld} ${nr}` };
  }

  // ---------------------------------------------------------------- what laptops do

  /** A new row of `spec` on laptop t, in one of its families (or its team's budget). */
  function voegIn(
    t: Toestel,
    spec: SyncTabel,
    r: () => number,
    tekst: () => string,
    inGezin?: string,
  ): boolean {
    if (spec.naam === 'gezinnen') {
      const getypt: [string, string][] = [];
      const ids = t.laptop.schrijf((w) => {
        const waarden: Record<string, unknown> = {
          teamId: t.team,
          regisseurId: t.account.id,
          naam: `Familie ${volgnr}`,
          adres: tekst(),
          postcode: '3311 AB',
          woonplaats: 'Dordrecht',
          status: 'actief',
          aangemeldOp: '2026-11-02',
        };
        getypt.push(['adres', waarden.adres as string]);
        const gezinId = w.insert(gezinnen, waarden as typeof gezinnen.$inferInsert);
        const eigen = tekst();
        const planId = w.insert(gezinsplannen, { gezinId, eigenWoorden: eigen });
        return { gezinId, planId, eigen };
      });
      ken(ids.gezinId, 'gezinnen', ids.gezinId, t.team);
      ken(ids.planId, 'gezinsplannen', ids.gezinId, null);
      for (const [veld, w] of getypt) noteer(t, 'gezinnen', ids.gezinId, veld, w);
      noteer(t, 'gezinsplannen', ids.planId, 'eigenWoorden', ids.eigen);
      tel(telling.invoegingen, 'gezinnen');
      tel(telling.invoegingen, 'gezinsplannen');
      return true;
    }
    if (BUDGET_TABELLEN.has(spec.naam) && t.account.rol !== 'teamcoach') return false;
    let gezinId: string | null = null;
    if (spec.ouder) {
      const gezin = inGezin ?? kies(r, eigenGezinnen(t));
      if (!gezin) return false;
      gezinId = gezin;
    }
    const waarden: Record<string, unknown> = {};
    for (const veld of spec.velden.keys()) {
      if (veld === 'deleted') continue;
      const w = waarde(t, spec, veld, gezinId, r, tekst);
      if (!w) return false;
      waarden[veld] = w.waarde;
    }
    const id = t.laptop.schrijf((w) =>
      w.insert(spec.tabel as typeof gezinnen, waarden as typeof gezinnen.$inferInsert),
    );
    ken(id, spec.naam, gezinId, spec.teamVeld ? t.team : null);
    for (const veld of spec.vrijeTekst)
      if (typeof waarden[veld] === 'string')
        noteer(t, spec.naam, id, veld, waarden[veld] as string);
    tel(telling.invoegingen, spec.naam);
    return true;
  }

  function bewerk(
    t: Toestel,
    r: () => number,
    tekst: () => string,
    gekozen: { tabel?: string; veld?: string },
  ): boolean {
    // Often an afspraak's text: where edits meet deletes.
    const alleen = gekozen.tabel ?? (r() < 0.35 ? 'afspraken' : undefined);
    const tabellen = alleen ? BEWERK_TABELLEN.filter((s) => s.naam === alleen) : BEWERK_TABELLEN;
    const doel = kiesRij(t, tabellen, r);
    if (!doel) return false;
    const { spec, id } = doel;
    const vast = new Set([
      spec.ouder?.veld,
      spec.teamVeld,
      'deleted',
      ...VERWIJZINGEN.get(spec.naam)!.keys(),
      ...(NIET_BEWERKEN[spec.naam] ?? []),
    ]);
    const velden = [...spec.velden.keys()].filter((v) => !vast.has(v));
    const teksten = velden.filter((v) => spec.vrijeTekst.includes(v));
    const veld = gekozen.veld ?? kies(r, teksten.length > 0 && r() < 0.7 ? teksten : velden);
    if (!veld) return false;
    const nieuw = waarde(t, spec, veld, bekend.get(id)!.gezinId, r, tekst);
    if (!nieuw) return false;
    const gezien = kopWaarden(t, spec.naam, id, veld);
    const gewijzigd = t.laptop.schrijf((w) =>
      w.update(spec.tabel as typeof gezinnen, id, { [veld]: nieuw.waarde }),
    );
    if (!gewijzigd) return false;
    if (typeof nieuw.waarde === 'string' && spec.vrijeTekst.includes(veld))
      noteer(t, spec.naam, id, veld, nieuw.waarde, gezien);
    tel(telling.bewerkingen, spec.naam);
    return true;
  }

  function verwijder(t: Toestel, r: () => number, alleen?: string): boolean {
    const tabellen = TEAM_TABELLEN.filter((s) => VERWIJDER_TABELLEN.has(s.naam)).filter((s) =>
      alleen ? s.naam === alleen : r() < 0.35 || s.naam === 'afspraken',
    );
    const doel = kiesRij(t, tabellen, r);
    if (!doel) return false;
    const gezien = Object.fromEntries(
      doel.spec.vrijeTekst.map((veld) => [veld, kopWaarden(t, doel.spec.naam, doel.id, veld)]),
    );
    t.laptop.schrijf((w) => w.tombstone(doel.spec.tabel as typeof gezinnen, doel.id));
    acties.push({ soort: 'weg', laptop: t.nr, tabel: doel.spec.naam, rijId: doel.id, gezien });
    tel(telling.verwijderingen, doel.spec.naam);
    return true;
  }

  const planVan = (t: Toestel, gezinId: string) =>
    sqliteVan(t).prepare('SELECT id FROM gezinsplannen WHERE gezin_id = ?').pluck().get(gezinId) as
      string | undefined;
  const domeinRijen = (t: Toestel, planId: string, domein: string) =>
    sqliteVan(t)
      .prepare('SELECT id FROM gezinsplan_domeinen WHERE plan_id = ? AND domein = ?')
      .pluck()
      .all(planId, domein) as string[];

  /** Fills a leefdomein through the use case, as the plan screen's autosave does. */
  function domein(t: Toestel, r: () => number, tekst: () => string): boolean {
    const gezinId = kiesGezin(t, r);
    const planId = gezinId && planVan(t, gezinId);
    if (!gezinId || !planId) return false;
    const code = kies(r, DOMEINEN)!;
    const situatie = tekst();
    const doel = tekst();
    const eigenWoorden = r() < 0.3 ? tekst() : undefined;
    const voor = domeinRijen(t, planId, code)[0];
    const gezien = {
      situatie: voor ? kopWaarden(t, 'gezinsplan_domeinen', voor, 'situatie') : [],
      doel: voor ? kopWaarden(t, 'gezinsplan_domeinen', voor, 'doel') : [],
      eigenWoorden: kopWaarden(t, 'gezinsplannen', planId, 'eigenWoorden'),
    };
    // Another laptop's row for this plan and domein exists, and this laptop has not seen it.
    const elders = toestellen.some(
      (a) => a !== t && domeinRijen(a, planId, code).some((id) => id !== voor),
    );
    const invoer = API['gezinsplan.opslaan'].input.parse({
      gezinId,
      domeinen: [{ domein: code, situatie, doel }],
      ...(eigenWoorden === undefined ? {} : { eigenWoorden }),
    });
    try {
      alsKern(t, scheef[t.nr]!, (ctx) => gezinsplanOpslaan(ctx, invoer));
    } catch (error) {
      if (error instanceof ApiError) return false;
      throw error;
    }
    if (!voor && elders) telling.dubbeleDomeinen += 1;
    for (const id of domeinRijen(t, planId, code)) ken(id, 'gezinsplan_domeinen', gezinId, null);
    const rijId = domeinRijen(t, planId, code)[0]!;
    noteer(
      t,
      'gezinsplan_domeinen',
      rijId,
      'situatie',
      invoer.domeinen![0]!.situatie,
      gezien.situatie,
    );
    noteer(t, 'gezinsplan_domeinen', rijId, 'doel', invoer.domeinen![0]!.doel, gezien.doel);
    if (invoer.eigenWoorden !== undefined)
      noteer(t, 'gezinsplannen', planId, 'eigenWoorden', invoer.eigenWoorden, gezien.eigenWoorden);
    tel(voor ? telling.bewerkingen : telling.invoegingen, 'gezinsplan_domeinen');
    return true;
  }

  /** Fixes the plan as its next version through the use case. */
  function vastleggen(t: Toestel, r: () => number): boolean {
    const gezinId = kiesGezin(t, r);
    const planId = gezinId && planVan(t, gezinId);
    if (!gezinId || !planId) return false;
    const invoer = API['gezinsplan.vastleggen'].input.parse({ gezinId });
    try {
      alsKern(t, scheef[t.nr]!, (ctx) => gezinsplanVastleggen(ctx, invoer));
    } catch (error) {
      if (error instanceof ApiError) return false;
      throw error;
    }
    for (const id of sqliteVan(t)
      .prepare('SELECT id FROM gezinsplan_versies WHERE plan_id = ?')
      .pluck()
      .all(planId) as string[])
      ken(id, 'gezinsplan_versies', gezinId, null);
    vastgelegd.set(planId, (vastgelegd.get(planId) ?? 0) + 1);
    telling.versiesVastgelegd += 1;
    tel(telling.invoegingen, 'gezinsplan_versies');
    tel(telling.bewerkingen, 'gezinsplannen');
    return true;
  }

  /** A family of team 1 moves to team 2, with a regisseur there. */
  function verhuis(t: Toestel, r: () => number): boolean {
    const gezinId = t.team === teams.team1 ? kies(r, eigenGezinnen(t)) : undefined;
    if (!gezinId) return false;
    const naar = teams.team2;
    t.laptop.schrijf((w) =>
      w.update(gezinnen, gezinId, { teamId: naar, regisseurId: eersteAccount(naar).id }),
    );
    verhuisd.add(gezinId);
    telling.verhuizingen += 1;
    tel(telling.bewerkingen, 'gezinnen');
    return true;
  }

  async function sync(t: Toestel, opties: EngineOpties = ENGINE): Promise<void> {
    if (opties !== ENGINE) t.laptop.herstart(opties);
    await t.laptop.engine.synchroniseer().catch((e: Error & { soort?: string }) => {
      telling.storingen += 1;
      if (e.soort === 'offline' || e.soort === 'server-error') return;
      if (e.soort === 'clock-drift' && t.ooitVoor) return;
      if (opties.naPagina && e.message === 'crash tussen pagina en cursor') return;
      throw new Error(`laptop ${t.nr}: de sync stopt met ${e.soort ?? e.name}: ${e.message}`, {
        cause: e,
      });
    });
  }

  // ---------------------------------------------------------------- the run

  // Two families of team 1 on laptop 0, laptops 1 and 2 working with them; the first with a row
  // in every table, so that edits and deletes reach all of them from the start.
  const start = toestellen[0]!;
  const startR = prng(1);
  const startTekst = () => typTekst(0, 'begin');
  for (let g = 0; g < 2; g++) {
    voegIn(start, syncTabel('gezinnen')!, startR, startTekst);
    const gezinId = [...bekend.entries()].filter(([, b]) => b.tabel === 'gezinnen').at(-1)![0];
    start.laptop.schrijf((w) => {
      for (const t of toestellen.slice(1, 3))
        ken(
          w.insert(gezinMedewerkers, {
            gezinId,
            professionalId: t.account.id,
            sinds: '2026-11-02',
          }),
          'gezin_medewerkers',
          gezinId,
          null,
        );
    });
  }
  const eerste = [...bekend.keys()][0]!;
  for (const spec of INVOEG_TABELLEN)
    if (spec.naam !== 'gezinnen') voegIn(start, spec, startR, startTekst, eerste);
  for (const t of toestellen) await sync(t);

  storingen.aan = true;
  for (const s of stappen) {
    telling.stappen += 1;
    if (s.soort === 'sync') {
      const uitkomsten = await Promise.allSettled(s.laptops.map((i) => sync(toestellen[i]!)));
      for (const u of uitkomsten) if (u.status === 'rejected') throw u.reason;
      continue;
    }
    if (s.soort === 'herstart-server') {
      await omgeving.herstart();
      continue;
    }
    const t = toestellen[s.laptop]!;
    if (s.soort === 'crash') {
      // The next sync dies after applying a page, before saving its cursor; a fresh engine
      // over the same store takes over (its memory lost).
      await sync(t, {
        ...ENGINE,
        naPagina: () => {
          throw new Error('crash tussen pagina en cursor');
        },
      });
      t.laptop.herstart(ENGINE);
      continue;
    }
    if (s.soort === 'klok') {
      scheef[t.nr] = s.scheefMs;
      if (s.scheefMs > MAX_KLOK_VOORSPRONG_MS) {
        t.ooitVoor = true;
        telling.klokVoor += 1;
      }
      continue;
    }
    const r = prng(s.zaad);
    const tekst = () => typTekst(t.nr, 'tekst' in s ? s.tekst : '');
    const gedaan =
      s.soort === 'nieuw'
        ? voegIn(
            t,
            s.tabel
              ? syncTabel(s.tabel)!
              : INVOEG_TABELLEN[Math.floor(r() * INVOEG_TABELLEN.length)]!,
            r,
            tekst,
          )
        : s.soort === 'bewerk'
          ? bewerk(t, r, tekst, s)
          : s.soort === 'verwijder'
            ? verwijder(t, r, s.tabel)
            : s.soort === 'domein'
              ? domein(t, r, tekst)
              : s.soort === 'vastleggen'
                ? vastleggen(t, r)
                : verhuis(t, r);
    if (!gedaan) telling.overgeslagen += 1;
  }

  // The network heals and every clock is set right: everyone syncs a few rounds.
  storingen.aan = false;
  scheef.fill(0);
  for (let ronde = 0; ronde < HERSTELRONDEN; ronde++)
    for (const t of toestellen) await t.laptop.engine.synchroniseer().catch(() => undefined);

  const fouten = await controleer();
  if (fouten.length > 0)
    throw new Error(
      `${fouten.length} afwijking(en) na herstel:\n- ${fouten.slice(0, 25).join('\n- ')}`,
    );

  // ---------------------------------------------------------------- the checks

  async function controleer(): Promise<string[]> {
    const fouten: string[] = [];
    const serverRijen = await omgeving.store.db
      .select()
      .from(rijen)
      .where(inArray(rijen.scope, [teamScope(teams.team1), teamScope(teams.team2)]));
    const opServer = new Map(
      serverRijen.map((r) => [`${r.tabel}|${r.rijId}`, { ...r, reg: uitOpslag(r.registers) }]),
    );
    const geweigerd = toestellen.map((t) =>
      (
        sqliteVan(t)
          .prepare(
            'SELECT table_name AS tabel, row_id AS rijId, fields, geweigerd FROM outbox WHERE geweigerd IS NOT NULL',
          )
          .all() as { tabel: string; rijId: string; fields: string; geweigerd: string }[]
      ).map((g) => ({
        ...g,
        velden: JSON.parse(g.fields) as Record<string, { waarde: unknown }>,
      })),
    );

    // Nothing waiting, no error; refused only team 1's changes of a family that moved away.
    for (const t of toestellen) {
      const status = t.laptop.engine.status() as unknown as Record<string, unknown>;
      if (status.wachtend !== 0 || status.fout !== null)
        fouten.push(
          `laptop ${t.nr}: ${String(status.wachtend)} wijziging(en) wachtend, fout ${JSON.stringify(status.fout)}`,
        );
      for (const [sleutel, waarde] of Object.entries(status))
        if (/quarant/i.test(sleutel) && waarde !== 0 && waarde !== null)
          fouten.push(`laptop ${t.nr}: ${sleutel} ${JSON.stringify(waarde)} na herstel`);
      for (const g of geweigerd[t.nr]!) {
        const gezin = bekend.get(g.rijId)?.gezinId;
        if (!gezin || !verhuisd.has(gezin) || t.team !== teams.team1)
          fouten.push(
            `laptop ${t.nr}: wijziging van ${g.tabel} ${g.rijId} geweigerd (geen verhuizing): ${g.geweigerd}`,
          );
      }
    }

    // Every laptop holds exactly its team's scope as the service has it.
    for (const t of toestellen) {
      const scope = teamScope(t.team);
      const sqlite = sqliteVan(t);
      const lokaal = new Set<string>();
      for (const tabel of TEAM_TABEL_NAMEN) {
        for (const id of sqlite.prepare(`SELECT id FROM "${tabel}"`).pluck().all() as string[])
          lokaal.add(`${tabel}|${id}`);
        for (const id of sqlite
          .prepare('SELECT rij_id FROM sync_registers WHERE tabel = ?')
          .pluck()
          .all(tabel) as string[])
          lokaal.add(`${tabel}|${id}`);
      }
      const bijDienst = serverRijen.filter((r) => r.scope === scope);
      const verwacht = new Set(bijDienst.map((r) => `${r.tabel}|${r.rijId}`));
      for (const k of lokaal)
        if (!verwacht.has(k))
          fouten.push(`laptop ${t.nr}: ${k} staat er, de dienst heeft het niet`);
      for (const r of bijDienst) {
        const k = `${r.tabel}|${r.rijId}`;
        if (!lokaal.has(k)) {
          fouten.push(`laptop ${t.nr}: ${k} van de dienst ontbreekt`);
          continue;
        }
        const server = opServer.get(k)!.reg;
        const hier = leesRegisters(sqlite, r.tabel, r.rijId, undefined);
        if (canoniek(hier) !== canoniek(server))
          fouten.push(`laptop ${t.nr}: registers van ${k} wijken af van de dienst`);
        const rij = rijVan(t, r.tabel, r.rijId);
        for (const [veld, w] of Object.entries(waardenVan(server).waarden))
          if (rij?.[veld] !== w)
            fouten.push(
              `laptop ${t.nr}: ${k}.${veld} is ${JSON.stringify(rij?.[veld])}, de dienst zegt ${JSON.stringify(w)}`,
            );
      }
    }

    // Nothing typed is lost. Newest first: a write counts as having reached the service when
    // its value is a head there, or a later write that reached it had seen it.
    const bereikt = new Set<Getypt | Weg>();
    const registerVan = (tabel: string, rijId: string, veld: string) =>
      opServer.get(`${tabel}|${rijId}`)?.reg[veld];
    const verwijderd = (tabel: string, rijId: string) => {
      const reg = opServer.get(`${tabel}|${rijId}`)?.reg;
      return reg !== undefined && waardenVan(reg).waarden.deleted === true;
    };
    const isKop = (a: Getypt) =>
      (registerVan(a.tabel, a.rijId, a.veld)?.koppen ?? []).some((v) => v.waarde === a.waarde);
    const vervangenDoorWieHetZag = (a: Getypt, index: number) =>
      Boolean(registerVan(a.tabel, a.rijId, a.veld)?.vervangen.includes(a.hlc)) ||
      acties
        .slice(index + 1)
        .some(
          (b) =>
            bereikt.has(b) &&
            b.tabel === a.tabel &&
            b.rijId === a.rijId &&
            (b.soort === 'tekst'
              ? b.veld === a.veld && b.gezien.includes(a.waarde)
              : (b.gezien[a.veld] ?? []).includes(a.waarde)),
        );
    const geweigerdZichtbaar = (a: Getypt) =>
      geweigerd[a.laptop]!.some(
        (g) => g.tabel === a.tabel && g.rijId === a.rijId && g.velden[a.veld]?.waarde === a.waarde,
      );
    for (let i = acties.length - 1; i >= 0; i--) {
      const a = acties[i]!;
      if (a.soort === 'weg') {
        const eigenWeigering = geweigerd[a.laptop]!.some(
          (g) => g.tabel === a.tabel && g.rijId === a.rijId && 'deleted' in g.velden,
        );
        if (verwijderd(a.tabel, a.rijId) && !eigenWeigering) bereikt.add(a);
        continue;
      }
      if (isKop(a) || vervangenDoorWieHetZag(a, i)) bereikt.add(a);
    }
    for (const [i, a] of acties.entries()) {
      if (a.soort === 'weg') continue;
      const waar = `${a.tabel}.${a.veld} van ${a.rijId} "${a.waarde}" (laptop ${a.laptop})`;
      if (isKop(a)) {
        const reg = registerVan(a.tabel, a.rijId, a.veld)!;
        const inConflict = conflictenVan({ [a.veld]: reg } as RijRegisters, [a.veld]).length > 0;
        if (verwijderd(a.tabel, a.rijId) && !inConflict && !vervangenDoorWieHetZag(a, i))
          fouten.push(`${waar}: staat alleen nog in een verwijderde rij, zonder conflict`);
        continue;
      }
      if (vervangenDoorWieHetZag(a, i) || geweigerdZichtbaar(a)) continue;
      fouten.push(`${waar}: verloren (niet actueel, geen conflict, niet gezien, niet geweigerd)`);
    }

    // Plan versions: every accepted one, numbered distinctly, the same everywhere; each
    // leefdomein once.
    const weigeringenVan = new Map<string, number>();
    for (const lijst of geweigerd)
      for (const g of lijst)
        if (g.tabel === 'gezinsplan_versies' && typeof g.velden.planId?.waarde === 'string')
          weigeringenVan.set(
            g.velden.planId.waarde,
            (weigeringenVan.get(g.velden.planId.waarde) ?? 0) + 1,
          );
    for (const team of [teams.team1, teams.team2]) {
      const gezinIds = serverRijen
        .filter((r) => r.scope === teamScope(team) && r.tabel === 'gezinnen')
        .filter((r) => !verwijderd('gezinnen', r.rijId))
        .map((r) => r.rijId);
      for (const gezinId of gezinIds) {
        let eerste: string | undefined;
        for (const t of toestellen.filter((x) => x.team === team)) {
          let plan: ReturnType<typeof gezinsplanOphalen>;
          try {
            plan = alsKern(t, 0, (ctx) => gezinsplanOphalen(ctx, { gezinId }));
          } catch (error) {
            fouten.push(`laptop ${t.nr}: gezinsplan van ${gezinId}: ${(error as Error).message}`);
            continue;
          }
          const nummers = plan.versies.map((v) => v.versie);
          if (new Set(nummers).size !== nummers.length)
            fouten.push(
              `laptop ${t.nr}: plan ${plan.id} heeft versienummers ${nummers.join(', ')}`,
            );
          const verwachtAantal =
            (vastgelegd.get(plan.id) ?? 0) - (weigeringenVan.get(plan.id) ?? 0);
          if (nummers.length !== verwachtAantal)
            fouten.push(
              `laptop ${t.nr}: plan ${plan.id} toont ${nummers.length} versie(s), ${verwachtAantal} vastgelegd`,
            );
          const domeinen = plan.inhoud.domeinen.map((d) => d.domein);
          if (new Set(domeinen).size !== domeinen.length)
            fouten.push(
              `laptop ${t.nr}: plan ${plan.id} toont leefdomeinen ${domeinen.join(', ')}`,
            );
          const beeld = JSON.stringify(plan.versies);
          if (eerste === undefined) eerste = beeld;
          else if (beeld !== eerste)
            fouten.push(`laptop ${t.nr}: versies van plan ${plan.id} wijken af: ${beeld}`);
        }
      }
    }
    return fouten;
  }
}

// ------------------------------------------------------------------ running it

export interface FuzzOpties {
  runs: number;
  /** Steps per run at most. */
  stappen: number;
  seed?: number;
  /** fast-check's path of a counterexample, to replay it (with its seed). */
  path?: string;
  /** Time shrinking a counterexample may take, after the first failure (seconds). */
  krimpSeconden?: number;
  /** A fresh service after this many runs (its log and reference data grow with every run). */
  runsPerDienst?: number;
  /** A service to use (and leave open) for the first runs, instead of starting one. */
  dienst?: Dienst;
  /** Progress (a line every so many runs). */
  log?: (regel: string) => void;
}

export interface FuzzUitkomst {
  details: fc.RunDetails<[Stap[], number]>;
  telling: Telling;
  /** fast-check's report with the counterexample, or null when the property held. */
  rapport: string | null;
  /** The command that replays the counterexample. */
  reproduceer: string | null;
  seconden: number;
}

/** Runs the property `runs` times (or replays `path`) and reports, without throwing. */
export async function syncFuzz(opties: FuzzOpties): Promise<FuzzUitkomst> {
  const begin = Date.now();
  const telling = nieuweTelling();
  const runsPerDienst = opties.runsPerDienst ?? 100;
  let dienst: Dienst | undefined = opties.dienst;
  let krimpTot: number | undefined;
  const log = opties.log ?? (() => undefined);
  try {
    const details = await fc.check(
      fc.asyncProperty(
        fc.array(stapArbitrary, { minLength: 2, maxLength: opties.stappen, size: 'max' }),
        fc.integer(),
        async (stappen, transportZaad) => {
          // Shrinking has had its time: the remaining candidates pass at once, so fast-check
          // stops with the smallest counterexample found so far.
          if (krimpTot !== undefined && Date.now() > krimpTot) return true;
          if (!dienst || dienst.runs >= runsPerDienst) {
            if (dienst !== opties.dienst) await dienst?.omgeving.sluit();
            dienst = undefined;
            dienst = await maakDienst();
          }
          try {
            await draai(dienst, stappen, transportZaad, telling);
          } catch (error) {
            krimpTot ??= Date.now() + (opties.krimpSeconden ?? 60) * 1000;
            throw error;
          }
          if (krimpTot === undefined && telling.runs % 10 === 0)
            log(`${telling.runs} runs, ${Math.round((Date.now() - begin) / 1000)} s`);
        },
      ),
      {
        numRuns: opties.runs,
        ...(opties.seed === undefined ? {} : { seed: opties.seed }),
        ...(opties.path === undefined ? {} : { path: opties.path }),
      },
    );
    const fout = details.errorInstance;
    const rapport = details.failed
      ? `${fc.defaultReportMessage(details) ?? 'Mislukt.'}\n\nFout: ${fout instanceof Error ? fout.message : String(fout)}`
      : null;
    const reproduceer =
      details.failed && details.counterexamplePath !== null
        ? `npm run test:sync-fuzz -- --seed=${details.seed} --path ${details.counterexamplePath} --steps ${opties.stappen}`
        : null;
    return { details, telling, rapport, reproduceer, seconden: (Date.now() - begin) / 1000 };
  } finally {
    if (dienst !== opties.dienst) await dienst?.omgeving.sluit();
  }
}

// ------------------------------------------------------------------ known cases

const sync = (...laptops: number[]): Stap => ({ soort: 'sync', laptops });
const watVanAfspraak = (laptop: number, tekst: string): Stap => ({
  soort: 'bewerk',
  laptop,
  zaad: 0,
  tekst,
  tabel: 'afspraken',
  veld: 'wat',
});

/**
 * The cases issue 21 names, run before the random ones (seed 0 picks the first family and the
 * first leefdomein). Each failed on the code of 6 December 2026.
 */
export const BEKENDE_GEVALLEN: readonly { naam: string; stappen: Stap[]; transportZaad: number }[] =
  [
    {
      naam: 'two laptops fill the same new leefdomein offline',
      stappen: [
        { soort: 'domein', laptop: 1, zaad: 0, tekst: 'situatie volgens 1' },
        { soort: 'domein', laptop: 2, zaad: 0, tekst: 'situatie volgens 2' },
        sync(1),
        sync(2),
        sync(1, 2),
        // Then one of them edits the leefdomein both now hold: the edit of a leefdomein is
        // covered by a known case, not left to the random runs' draw.
        { soort: 'domein', laptop: 1, zaad: 0, tekst: 'situatie daarna volgens 1' },
        sync(1, 2),
      ],
      transportZaad: 0,
    },
    {
      naam: 'two laptops fix a plan version offline',
      stappen: [
        { soort: 'vastleggen', laptop: 1, zaad: 0 },
        { soort: 'vastleggen', laptop: 2, zaad: 0 },
        sync(1),
        sync(2),
        sync(1, 2),
      ],
      transportZaad: 0,
    },
    {
      naam: "one laptop deletes an afspraak while another edits its 'wat'",
      stappen: [
        watVanAfspraak(1, 'bellen met school'),
        { soort: 'verwijder', laptop: 2, zaad: 0, tabel: 'afspraken' },
        sync(2),
        sync(1),
        sync(1, 2),
      ],
      transportZaad: 0,
    },
    {
      naam: 'a family moves to team 2 while colleagues of team 1 work on it offline',
      stappen: [
        watVanAfspraak(1, 'huisbezoek plannen'),
        { soort: 'domein', laptop: 2, zaad: 0, tekst: 'nieuw leefdomein' },
        { soort: 'verhuis', laptop: 0, zaad: 0 },
        sync(0),
        sync(3),
        sync(1),
        sync(2),
        watVanAfspraak(3, 'kennismaken met team 2'),
      ],
      transportZaad: 0,
    },
    {
      naam: 'two laptops add to and edit every table offline',
      stappen: [
        ...INVOEG_TABELLEN.map((spec): Stap => ({
          soort: 'nieuw',
          laptop: 2,
          zaad: 0,
          tekst: '',
          tabel: spec.naam,
        })),
        ...BEWERK_TABELLEN.flatMap((spec) =>
          (BUDGET_TABELLEN.has(spec.naam) ? [0] : [1, 2]).map((laptop): Stap => ({
            soort: 'bewerk',
            laptop,
            zaad: laptop,
            tekst: `${spec.naam} volgens ${laptop}`,
            tabel: spec.naam,
            // A budget's amount, not its year: a year drawn equal to the row's is no edit.
            ...(spec.vrijeTekst[0]
              ? { veld: spec.vrijeTekst[0] }
              : spec.naam === 'teambudgetten'
                ? { veld: 'bedragCents' }
                : {}),
          })),
        ),
        sync(1),
        sync(2),
        sync(1, 2),
      ],
      transportZaad: 1,
    },
    {
      // Drawn on 7 December 2026 (seed -334307142): a new youth born on 2026-12-23, refused by
      // the service as a birth date ahead of its date. Birth dates are now drawn in the past.
      naam: 'a new youth whose birth date was drawn in the past on any day',
      stappen: [
        { soort: 'verwijder', laptop: 0, zaad: 0 },
        { soort: 'nieuw', laptop: 0, zaad: 1162917026, tekst: '' },
        sync(0),
      ],
      transportZaad: 0,
    },
    {
      naam: 'a clock a day ahead, set right later',
      stappen: [
        { soort: 'klok', laptop: 1, scheefMs: 86_000_000 },
        watVanAfspraak(1, 'geschreven met de klok een dag voor'),
        sync(1),
        { soort: 'domein', laptop: 1, zaad: 0, tekst: 'nog steeds voor' },
        sync(1, 2),
      ],
      transportZaad: 0,
    },
  ];
