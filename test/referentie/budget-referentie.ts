/**
 * An independent reference for the coach's dashboard (issue 24 item 4), written from the README
 * ("Money rules" and "Team budget, SOJ import and the coach's dashboard"), not from the app's
 * code: it imports nothing of shared/cost.ts, shared/dates.ts, shared/budget.ts or core/budget/.
 * Dates are counted day by day with its own calendar, money is exact (BigInt fractions) and
 * rounded half up once per toewijzing, then split into years and months by the largest
 * remainder. The SOJ lines are taken as the files hold them (text), and read, dated and linked to
 * a client and toewijzing by the README's rules for the SOJ file.
 *
 * Input: plain rows (as stored) and the SOJ files as fed to the importer; output: every figure of
 * the dashboard for one filter.
 */

// ------------------------------------------------------------------ input

export interface RefToewijzing {
  id: string;
  gezinslidId: string;
  actieplanId: string | null;
  zorgprofielId: string | null;
  aanbiederId: string;
  productId: string;
  verwijzer: string;
  status: string;
  volume: number;
  frequentie: string;
  tariefCents: number;
  startdatum: string;
  einddatum: string;
  beeindigdOp: string | null;
  werkelijkeStart: string | null;
  eindeReden: string | null;
}

export interface RefInvoer {
  vandaag: string;
  teams: { id: string; naam: string }[];
  gezinnen: { id: string; teamId: string; regisseurId: string; oordeelCijfer: number | null }[];
  gezinsleden: {
    id: string;
    gezinId: string;
    bsn: string | null;
    voornaam: string;
    achternaam: string;
  }[];
  producten: { id: string; productcode: string; perceel: string }[];
  zorgprofielen: { id: string; categorie: string }[];
  aanbieders: { id: string; agbCode: string; budgetplafondCents: number; clientenstop: boolean }[];
  toewijzingen: RefToewijzing[];
  evaluaties: { toewijzingId: string; uitgevoerdOp: string | null; uitkomst: string | null }[];
  actieplannen: { id: string; gezinId: string; status: string; afgerondOp: string | null }[];
  doelen: { actieplanId: string; resultaat: string | null }[];
  teambudgetten: { teamId: string; jaar: number; perceel: string | null; bedragCents: number }[];
  /** The SOJ files in the order they were imported, each row column name -> cell text. */
  sojBestanden: Record<string, string>[][];
}

export interface RefFilter {
  teamId: string | null;
  jaar: number;
  perceel: string | null;
}

// ------------------------------------------------------------------ README constants

/** README "Team budget": committing statuses (Committed). */
const COMMITTEREND = new Set(['ter_accordering', 'toegewezen', 'gestart', 'beeindigd']);
/** README "Longer than the zorgprofiel". */
const DUUR_GRENS: Record<string, number> = {
  acuut: 91,
  perspectief: 183,
  intensief: 365,
  duurzaam: 1096,
};
/** README "No evaluation for months": more than 183 days ago. */
const EVALUATIE_GRENS = 183;
/** README "Return into care": within 365 days. */
const TERUGKEER = 365;
export const DIMENSIES = ['perceel', 'zorgprofiel', 'aanbieder', 'verwijzer', 'regisseur'] as const;
export type RefDimensie = (typeof DIMENSIES)[number];

// ------------------------------------------------------------------ own calendar

const MS_PER_DAG = 86_400_000;
const dagCache = new Map<string, number>();

/** Day number of an ISO date (UTC days since 1970-01-01). */
export function dag(iso: string): number {
  let n = dagCache.get(iso);
  if (n === undefined) {
    n = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    n /= MS_PER_DAG;
    dagCache.set(iso, n);
  }
  return n;
}

export function datumVan(n: number): string {
  return new Date(n * MS_PER_DAG).toISOString().slice(0, 10);
}

const schrikkel = (j: number) => (j % 4 === 0 && j % 100 !== 0) || j % 400 === 0;
export const dagenInMaand = (j: number, m: number) =>
  m === 2 ? (schrikkel(j) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/** Days from a to b, both counted. */
const dagenTot = (a: string, b: string) => dag(b) - dag(a) + 1;

const maandSleutel = (j: number, m: number) => `${j}-${String(m).padStart(2, '0')}`;
export const maandenVan = (jaar: number) =>
  Array.from({ length: 12 }, (_, i) => maandSleutel(jaar, i + 1));

// ------------------------------------------------------------------ exact fractions

interface Breuk {
  t: bigint;
  n: bigint;
}

const ggd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};
const breuk = (t: bigint, n: bigint): Breuk => {
  const g = ggd(t, n) || 1n;
  return { t: t / g, n: n / g };
};
const plus = (a: Breuk, b: Breuk): Breuk => breuk(a.t * b.n + b.t * a.n, a.n * b.n);
/** floor for non-negative fractions. */
const omlaag = (a: Breuk) => a.t / a.n;
/** Half up: 31,5 -> 32, 31,49 -> 31. */
export const halfOmhoog = (a: Breuk) => (2n * a.t + a.n) / (2n * a.n);

/**
 * Largest remainder: each part its exact value rounded down, the missing cents one by one to the
 * largest remainders, the earlier part on a tie.
 */
export function grootsteRest(doel: bigint, delen: Breuk[]): bigint[] {
  const uit = delen.map(omlaag);
  let ontbreekt = doel - uit.reduce((a, b) => a + b, 0n);
  if (ontbreekt < 0n) throw new Error('referentie: meer delen dan het totaal');
  const resten = delen.map((d, i) => ({ i, r: breuk(d.t - omlaag(d) * d.n, d.n) }));
  resten.sort((a, b) => {
    const x = a.r.t * b.r.n;
    const y = b.r.t * a.r.n;
    return x === y ? a.i - b.i : x > y ? -1 : 1;
  });
  for (let k = 0; ontbreekt > 0n; k++, ontbreekt--) {
    if (k >= resten.length) throw new Error('referentie: meer dan een cent per deel ontbreekt');
    uit[resten[k]!.i]! += 1n;
  }
  return uit;
}

// ------------------------------------------------------------------ money of one toewijzing

export interface RefGeld {
  totaal: number;
  jaren: Map<number, number>;
  maanden: Map<string, number>;
  /** The exact value per month, for the checks of the rules themselves. */
  exact: Map<string, Breuk>;
}

/** The last day anything is committed: the stop day when care stopped before einddatum. */
export const eindeVan = (t: Pick<RefToewijzing, 'einddatum' | 'beeindigdOp'>) =>
  t.beeindigdOp && t.beeindigdOp < t.einddatum ? t.beeindigdOp : t.einddatum;

const geldCache = new WeakMap<object, RefGeld>();

/** README "Money rules", day by day. */
export function geldVan(
  t: Pick<
    RefToewijzing,
    'volume' | 'frequentie' | 'tariefCents' | 'startdatum' | 'einddatum' | 'beeindigdOp'
  >,
): RefGeld {
  const bekend = geldCache.get(t);
  if (bekend) return bekend;
  const uit: RefGeld = { totaal: 0, jaren: new Map(), maanden: new Map(), exact: new Map() };
  geldCache.set(t, uit);
  const eind = eindeVan(t);
  if (eind < t.startdatum) return uit;
  // Count the days run per calendar month, walking the calendar one day at a time.
  const dagenPerMaand: { j: number; m: number; dagen: number }[] = [];
  let j = Number(t.startdatum.slice(0, 4));
  let m = Number(t.startdatum.slice(5, 7));
  let d = Number(t.startdatum.slice(8, 10));
  const [ej, em, ed] = [Number(eind.slice(0, 4)), Number(eind.slice(5, 7)), Number(eind.slice(8))];
  let huidig = { j, m, dagen: 0 };
  dagenPerMaand.push(huidig);
  for (;;) {
    huidig.dagen++;
    if (j === ej && m === em && d === ed) break;
    d++;
    if (d > dagenInMaand(j, m)) {
      d = 1;
      m++;
      if (m > 12) {
        m = 1;
        j++;
      }
      huidig = { j, m, dagen: 0 };
      dagenPerMaand.push(huidig);
    }
  }
  const tv = BigInt(t.tariefCents) * BigInt(t.volume);
  const toegewezenDagen = BigInt(dagenTot(t.startdatum, t.einddatum));
  const exact = dagenPerMaand.map(({ j: mj, m: mm, dagen }): [number, string, Breuk] => {
    const n = BigInt(dagen);
    let waarde: Breuk;
    if (t.frequentie === '1') waarde = breuk(tv * n, 1n);
    else if (t.frequentie === '2') waarde = breuk(tv * n, 7n);
    else if (t.frequentie === '4') waarde = breuk(tv * n, BigInt(dagenInMaand(mj, mm)));
    else if (t.frequentie === '6') waarde = breuk(tv * n, toegewezenDagen);
    else throw new Error(`referentie: onbekende frequentie ${t.frequentie}`);
    return [mj, maandSleutel(mj, mm), waarde];
  });
  const totaalExact = exact.reduce((s, [, , w]) => plus(s, w), breuk(0n, 1n));
  const totaal = halfOmhoog(totaalExact);
  const jaren = [...new Set(exact.map(([mj]) => mj))];
  const perJaar = jaren.map((jr) => exact.filter(([mj]) => mj === jr));
  const jaarCents = grootsteRest(
    totaal,
    perJaar.map((ms) => ms.reduce((s, [, , w]) => plus(s, w), breuk(0n, 1n))),
  );
  uit.totaal = Number(totaal);
  jaren.forEach((jr, i) => {
    uit.jaren.set(jr, Number(jaarCents[i]!));
    const maandCents = grootsteRest(
      jaarCents[i]!,
      perJaar[i]!.map(([, , w]) => w),
    );
    perJaar[i]!.forEach(([, p, w], k) => {
      uit.maanden.set(p, Number(maandCents[k]!));
      uit.exact.set(p, w);
    });
  });
  return uit;
}

// ------------------------------------------------------------------ the SOJ files

export interface RefSojRegel {
  /** The month of the care: the month its last day is in. */
  periode: string;
  teamId: string;
  gezinslidId: string | null;
  toewijzingId: string | null;
  perceel: string;
  aanbiederId: string;
  verwijzer: string;
  cents: number;
}

/** "1.234,56", "1234,56", "-12,50" or "1234.56" (one convention per file) -> whole cents. */
export function centsUitTekst(tekst: string, decimaalKomma: boolean): number {
  let s = tekst.trim();
  const negatief = s.startsWith('-');
  if (negatief) s = s.slice(1);
  s = decimaalKomma ? s.replace(/\./g, '') : s.replace(/,/g, '');
  const [heel, deel = ''] = s.split(decimaalKomma ? ',' : '.');
  if (!/^\d+$/.test(heel!) || !/^\d{0,2}$/.test(deel))
    throw new Error(`referentie: bedrag ${tekst}`);
  const cents = Number(heel) * 100 + Number(deel.padEnd(2, '0'));
  return negatief ? -cents : cents;
}

/** Reads the files (README "The SOJ file") and links every line as the README says. */
export function leesSoj(invoer: RefInvoer) {
  const team = new Map(invoer.teams.map((t) => [t.naam.toLowerCase(), t.id]));
  const aanbieder = new Map(invoer.aanbieders.map((a) => [a.agbCode, a.id]));
  const lidVanBsn = new Map(
    invoer.gezinsleden.filter((l) => l.bsn).map((l) => [l.bsn!, l.id] as const),
  );
  const productcode = new Map(invoer.producten.map((p) => [p.id, p.productcode.toUpperCase()]));
  const agbVan = new Map(invoer.aanbieders.map((a) => [a.id, a.agbCode]));
  const perLid = new Map<string, RefToewijzing[]>();
  for (const t of invoer.toewijzingen)
    if (COMMITTEREND.has(t.status))
      perLid.set(t.gezinslidId, [...(perLid.get(t.gezinslidId) ?? []), t]);
  // Per import period, the teams its files held lines for: only for them the month has SOJ data.
  const dekking = new Map<string, Set<string>>();
  const regels: RefSojRegel[] = [];
  let dubbelzinnig = 0;
  for (const bestand of invoer.sojBestanden) {
    const decimaalKomma = bestand.some(
      (r) => /,\d{1,2}$/.test(r.bedrag!) || /,\d{1,2}$/.test(r.tarief!),
    );
    const teams = dekking.get(bestand[0]!.periode!) ?? new Set<string>();
    dekking.set(bestand[0]!.periode!, teams);
    for (const r of bestand) {
      teams.add(team.get(r.team!.toLowerCase())!);
      const eind = r.einddatum || r.startdatum!;
      const credit = r.debet_credit?.toUpperCase() === 'C';
      const cents = centsUitTekst(r.bedrag!, decimaalKomma);
      const lid = lidVanBsn.get(r.client_ref!) ?? null;
      const agb = r.aanbieder_agb!;
      const kandidaten = lid
        ? (perLid.get(lid) ?? []).filter(
            (t) =>
              agbVan.get(t.aanbiederId) === agb &&
              productcode.get(t.productId) === r.productcode!.toUpperCase() &&
              t.startdatum <= eind &&
              eindeVan(t) >= r.startdatum!,
          )
        : [];
      if (kandidaten.length > 1) dubbelzinnig++;
      regels.push({
        periode: eind.slice(0, 7),
        teamId: team.get(r.team!.toLowerCase())!,
        gezinslidId: lid,
        toewijzingId: kandidaten.length === 1 ? kandidaten[0]!.id : null,
        perceel: r.perceel!.toLowerCase(),
        aanbiederId: aanbieder.get(agb)!,
        verwijzer: r.verwijzer!.toLowerCase(),
        cents: credit ? -Math.abs(cents) : cents,
      });
    }
  }
  return { regels, dekking, dubbelzinnig };
}

/** README "Money rules", Forecast: month p has SOJ data for a team when its import held the team. */
function heeftSoj(soj: { dekking: Map<string, Set<string>> }, p: string, teamId: string): boolean {
  return soj.dekking.get(p)?.has(teamId) ?? false;
}

// ------------------------------------------------------------------ the dashboard's figures

export type RefSoj = ReturnType<typeof leesSoj>;

const som = (xs: Iterable<number>) => {
  let s = 0;
  for (const x of xs) s += x;
  return s;
};

/** Half up of a non-negative p / q as a JavaScript number. */
const rondQ = (p: bigint, q: bigint) => Number((2n * p + q) / (2n * q));

const regioCache = new WeakMap<RefSoj, Map<number, Map<string, number>>>();

/**
 * The region's forecast per aanbieder for a year (README "Near the budgetplafond"): per team the
 * SOJ amounts of its months with SOJ data, committed cents of its other months; the same for
 * every team's dashboard.
 */
function regioPrognose(invoer: RefInvoer, soj: RefSoj, Y: number): Map<string, number> {
  const perJaar = regioCache.get(soj) ?? new Map<number, Map<string, number>>();
  regioCache.set(soj, perJaar);
  const bekend = perJaar.get(Y);
  if (bekend) return bekend;
  const regio = new Map<string, number>();
  const erbij = (id: string, c: number) => regio.set(id, (regio.get(id) ?? 0) + c);
  for (const r of soj.regels)
    if (r.periode.startsWith(`${Y}-`) && heeftSoj(soj, r.periode, r.teamId))
      erbij(r.aanbiederId, r.cents);
  const { gezin, lid, committerend } = indexen(invoer);
  for (const t of committerend) {
    const teamId = gezin.get(lid.get(t.gezinslidId)!.gezinId)!.teamId;
    const zonderSoj = maandenVan(Y).filter((p) => !heeftSoj(soj, p, teamId));
    erbij(t.aanbiederId, som(zonderSoj.map((p) => geldVan(t).maanden.get(p) ?? 0)));
  }
  perJaar.set(Y, regio);
  return regio;
}

const indexCache = new WeakMap<RefInvoer, ReturnType<typeof maakIndexen>>();

/** Lookups over the rows, made once per input. */
function indexen(invoer: RefInvoer) {
  let i = indexCache.get(invoer);
  if (!i) indexCache.set(invoer, (i = maakIndexen(invoer)));
  return i;
}

function maakIndexen(invoer: RefInvoer) {
  const evaluatiesVan = new Map<string, { uitgevoerdOp: string; uitkomst: string | null }[]>();
  for (const e of invoer.evaluaties)
    if (e.uitgevoerdOp) {
      const lijst = evaluatiesVan.get(e.toewijzingId) ?? [];
      lijst.push({ uitgevoerdOp: e.uitgevoerdOp, uitkomst: e.uitkomst });
      evaluatiesVan.set(e.toewijzingId, lijst);
    }
  const doelen = new Map<string, { behaald: number; beoordeeld: number }>();
  for (const d of invoer.doelen) {
    const x = doelen.get(d.actieplanId) ?? { behaald: 0, beoordeeld: 0 };
    if (d.resultaat === 'behaald') x.behaald++;
    if (d.resultaat !== null && d.resultaat !== 'open') x.beoordeeld++;
    doelen.set(d.actieplanId, x);
  }
  return {
    gezin: new Map(invoer.gezinnen.map((g) => [g.id, g])),
    lid: new Map(invoer.gezinsleden.map((l) => [l.id, l])),
    perceelVan: new Map(invoer.producten.map((p) => [p.id, p.perceel])),
    profiel: new Map(invoer.zorgprofielen.map((z) => [z.id, z.categorie])),
    toewijzingVan: new Map(invoer.toewijzingen.map((t) => [t.id, t])),
    committerend: invoer.toewijzingen.filter((t) => COMMITTEREND.has(t.status)),
    evaluatiesVan,
    doelen,
  };
}

export function referentie(
  invoer: RefInvoer,
  soj: RefSoj,
  filter: RefFilter,
  opties: { namen: boolean },
) {
  const Y = filter.jaar;
  const jaarBegin = `${Y}-01-01`;
  const jaarEind = `${Y}-12-31`;
  const peil = invoer.vandaag < jaarEind ? invoer.vandaag : jaarEind;
  const { gezin, lid, perceelVan, profiel, toewijzingVan, committerend, evaluatiesVan, doelen } =
    indexen(invoer);
  const gezinVan = (t: RefToewijzing) => gezin.get(lid.get(t.gezinslidId)!.gezinId)!;

  // In scope: the team's (or region's) committing toewijzingen of the perceel, from Y-1 on.
  const alle = committerend.filter(
    (t) =>
      (filter.teamId === null || gezinVan(t).teamId === filter.teamId) &&
      (filter.perceel === null || perceelVan.get(t.productId) === filter.perceel) &&
      t.startdatum <= jaarEind &&
      eindeVan(t) >= `${Y - 1}-01-01`,
  );
  const inJaar = alle.filter((t) => t.startdatum <= jaarEind && eindeVan(t) >= jaarBegin);
  const jaarCents = (t: RefToewijzing) => geldVan(t).jaren.get(Y) ?? 0;
  const regels = soj.regels.filter(
    (r) =>
      r.periode.startsWith(`${Y}-`) &&
      (filter.teamId === null || r.teamId === filter.teamId) &&
      (filter.perceel === null || r.perceel === filter.perceel),
  );

  // Headline and trend
  const maanden = maandenVan(Y).map((p) => ({
    periode: p,
    gerealiseerdCents: som(regels.filter((r) => r.periode === p).map((r) => r.cents)),
    gecommitteerdCents: som(inJaar.map((t) => geldVan(t).maanden.get(p) ?? 0)),
  }));
  // The forecast per team (README "Money rules", Forecast), added up over the teams in scope.
  let prognose = 0;
  for (const r of regels) if (heeftSoj(soj, r.periode, r.teamId)) prognose += r.cents;
  for (const t of inJaar) {
    const teamId = gezinVan(t).teamId;
    for (const p of maandenVan(Y))
      if (!heeftSoj(soj, p, teamId)) prognose += geldVan(t).maanden.get(p) ?? 0;
  }
  // The months with SOJ data: the team's; for the region those with data for any team.
  const sojMaanden = maandenVan(Y).filter((p) =>
    filter.teamId === null ? (soj.dekking.get(p)?.size ?? 0) > 0 : heeftSoj(soj, p, filter.teamId),
  );
  const budgetRijen = invoer.teambudgetten.filter(
    (b) =>
      b.jaar === Y &&
      (filter.teamId === null || b.teamId === filter.teamId) &&
      (b.perceel ?? null) === filter.perceel,
  );
  const budget = budgetRijen.length ? som(budgetRijen.map((b) => b.bedragCents)) : null;
  const onbekend = regels.filter((r) => r.toewijzingId === null);

  // Breakdowns
  const sleutelT = (t: RefToewijzing, d: RefDimensie): string | null =>
    d === 'perceel'
      ? perceelVan.get(t.productId)!
      : d === 'zorgprofiel'
        ? t.zorgprofielId
          ? profiel.get(t.zorgprofielId)!
          : null
        : d === 'aanbieder'
          ? t.aanbiederId
          : d === 'verwijzer'
            ? t.verwijzer
            : gezinVan(t).regisseurId;
  const sleutelR = (r: RefSojRegel, d: RefDimensie): string | null => {
    const t = r.toewijzingId ? toewijzingVan.get(r.toewijzingId) : undefined;
    if (d === 'perceel') return r.perceel;
    if (d === 'zorgprofiel') return t?.zorgprofielId ? profiel.get(t.zorgprofielId)! : null;
    if (d === 'aanbieder') return r.aanbiederId;
    if (d === 'verwijzer') return r.verwijzer;
    return r.gezinslidId ? gezin.get(lid.get(r.gezinslidId)!.gezinId)!.regisseurId : null;
  };
  const uitsplitsing = (d: RefDimensie) => {
    const groepen = new Map<string | null, { ts: RefToewijzing[]; r: number }>();
    const groep = (k: string | null) => {
      if (!groepen.has(k)) groepen.set(k, { ts: [], r: 0 });
      return groepen.get(k)!;
    };
    for (const t of inJaar) groep(sleutelT(t, d)).ts.push(t);
    for (const r of regels) groep(sleutelR(r, d)).r += r.cents;
    return [...groepen]
      .map(([sleutel, g]) => ({
        sleutel,
        jeugdigen: new Set(g.ts.map((t) => t.gezinslidId)).size,
        toewijzingen: g.ts.length,
        gecommitteerdCents: som(g.ts.map(jaarCents)),
        gerealiseerdCents: g.r,
      }))
      .sort((a, b) => String(a.sleutel).localeCompare(String(b.sleutel)));
  };

  // KPIs
  const evalsInJaar = alle.flatMap((t) =>
    (evaluatiesVan.get(t.id) ?? []).filter(
      (e) => e.uitgevoerdOp.startsWith(`${Y}-`) && e.uitkomst !== null,
    ),
  );
  const beeindigd = alle.filter((t) => eindeVan(t).startsWith(`${Y}-`) && eindeVan(t) < peil);
  const perJeugdige = new Map<string, RefToewijzing[]>();
  for (const t of alle)
    perJeugdige.set(t.gezinslidId, [...(perJeugdige.get(t.gezinslidId) ?? []), t]);
  const geeindigd = alle.filter((t) => {
    if (!eindeVan(t).startsWith(`${Y - 1}-`)) return false;
    const volgende = dag(eindeVan(t)) + 1;
    return !perJeugdige
      .get(t.gezinslidId)!
      .some((g) => g !== t && dag(g.startdatum) <= volgende && dag(eindeVan(g)) >= volgende);
  });
  const terug = geeindigd.filter((t) =>
    perJeugdige
      .get(t.gezinslidId)!
      .some((g) => g.startdatum > eindeVan(t) && dag(g.startdatum) <= dag(eindeVan(t)) + TERUGKEER),
  );
  const jeugdigen = (ts: RefToewijzing[]) => new Set(ts.map((t) => t.gezinslidId)).size;
  const afgerond = invoer.actieplannen.filter(
    (a) =>
      a.status === 'afgerond' &&
      a.afgerondOp !== null &&
      a.afgerondOp >= jaarBegin &&
      a.afgerondOp <= jaarEind &&
      (filter.teamId === null || gezin.get(a.gezinId)!.teamId === filter.teamId),
  );
  const metHulp = new Set(committerend.map((t) => t.actieplanId));
  const duurDagen = som(beeindigd.map((t) => dagenTot(t.startdatum, eindeVan(t))));
  const duurCents = som(beeindigd.map((t) => geldVan(t).totaal));

  // Outliers
  const looptijd = (t: RefToewijzing) => {
    const e = eindeVan(t) < peil ? eindeVan(t) : peil;
    return e < t.startdatum ? 0 : dagenTot(t.startdatum, e);
  };
  const duur = inJaar
    .filter((t) => t.zorgprofielId && looptijd(t) > DUUR_GRENS[profiel.get(t.zorgprofielId)!]!)
    .map((t) => ({
      toewijzingId: t.id,
      dagen: looptijd(t),
      grensDagen: DUUR_GRENS[profiel.get(t.zorgprofielId!)!]!,
    }));
  const evaluatie = alle.flatMap((t) => {
    if (!(t.status === 'toegewezen' || t.status === 'gestart')) return [];
    if (!(t.startdatum <= peil && eindeVan(t) >= peil)) return [];
    const laatste = (evaluatiesVan.get(t.id) ?? [])
      .map((e) => e.uitgevoerdOp)
      .filter((d) => d <= peil)
      .sort()
      .at(-1);
    const dagen = dag(peil) - dag(laatste ?? t.startdatum);
    return dagen > EVALUATIE_GRENS
      ? [{ toewijzingId: t.id, dagen, grensDagen: EVALUATIE_GRENS }]
      : [];
  });
  const perClient = new Map<string, { n: number; c: number; r: number }>();
  for (const t of inJaar) {
    const c = perClient.get(t.gezinslidId) ?? { n: 0, c: 0, r: 0 };
    c.n++;
    c.c += jaarCents(t);
    perClient.set(t.gezinslidId, c);
  }
  for (const r of regels) {
    const c = r.gezinslidId ? perClient.get(r.gezinslidId) : undefined;
    if (c) c.r += r.cents;
  }
  const clienten = [...perClient]
    .sort((a, b) => b[1].c - a[1].c || a[0].localeCompare(b[0]))
    .map(([id, c]) => ({
      gezinslidId: id,
      naam: opties.namen ? `${lid.get(id)!.voornaam} ${lid.get(id)!.achternaam}` : 'Jeugdige',
      toewijzingen: c.n,
      gecommitteerdCents: c.c,
      gerealiseerdCents: c.r,
    }));

  // Aanbieders near their plafond: the region's forecast per aanbieder, by the same rule.
  const regio = regioPrognose(invoer, soj, Y);
  const zonderSoj = maandenVan(Y).filter((p) => !sojMaanden.includes(p));
  const teamBijAanbieder = new Map<string, number>();
  for (const t of inJaar)
    teamBijAanbieder.set(t.aanbiederId, (teamBijAanbieder.get(t.aanbiederId) ?? 0) + jaarCents(t));
  const plafond = invoer.aanbieders
    .filter(
      (a) =>
        teamBijAanbieder.has(a.id) &&
        (a.clientenstop || 10 * (regio.get(a.id) ?? 0) >= 9 * a.budgetplafondCents),
    )
    .map((a) => ({
      aanbiederId: a.id,
      plafondCents: a.budgetplafondCents,
      prognoseRegioCents: regio.get(a.id) ?? 0,
      clientenstop: a.clientenstop,
      gecommitteerdCents: teamBijAanbieder.get(a.id)!,
    }))
    .sort((a, b) => a.aanbiederId.localeCompare(b.aanbiederId));

  // Waiting time and outcomes per aanbieder
  const wacht = (t: RefToewijzing) =>
    t.werkelijkeStart! > t.startdatum ? dag(t.werkelijkeStart!) - dag(t.startdatum) : 0;
  const aanbieders = [...new Set(alle.map((t) => t.aanbiederId))]
    .flatMap((id) => {
      const ts = alle.filter((t) => t.aanbiederId === id);
      const gestart = ts.filter((t) => t.werkelijkeStart?.startsWith(`${Y}-`));
      const wachtend = ts.filter(
        (t) =>
          t.status === 'toegewezen' &&
          !t.werkelijkeStart &&
          t.startdatum < peil &&
          eindeVan(t) >= peil,
      );
      const klaar = beeindigd.filter((t) => t.aanbiederId === id);
      if (gestart.length + wachtend.length + klaar.length === 0) return [];
      const oordelen = klaar
        .map((t) => gezinVan(t).oordeelCijfer)
        .filter((o): o is number => o !== null && o !== undefined);
      const doel = (t: RefToewijzing) => (t.actieplanId ? doelen.get(t.actieplanId) : undefined);
      return [
        {
          aanbiederId: id,
          gestart: gestart.length,
          wachtdagenTotaal: som(gestart.map(wacht)),
          langsteWachtDagen: Math.max(0, ...gestart.map(wacht)),
          wachtend: wachtend.length,
          beeindigd: klaar.length,
          uitval: klaar.filter((t) => t.eindeReden === 'voortijdig_client').length,
          doelenBehaald: som(klaar.map((t) => doel(t)?.behaald ?? 0)),
          doelenBeoordeeld: som(klaar.map((t) => doel(t)?.beoordeeld ?? 0)),
          oordeelSom: som(oordelen),
          oordelen: oordelen.length,
        },
      ];
    })
    .sort((a, b) => a.aanbiederId.localeCompare(b.aanbiederId));

  return {
    peildatum: peil,
    kop: {
      budgetCents: budget,
      gecommitteerdCents: som(inJaar.map(jaarCents)),
      gerealiseerdCents: som(regels.map((r) => r.cents)),
      prognoseCents: prognose,
      resterendCents: budget === null ? null : budget - prognose,
      laatstePeriode: sojMaanden.at(-1) ?? null,
      maandenZonderSoj: zonderSoj,
      jeugdigen: jeugdigen(inJaar),
      toewijzingen: inJaar.length,
      onbekendeRegels: onbekend.length,
      onbekendCents: som(onbekend.map((r) => r.cents)),
    },
    maanden,
    uitsplitsing: Object.fromEntries(DIMENSIES.map((d) => [d, uitsplitsing(d)])) as Record<
      RefDimensie,
      ReturnType<typeof uitsplitsing>
    >,
    kpis: {
      afschaling: {
        teller: evalsInJaar.filter((e) => e.uitkomst === 'afschalen').length,
        noemer: evalsInJaar.length,
      },
      terugkeer: { teller: jeugdigen(terug), noemer: jeugdigen(geeindigd) },
      zonderJeugdhulp: {
        teller: afgerond.filter((a) => !metHulp.has(a.id)).length,
        noemer: afgerond.length,
      },
      duur: {
        aantal: beeindigd.length,
        gemiddeldeDagen: beeindigd.length ? rondQ(BigInt(duurDagen), BigInt(beeindigd.length)) : 0,
        // Cents per month of care, a month being 365,25 / 12 days: cents × 36525 / (days × 1200).
        kostenPerMaandCents: duurDagen
          ? rondQ(BigInt(duurCents) * 36_525n, BigInt(duurDagen) * 1200n)
          : 0,
      },
    },
    uitschieters: {
      clienten,
      duur: duur.sort((a, b) => a.toewijzingId.localeCompare(b.toewijzingId)),
      evaluatie: evaluatie.sort((a, b) => a.toewijzingId.localeCompare(b.toewijzingId)),
      plafond,
    },
    aanbieders,
  };
}

export type Referentie = ReturnType<typeof referentie>;
