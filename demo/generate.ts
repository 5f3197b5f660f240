/**
 * Demo region generator: deterministic, fictional and calibrated on the seed figures
 * (DOMAIN.md "Figures for realistic data"). Pure: it returns rows, write.ts stores them.
 *
 * Model: for the last full year before `today` (the calibration year Y) exactly 11% of each
 * gemeente's youths are in care, each with one care episode drawn from the referrer's care
 * patterns; the episode's start is drawn so it overlaps Y. Episodes starting after Y arrive at
 * the same daily rate up to `today`. SOJ realisation lines are produced per month up to the
 * last complete month. A final calibration step scales weekly volumes per referrer so that
 * the referrers' cost shares and the average cost per youth meet the targets.
 */
import { DEMO_GENERATOR_BLOK, NUMMERS_PER_BLOK } from '../shared/toewijzingnummer';
import { fakerNL as faker } from '@faker-js/faker';
import { completeBsn } from '../shared/bsn';
import { totalCents, type Commitment } from '../shared/cost';
import type { IsoDate } from '../shared/dates';
import {
  LEEFDOMEINEN,
  type EindeReden,
  type EvaluatieUitkomst,
  type Perceel,
  type Verwijzer,
} from '../shared/domain';
import { encodeHlc } from '../shared/hlc';
import type * as s from '../db/schema';
import { PATTERNS, type CarePattern } from './patterns';
import { Random } from './random';
import { socialeKaart } from './sociale-kaart';
import { contractProfielen, GEMEENTEN, PRODUCTEN, TARGETS, type ProductFact } from './region-data';
import * as T from './texts';

type Insert<TTable extends { $inferInsert: unknown }> = TTable['$inferInsert'];

export interface DemoDataset {
  gemeenten: Insert<typeof s.gemeenten>[];
  socialeVoorzieningen: Insert<typeof s.socialeVoorzieningen>[];
  teams: Insert<typeof s.teams>[];
  professionals: Insert<typeof s.professionals>[];
  aanbieders: Insert<typeof s.aanbieders>[];
  contracten: Insert<typeof s.contracten>[];
  producten: Insert<typeof s.producten>[];
  gezinnen: Insert<typeof s.gezinnen>[];
  gezinsleden: Insert<typeof s.gezinsleden>[];
  netwerkleden: Insert<typeof s.netwerkleden>[];
  gezinsplannen: Insert<typeof s.gezinsplannen>[];
  gezinsplanDomeinen: Insert<typeof s.gezinsplanDomeinen>[];
  afspraken: Insert<typeof s.afspraken>[];
  gezinsplanVersies: Insert<typeof s.gezinsplanVersies>[];
  actieplannen: Insert<typeof s.actieplannen>[];
  doelen: Insert<typeof s.doelen>[];
  zorgprofielen: Insert<typeof s.zorgprofielen>[];
  toewijzingen: Insert<typeof s.toewijzingen>[];
  evaluaties: Insert<typeof s.evaluaties>[];
  teambudgetten: Insert<typeof s.teambudgetten>[];
  sojImports: Insert<typeof s.sojImports>[];
  sojRegels: Insert<typeof s.sojRegels>[];
}

export type DemoScale = 'small' | 'region';

export interface GenerateOptions {
  scale: DemoScale;
  /** The generator's "now": statuses, due evaluations and SOJ months are relative to it. */
  today: IsoDate;
  seed?: number;
}

/** Share of the region's youths in care that a scale generates. */
export const SCALE_FRACTION: Record<DemoScale, number> = { small: 0.03, region: 1 };

/** Families the jeugdteam helps without jeugdhulp, per youth it refers to jeugdhulp. */
const RESOLVED_WITHOUT_JEUGDHULP_PER_REFERRAL = 0.35;
/** Open families per professional; closed families stay in the caseload's history. */
const ACTIVE_CASELOAD_PER_PROFESSIONAL = 40;

// ------------------------------------------------------------------ day arithmetic

const DAY_MS = 86_400_000;
const dayOf = (iso: IsoDate): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

// ------------------------------------------------------------------ internal episode model

interface PlannedToewijzing {
  row: Insert<typeof s.toewijzingen>;
  product: ProductFact;
  verwijzer: Verwijzer;
  /** Share of the committed weekly volume that is actually delivered. */
  realisation: number;
  /** First and last billable day (after waiting time, until the actual end). */
  billFrom: number;
  billTo: number;
}

export function generateRegion(options: GenerateOptions): DemoDataset {
  const seed = options.seed ?? 20_200_101;
  const rnd = new Random(seed);
  faker.seed(seed);
  const fraction = SCALE_FRACTION[options.scale];
  const today = dayOf(options.today);
  const year = Number(options.today.slice(0, 4)) - 1;
  const yearStart = dayOf(`${year}-01-01`);
  const yearEnd = dayOf(`${year}-12-31`);
  const hlc = encodeHlc({ wallMs: today * DAY_MS, counter: 0, node: 'demo' });
  const meta = () => ({ id: rnd.uuid(), hlc, authorId: null, deleted: false });
  const usedBsns = new Set<string>();

  const data: DemoDataset = {
    gemeenten: [],
    socialeVoorzieningen: [],
    teams: [],
    professionals: [],
    aanbieders: [],
    contracten: [],
    producten: [],
    gezinnen: [],
    gezinsleden: [],
    netwerkleden: [],
    gezinsplannen: [],
    gezinsplanDomeinen: [],
    afspraken: [],
    gezinsplanVersies: [],
    actieplannen: [],
    doelen: [],
    zorgprofielen: [],
    toewijzingen: [],
    evaluaties: [],
    teambudgetten: [],
    sojImports: [],
    sojRegels: [],
  };

  // ---------------------------------------------------------------- reference data

  const productByCode = new Map<string, { fact: ProductFact; id: string }>();
  for (const fact of PRODUCTEN) {
    const row = { ...meta(), ...fact };
    data.producten.push(row);
    productByCode.set(fact.productcode, { fact, id: row.id });
  }

  const aanbiederWeights = new Map<string, number>();
  const aanbiedersByPerceel = new Map<Perceel, [string, number][]>();
  buildAanbieders();

  function buildAanbieders(): void {
    const general: Perceel[] = [
      'jo_licht',
      'jo_zwaar',
      'ggz_licht',
      'ggz_zwaar',
      'awbz_licht',
      'awbz_zwaar',
      'onderwijs_jeugdhulp',
    ];
    const special: { naam: string; percelen: Perceel[]; rank: number }[] = [
      { naam: 'Stichting Jeugdbescherming De Waard', percelen: ['jb', 'jr'], rank: 1 },
      { naam: 'Gecertificeerde Instelling Rivierenland', percelen: ['jb', 'jr'], rank: 9 },
      { naam: 'Stichting Veilig Opgroeien', percelen: ['jb'], rank: 40 },
      { naam: 'Pleegzorg De Linde', percelen: ['pleegzorg'], rank: 3 },
      { naam: 'Stichting Thuis Elders', percelen: ['pleegzorg', 'jo_zwaar'], rank: 12 },
      { naam: 'Pleeggezinnen Oude Maas', percelen: ['pleegzorg'], rank: 30 },
    ];
    const eedPractices = 8;
    const usedNames = new Set(special.map((a) => a.naam));
    const usedAgb = new Set<string>();
    const plaatsen = GEMEENTEN.map((g) => g.naam);
    let eedLeft = eedPractices;
    for (let rank = 1; rank <= TARGETS.aanbieders; rank++) {
      const fixed = special.find((a) => a.rank === rank);
      let naam: string;
      let percelen: Perceel[];
      if (fixed) {
        naam = fixed.naam;
        percelen = fixed.percelen;
      } else if (eedLeft > 0 && rank > 20 && rank % 7 === 0) {
        eedLeft--;
        naam = uniqueName(usedNames, () => `Dyslexiepraktijk ${rnd.pick(T.AANBIEDER_NAMEN)}`);
        percelen = ['eed'];
      } else {
        naam = uniqueName(
          usedNames,
          () => `${rnd.pick(T.AANBIEDER_VOORVOEGSELS)} ${rnd.pick(T.AANBIEDER_NAMEN)}`,
        );
        const count = rank <= 12 ? rnd.int(4, 7) : rank <= 55 ? rnd.int(2, 3) : rnd.int(1, 2);
        percelen = [...general].sort(() => rnd.next() - 0.5).slice(0, count);
      }
      let agb: string;
      do agb = `98${String(rnd.int(0, 999_999)).padStart(6, '0')}`;
      while (usedAgb.has(agb));
      usedAgb.add(agb);
      const row = {
        ...meta(),
        naam,
        agbCode: agb,
        plaats: rnd.pick(plaatsen),
        budgetplafondCents: 0, // set from the realisation below
        clientenstop: false,
      };
      data.aanbieders.push(row);
      // Zipf-like weight by rank: the ten largest end up with about half of the spend.
      const weight = 1 / rank ** 0.85;
      aanbiederWeights.set(row.id, weight);
      for (const perceel of percelen) {
        // Contracted per zorgprofiel (region-data.ts). An id is drawn for each of the four, as
        // before, so the rest of the region stays as it was generated.
        const profielen = contractProfielen(perceel, rank);
        for (const zorgprofiel of ['acuut', 'perspectief', 'intensief', 'duurzaam'] as const) {
          const m = meta();
          if (!profielen.includes(zorgprofiel)) continue;
          data.contracten.push({
            ...m,
            aanbiederId: row.id,
            perceel,
            zorgprofiel,
            geldigVan: `${year - 3}-01-01`,
            geldigTot: null,
          });
        }
        const list = aanbiedersByPerceel.get(perceel) ?? [];
        list.push([row.id, weight]);
        aanbiedersByPerceel.set(perceel, list);
      }
    }
  }

  function uniqueName(used: Set<string>, make: () => string): string {
    for (let i = 0; i < 50; i++) {
      const name = make();
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    const name = `${make()} ${used.size}`;
    used.add(name);
    return name;
  }

  // ---------------------------------------------------------------- organisation

  interface TeamCtx {
    teamId: string;
    gemeente: (typeof GEMEENTEN)[number];
    /** Part of the gemeente's youths this team serves. */
    share: number;
    /** Rows that get a professional of the team once its size is known. */
    assign: ((professionalId: string) => void)[];
    families: DemoDataset['gezinnen'];
  }
  const teamCtx: TeamCtx[] = [];
  for (const gemeente of GEMEENTEN) {
    const g = {
      ...meta(),
      code: gemeente.code,
      naam: gemeente.naam,
      inwoners: gemeente.inwoners,
      jeugdigen: gemeente.jeugdigen,
    };
    data.gemeenten.push(g);
    // The two largest gemeenten work with two area teams each.
    const areas = gemeente.jeugdigen > 15_000 ? ['Noord', 'Zuid'] : [null];
    for (const area of areas) {
      const naam = area ? `Jeugdteam ${gemeente.naam} ${area}` : `Jeugdteam ${gemeente.naam}`;
      const team = { ...meta(), naam, gemeenteId: g.id, vierOgenDrempelCents: 2_500_000 };
      data.teams.push(team);
      teamCtx.push({
        teamId: team.id,
        gemeente,
        share: 1 / areas.length,
        assign: [],
        families: [],
      });
    }
  }

  const usedEmails = new Set<string>();
  function addProfessional(
    rol: 'jeugdprofessional' | 'teamcoach' | 'beheerder',
    teamId: string | null,
  ): string {
    const voornaam = faker.person.firstName();
    const achternaam = faker.person.lastName();
    const base = `${voornaam}.${achternaam}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    let email = `${base}@jeugdteams-zhz.example`;
    for (let i = 2; usedEmails.has(email); i++) email = `${base}${i}@jeugdteams-zhz.example`;
    usedEmails.add(email);
    const row = { ...meta(), naam: `${voornaam} ${achternaam}`, email, rol, teamId, actief: true };
    data.professionals.push(row);
    return row.id;
  }

  // ---------------------------------------------------------------- families and care

  const planned: PlannedToewijzing[] = [];
  /** Youths whose care ended, per team: candidates for a return into care. */
  const endedCare = new Map<string, { family: FamilyCtx; child: Child; end: number }[]>();

  for (const ctx of teamCtx) {
    const inCareInYear = Math.round(
      ctx.gemeente.jeugdigen * ctx.share * TARGETS.shareInCare * fraction,
    );
    const resolvedWithout = Math.round(
      inCareInYear * TARGETS.referralShare.jeugdteam * RESOLVED_WITHOUT_JEUGDHULP_PER_REFERRAL,
    );
    let startsInYear = 0;
    for (let youths = 0; youths < inCareInYear;) {
      const pattern = pickPattern();
      const duration = durationDays(pattern);
      const start = rnd.int(yearStart - duration + 1, yearEnd);
      if (start >= yearStart) startsInYear++;
      // Count only youths whose care (after any drop-out) really falls in the year.
      const ends = addFamilyWithCare(ctx, pattern, start, duration, inCareInYear - youths);
      youths += ends.filter((end) => end >= yearStart).length;
    }
    // New episodes after the calibration year arrive at the year's rate; about one in ten
    // is a youth returning into care within a year of the last help ending.
    const rate = startsInYear / (yearEnd - yearStart + 1);
    const later = Math.round(rate * (today - yearEnd));
    for (let i = 0; i < later; i++) {
      const pattern = pickPattern();
      const start = rnd.int(yearEnd + 1, today + 14);
      if (!(rnd.chance(0.1) && addReturnIntoCare(ctx, pattern, start))) {
        addFamilyWithCare(ctx, pattern, start, durationDays(pattern), 2);
      }
    }
    for (let i = 0; i < resolvedWithout; i++) addFamilyWithoutJeugdhulp(ctx);
    staffTeam(ctx);
  }

  /** The caseload decides the team's size; then every family gets its regisseur. */
  function staffTeam(ctx: TeamCtx): void {
    const open = ctx.families.filter((g) => g.status !== 'afgesloten').length;
    const size = Math.max(2, Math.round(open / ACTIVE_CASELOAD_PER_PROFESSIONAL));
    const staff = Array.from({ length: size }, () =>
      addProfessional('jeugdprofessional', ctx.teamId),
    );
    addProfessional('teamcoach', ctx.teamId);
    for (const gezin of ctx.families) gezin.regisseurId = rnd.pick(staff);
    for (const set of ctx.assign) set(rnd.pick(staff));
  }

  function pickPattern(): CarePattern {
    const verwijzer = rnd.weighted(Object.entries(TARGETS.referralShare) as [Verwijzer, number][]);
    return rnd.weighted(
      PATTERNS.filter((p) => p.verwijzer === verwijzer).map((p) => [p, p.weight] as const),
    );
  }

  function durationDays(pattern: CarePattern): number {
    const [min, max] = pattern.months;
    return Math.round((min + (max - min) * rnd.next()) * 30.44);
  }

  interface Child {
    id: string;
    voornaam: string;
    row: DemoDataset['gezinsleden'][number];
  }
  interface FamilyCtx {
    gezin: DemoDataset['gezinnen'][number];
    planId: string;
    children: Child[];
  }

  function addFamily(ctx: TeamCtx, aangemeld: number, childAges: number[]): FamilyCtx {
    const achternaam = faker.person.lastName();
    const [pcFrom, pcTo] = ctx.gemeente.postcodes;
    const gezin = {
      ...meta(),
      teamId: ctx.teamId,
      regisseurId: '',
      naam: `Familie ${achternaam}`,
      adres: `${faker.location.street()} ${rnd.int(1, 180)}`,
      postcode: `${rnd.int(pcFrom, pcTo)} ${String.fromCharCode(65 + rnd.int(0, 25))}${String.fromCharCode(65 + rnd.int(0, 25))}`,
      woonplaats: ctx.gemeente.naam,
      status: 'actief' as const,
      aangemeldOp: isoOf(aangemeld),
      afgeslotenOp: null as string | null,
      oordeelGezin: null as string | null,
      oordeelCijfer: null as number | null,
    };
    data.gezinnen.push(gezin);
    ctx.families.push(gezin);
    const parents = rnd.chance(0.68) ? 2 : 1;
    // A parent is at least 18 years older than the oldest child (ages are whole years, the day
    // in the year is drawn apart, hence 19).
    const oudsteKind = Math.max(0, ...childAges);
    for (let p = 0; p < parents; p++) {
      const age = Math.max(rnd.int(26, 52), oudsteKind + 19);
      data.gezinsleden.push({
        ...meta(),
        gezinId: gezin.id,
        rol: 'ouder',
        voornaam: faker.person.firstName(p === 0 ? 'female' : 'male'),
        achternaam: p === 0 || rnd.chance(0.6) ? achternaam : faker.person.lastName(),
        geboortedatum: isoOf(today - age * 365 - rnd.int(0, 364)),
        bsn: null,
      });
    }
    const children = childAges.map((age): Child => {
      const row = {
        ...meta(),
        gezinId: gezin.id,
        rol: 'jeugdige' as const,
        voornaam: faker.person.firstName(),
        achternaam,
        geboortedatum: isoOf(today - age * 365 - rnd.int(0, 364)),
        bsn: null as string | null,
      };
      data.gezinsleden.push(row);
      return { id: row.id, voornaam: row.voornaam, row };
    });
    for (let n = rnd.int(0, 3); n > 0; n--) {
      data.netwerkleden.push({
        ...meta(),
        gezinId: gezin.id,
        naam: T.nederlandseNaam(faker.person.fullName()),
        relatie: rnd.pick(T.NETWERK_RELATIES),
        telefoon: `06-${rnd.int(10_000_000, 99_999_999)}`,
        rolInPlan: rnd.chance(0.5) ? 'Vangt de kinderen op bij drukte' : null,
      });
    }
    const planId = addPlan(
      gezin.id,
      children[0]?.voornaam ?? achternaam,
      aangemeld,
      Math.max(...childAges),
    );
    return { gezin, planId, children };
  }

  function addPlan(gezinId: string, kind: string, aangemeld: number, oldestAge: number): string {
    const versie = rnd.int(1, 3);
    const consent = rnd.chance(0.85);
    const eigenWoorden = rnd.pick(T.EIGEN_WOORDEN).replaceAll('{kind}', kind);
    const toekomstplan =
      oldestAge >= 16
        ? `${kind} wil na de zomer starten met een mbo-opleiding en op termijn zelfstandig wonen.`
        : null;
    const plan = {
      ...meta(),
      gezinId,
      eigenWoorden,
      toekomstplan,
      versie,
      toestemmingVersie: consent ? versie : versie > 1 ? versie - 1 : null,
      toestemmingOp: consent || versie > 1 ? isoOf(Math.min(today, aangemeld + 21 * versie)) : null,
      toestemmingDoor: consent || versie > 1 ? 'Ouders' : null,
    };
    data.gezinsplannen.push(plan);
    const order = new Map(LEEFDOMEINEN.codes.map((d, i) => [d, i]));
    const domeinen = [...LEEFDOMEINEN.codes]
      .sort(() => rnd.next() - 0.5)
      .slice(0, rnd.int(2, 4))
      .sort((a, b) => order.get(a)! - order.get(b)!)
      .map((domein) => ({
        domein,
        situatie: T.DOMEIN_TEKSTEN[domein][0],
        doel: T.DOMEIN_TEKSTEN[domein][1],
      }));
    for (const d of domeinen) data.gezinsplanDomeinen.push({ ...meta(), planId: plan.id, ...d });
    const afspraken = [...T.AFSPRAKEN]
      .sort(() => rnd.next() - 0.5)
      .slice(0, rnd.int(1, 4))
      .map(([wat, wie]) => {
        const uiterlijk = aangemeld + rnd.int(14, 120);
        return {
          wat: wat.replaceAll('{kind}', kind),
          wie: wie.replaceAll('{kind}', kind),
          uiterlijk: isoOf(uiterlijk),
          status:
            uiterlijk < today
              ? rnd.chance(0.8)
                ? ('gedaan' as const)
                : ('open' as const)
              : ('open' as const),
        };
      })
      .sort((a, b) => a.uiterlijk.localeCompare(b.uiterlijk) || a.wat.localeCompare(b.wat));
    for (const a of afspraken) data.afspraken.push({ ...meta(), planId: plan.id, ...a });
    // Snapshots in the shape of PlanInhoud; the last one is the plan as it stands, earlier
    // versions had fewer agreements.
    for (let v = 1; v <= versie; v++) {
      const inhoud = {
        eigenWoorden,
        toekomstplan,
        domeinen,
        afspraken: afspraken
          .slice(0, afspraken.length - (versie - v))
          .map((a) => ({ ...a, status: 'open' as const })),
      };
      data.gezinsplanVersies.push({
        ...meta(),
        planId: plan.id,
        versie: v,
        vastgesteldOp: isoOf(Math.min(today, aangemeld + 21 * v)),
        vastgesteldDoor: null,
        inhoud: JSON.stringify(inhoud),
      });
    }
    return plan.id;
  }

  function childAgesForFamily(youthAge: number): number[] {
    const siblings = rnd.weighted([
      [0, 0.3],
      [1, 0.4],
      [2, 0.22],
      [3, 0.08],
    ] as const);
    const ages = [youthAge];
    for (let i = 0; i < siblings; i++)
      ages.push(Math.max(0, Math.min(21, youthAge + rnd.int(-6, 6))));
    return ages;
  }

  function youthAge(pattern: CarePattern): number {
    if (pattern.key === 'eed') return rnd.int(7, 12);
    if (pattern.verwijzer === 'rechter' || pattern.key.startsWith('jr')) return rnd.int(14, 17);
    return Math.min(17, Math.max(0, Math.round(11 + 4 * rnd.normal())));
  }

  function newBsn(): string {
    for (;;) {
      // Demo BSNs start with 9: a range that has not been issued to residents.
      const bsn = completeBsn(`9${String(rnd.int(0, 9_999_999)).padStart(7, '0')}`);
      if (bsn && !usedBsns.has(bsn)) {
        usedBsns.add(bsn);
        return bsn;
      }
    }
  }

  function addActieplan(
    family: FamilyCtx,
    child: Child,
    pattern: CarePattern | null,
    opened: number,
  ) {
    const kind = child.voornaam;
    const kindText = (text: string) => text.replaceAll('{kind}', kind);
    const hulpvraagKey = pattern?.hulpvraag ?? 'licht';
    const ap = {
      ...meta(),
      gezinId: family.gezin.id,
      jeugdigeId: child.id,
      hulpvraag: kindText(rnd.pick(T.HULPVRAGEN[hulpvraagKey]!)),
      problemen: pattern ? pattern.problemen.join(', ') : 'Spanning thuis, weinig overzicht.',
      verwijzer: pattern?.verwijzer ?? ('jeugdteam' as Verwijzer),
      eigenKracht: kindText(rnd.pick(T.EIGEN_KRACHT)),
      netwerk: kindText(rnd.pick(T.NETWERK)),
      voorliggend: rnd.pick(T.VOORLIGGEND),
      triageUitkomst: pattern
        ? ('laten_doen' as const)
        : rnd.chance(0.45)
          ? ('zelf' as const)
          : ('samen' as const),
      jeugdhulpNodig: pattern !== null,
      status: 'open' as 'open' | 'afgerond',
      geopendOp: isoOf(opened),
      afgerondOp: null as string | null,
    };
    data.actieplannen.push(ap);
    const goals = [...T.DOELEN].sort(() => rnd.next() - 0.5).slice(0, rnd.int(1, 3));
    const doelRows = goals.map(([omschrijving, meetbaar]) => {
      const row = {
        ...meta(),
        actieplanId: ap.id,
        omschrijving: kindText(omschrijving),
        meetbaar: kindText(meetbaar),
        uiterlijk: isoOf(opened + rnd.int(90, 270)),
        resultaat: 'open' as 'open' | 'behaald' | 'deels' | 'niet_behaald',
      };
      data.doelen.push(row);
      return row;
    });
    return { ap, doelRows };
  }

  function addFamilyWithoutJeugdhulp(ctx: TeamCtx): void {
    const opened = rnd.int(yearStart, today);
    const family = addFamily(ctx, opened, childAgesForFamily(rnd.int(4, 17)));
    const child = family.children[0]!;
    const { ap, doelRows } = addActieplan(family, child, null, opened);
    const gezin = family.gezin;
    const closed = opened + rnd.int(60, 200);
    if (closed < today) {
      ap.status = 'afgerond';
      ap.afgerondOp = isoOf(closed);
      for (const d of doelRows)
        d.resultaat = rnd.weighted([
          ['behaald', 0.7],
          ['deels', 0.2],
          ['niet_behaald', 0.1],
        ] as const);
      closeFamily(gezin, closed + 7);
    } else if (today - opened < 21) {
      gezin.status = 'aangemeld';
    }
  }

  /** Closes the family with its verdict when `day` has passed; otherwise it stays active. */
  function closeFamily(gezin: DemoDataset['gezinnen'][number], day: number): void {
    if (day >= today) return;
    gezin.status = 'afgesloten';
    gezin.afgeslotenOp = isoOf(day);
    gezin.oordeelCijfer = Math.min(10, Math.max(3, Math.round(7.4 + 1.3 * rnd.normal())));
    gezin.oordeelGezin =
      gezin.oordeelCijfer >= 7
        ? 'We zijn geholpen en kunnen verder met ons eigen netwerk.'
        : 'Het duurde lang voordat de hulp begon.';
  }

  /** Adds a family with one or (at most `room`) two youths in care; returns their end days. */
  function addFamilyWithCare(
    ctx: TeamCtx,
    pattern: CarePattern,
    start: number,
    duration: number,
    room: number,
  ): number[] {
    const family = addFamily(ctx, start - rnd.int(14, 60), childAgesForFamily(youthAge(pattern)));
    const youths = [family.children[0]!];
    // One in five families has a second child in care with the same kind of help.
    if (room > 1 && family.children.length > 1 && rnd.chance(0.2)) youths.push(family.children[1]!);
    const ends = youths.map((child) => {
      const end = addEpisode(ctx, family, child, pattern, start, duration);
      if (end < today) rememberEnded(ctx, family, child, end);
      return end;
    });
    closeFamily(family.gezin, Math.max(...ends) + 30);
    return ends;
  }

  function rememberEnded(ctx: TeamCtx, family: FamilyCtx, child: Child, end: number): void {
    const list = endedCare.get(ctx.teamId) ?? [];
    list.push({ family, child, end });
    endedCare.set(ctx.teamId, list);
  }

  /** A youth whose help ended less than a year ago comes back (the region's recidive KPI). */
  function addReturnIntoCare(ctx: TeamCtx, pattern: CarePattern, start: number): boolean {
    const list = endedCare.get(ctx.teamId) ?? [];
    for (let attempt = 0; attempt < 8 && list.length > 0; attempt++) {
      const index = rnd.int(0, list.length - 1);
      const candidate = list[index]!;
      if (candidate.end >= start - 30 || candidate.end < start - 365) continue;
      list.splice(index, 1);
      const gezin = candidate.family.gezin;
      gezin.status = 'actief';
      gezin.afgeslotenOp = null;
      gezin.oordeelGezin = null;
      gezin.oordeelCijfer = null;
      const end = addEpisode(
        ctx,
        candidate.family,
        candidate.child,
        pattern,
        start,
        durationDays(pattern),
      );
      closeFamily(gezin, end + 30);
      return true;
    }
    return false;
  }

  /** Adds actieplan, zorgprofiel, toewijzingen and evaluations; returns the actual end day. */
  function addEpisode(
    ctx: TeamCtx,
    family: FamilyCtx,
    child: Child,
    pattern: CarePattern,
    start: number,
    duration: number,
  ): number {
    // The BSN is stored only for youths who receive a toewijzing (a JW301 needs it).
    child.row.bsn ??= newBsn();
    const { ap, doelRows } = addActieplan(family, child, pattern, start - rnd.int(7, 30));
    const profiel = {
      ...meta(),
      actieplanId: ap.id,
      categorie: pattern.profiel,
      probleemgebieden: JSON.stringify(pattern.problemen),
      // Never after today: a later step is not decided on before it is there.
      vastgesteldOp: isoOf(Math.min(today, start - rnd.int(1, 7))),
      vastgesteldDoor: '',
    };
    data.zorgprofielen.push(profiel);
    ctx.assign.push((id) => (profiel.vastgesteldDoor = id));
    const plannedEnd = start + duration - 1;
    const reden: EindeReden = rnd.weighted([
      ['volgens_plan', 0.76],
      ['voortijdig_client', 0.13],
      ['voortijdig_aanbieder', 0.04],
      ['verhuizing', 0.03],
      ['overig', 0.04],
    ] as const);
    const actualEnd =
      reden === 'volgens_plan'
        ? plannedEnd
        : start + Math.round(duration * (0.35 + 0.5 * rnd.next()));
    const wait = Math.round(Math.abs(rnd.normal()) * 18);
    let hoofdId: string | null = null;
    for (const step of pattern.steps) {
      if (step.chance !== undefined && !rnd.chance(step.chance)) continue;
      const product = productByCode.get(step.productcode)!;
      const stepStart = start + Math.round(duration * step.from);
      const stepEnd = start + Math.round(duration * step.to) - 1;
      if (stepStart > actualEnd) continue;
      const candidates = aanbiedersByPerceel.get(product.fact.perceel)!;
      const aanbiederId = rnd.weighted(candidates);
      const ended = Math.min(stepEnd, actualEnd);
      const finished = ended < today;
      const begun = stepStart + (step.from === 0 ? wait : 0);
      const status = finished ? 'beeindigd' : begun <= today ? 'gestart' : 'toegewezen';
      const row: Insert<typeof s.toewijzingen> & { id: string } = {
        ...meta(),
        gezinslidId: child.id,
        actieplanId: ap.id,
        zorgprofielId: profiel.id,
        aanbiederId,
        productId: product.id,
        rol:
          step.onderaannemer && hoofdId ? ('onderaannemer' as const) : ('hoofdaanbieder' as const),
        hoofdToewijzingId: step.onderaannemer ? hoofdId : null,
        volume: step.volume,
        eenheid: product.fact.eenheid,
        frequentie: product.fact.frequentie,
        tariefCents: product.fact.tariefCents,
        startdatum: isoOf(stepStart),
        einddatum: isoOf(stepEnd),
        werkelijkeStart: begun <= today ? isoOf(begun) : null,
        status,
        beschikkingsvrij: product.fact.beschikkingsvrij,
        verwijzer: pattern.verwijzer,
        neeTenzij: false,
        beeindigdOp: finished ? isoOf(ended) : null,
        eindeReden: finished ? (ended < stepEnd ? reden : 'volgens_plan') : null,
        aangemaaktDoor: '',
        aangemaaktOp: isoOf(Math.min(today, stepStart - rnd.int(3, 20))),
        toegewezenOp: null as string | null,
      };
      // Decided on the day it was made, in office hours (in UTC; not drawn from `rnd`, so the
      // rest of the region stays as it was generated before).
      row.toegewezenOp = `${row.aangemaaktOp}T${String(7 + (stepStart % 8)).padStart(2, '0')}:${String((stepStart * 7) % 60).padStart(2, '0')}:00.000Z`;
      hoofdId ??= row.id;
      data.toewijzingen.push(row);
      ctx.assign.push((id) => (row.aangemaaktDoor = id));
      planned.push({
        row,
        product: product.fact,
        verwijzer: pattern.verwijzer,
        realisation: 0.8 + 0.18 * rnd.next(),
        billFrom: begun,
        billTo: Math.min(ended, today),
      });
      addEvaluations(row.id, stepStart, stepEnd, ended);
    }
    if (actualEnd < today) {
      ap.status = 'afgerond';
      ap.afgerondOp = isoOf(actualEnd);
      for (const d of doelRows) {
        d.resultaat =
          reden === 'volgens_plan'
            ? rnd.weighted([
                ['behaald', 0.65],
                ['deels', 0.25],
                ['niet_behaald', 0.1],
              ] as const)
            : rnd.weighted([
                ['behaald', 0.2],
                ['deels', 0.35],
                ['niet_behaald', 0.45],
              ] as const);
      }
    }
    return actualEnd;
  }

  function addEvaluations(
    toewijzingId: string,
    start: number,
    plannedEnd: number,
    actualEnd: number,
  ): void {
    for (let day = start + 91; day <= plannedEnd; day += 182) {
      const past = day < today;
      const done = past && day <= actualEnd + 14 && rnd.chance(0.85);
      const last = day + 182 > plannedEnd || day > actualEnd;
      const uitkomst: EvaluatieUitkomst = last
        ? rnd.weighted([
            ['stoppen', 0.6],
            ['afschalen', 0.4],
          ] as const)
        : rnd.weighted([
            ['voortzetten', 0.66],
            ['afschalen', 0.2],
            ['opschalen', 0.08],
            ['stoppen', 0.06],
          ] as const);
      data.evaluaties.push({
        ...meta(),
        toewijzingId,
        geplandOp: isoOf(day),
        uitgevoerdOp: done ? isoOf(Math.min(today, day + rnd.int(-10, 14))) : null,
        uitkomst: done ? uitkomst : null,
        toelichting: done ? 'Besproken met gezin en aanbieder.' : null,
        cijferGezin: done ? cijferVanGezin(toewijzingId, day) : null,
      });
      if (day > actualEnd) break;
    }
  }

  /**
   * The family's own mark at an evaluation (most give one, mostly 6 to 9), derived from the
   * toewijzing's id and the day rather than drawn, so the rest of the region stays as it was.
   */
  function cijferVanGezin(toewijzingId: string, day: number): number | null {
    const h = (parseInt(toewijzingId.replace(/-/g, '').slice(0, 8), 16) + day) % 20;
    return h < 3 ? null : [5, 6, 6, 7, 7, 7, 7, 8, 8, 8, 8, 8, 9, 9, 9, 10, 6][h - 3]!;
  }

  // ---------------------------------------------------------------- realisation and calibration

  // Months are handled as integer indexes from a base year, for speed at region scale.
  const baseYear = year - 6;
  const monthIndexOf = (day: number): number => {
    const d = new Date(day * DAY_MS);
    return (d.getUTCFullYear() - baseYear) * 12 + d.getUTCMonth();
  };
  const monthStartDay = (mi: number): number =>
    Math.floor(Date.UTC(baseYear + Math.floor(mi / 12), mi % 12, 1) / DAY_MS);
  const periodOf = (mi: number): string =>
    `${baseYear + Math.floor(mi / 12)}-${String((mi % 12) + 1).padStart(2, '0')}`;
  const todayMonth = monthIndexOf(today);
  /** The SOJ has delivered up to the month before today's. */
  const lastBilledMonth = todayMonth - 1;
  const firstMonthOfYear = (year - baseYear) * 12;

  interface RealisedMonth {
    month: number;
    from: number;
    to: number;
    units: number;
    cents: number;
  }

  /** Realised units and cents of one toewijzing per month, as the SOJ would bill it. */
  function realise(p: PlannedToewijzing): RealisedMonth[] {
    const lines: RealisedMonth[] = [];
    const lastDay = Math.min(p.billTo, monthStartDay(lastBilledMonth + 1) - 1);
    if (p.billFrom > lastDay) return lines;
    const { tariefCents, volume, frequentie } = p.row;
    if (frequentie === '6') {
      // A trajectory is billed once, in the month it ends, at what it commits (README "Money
      // rules"): its price, or stopped early the share of the allocated days it ran.
      if (p.billTo <= lastDay)
        lines.push({
          month: monthIndexOf(p.billTo),
          from: p.billFrom,
          to: p.billTo,
          units: volume,
          cents: totalCents(p.row as Commitment),
        });
      return lines;
    }
    for (let mi = monthIndexOf(p.billFrom); monthStartDay(mi) <= lastDay; mi++) {
      const from = Math.max(p.billFrom, monthStartDay(mi));
      const to = Math.min(lastDay, monthStartDay(mi + 1) - 1);
      const days = to - from + 1;
      if (frequentie === '1') {
        lines.push({
          month: mi,
          from,
          to,
          units: volume * days,
          cents: tariefCents * volume * days,
        });
      } else if (frequentie === '2') {
        const units = weeklyUnits(volume, days, p.realisation);
        lines.push({ month: mi, from, to, units, cents: tariefCents * units });
      } else {
        const monthDays = monthStartDay(mi + 1) - monthStartDay(mi);
        lines.push({
          month: mi,
          from,
          to,
          units: volume,
          cents: Math.round((tariefCents * volume * days) / monthDays),
        });
      }
    }
    return lines;
  }

  function weeklyUnits(volume: number, days: number, realisation: number): number {
    return Math.max(1, Math.round(((volume * days) / 7) * realisation));
  }

  const inYear = (m: RealisedMonth) =>
    m.month >= firstMonthOfYear && m.month < firstMonthOfYear + 12;

  // Scale weekly volumes per referrer so referrer cost shares and the average are met.
  // Rounding to whole hours uses a fixed per-toewijzing draw, so the passes converge.
  const youthsInYear = new Set(
    planned.filter((p) => overlapsYear(p)).map((p) => p.row.gezinslidId),
  );
  const targetTotal = youthsInYear.size * TARGETS.averageCostCents;
  for (const verwijzer of Object.keys(TARGETS.costShare) as Verwijzer[]) {
    const group = planned.filter((p) => p.verwijzer === verwijzer);
    let fixed = 0;
    const adjustable: {
      p: PlannedToewijzing;
      nominal: number;
      u: number;
      daysPerMonth: number[];
    }[] = [];
    for (const p of group) {
      const months = realise(p).filter(inYear);
      if (p.row.frequentie === '2')
        adjustable.push({
          p,
          nominal: p.row.volume,
          u: rnd.next(),
          daysPerMonth: months.map((m) => m.to - m.from + 1),
        });
      else fixed += months.reduce((sum, m) => sum + m.cents, 0);
    }
    const cost = () =>
      adjustable.reduce(
        (sum, a) =>
          sum +
          a.daysPerMonth.reduce(
            (s2, days) =>
              s2 + a.p.row.tariefCents * weeklyUnits(a.p.row.volume, days, a.p.realisation),
            0,
          ),
        0,
      );
    let factor = 1;
    for (let pass = 0; pass < 6 && adjustable.length > 0; pass++) {
      const current = cost();
      if (current === 0) break;
      factor *= Math.max(0.1, (targetTotal * TARGETS.costShare[verwijzer] - fixed) / current);
      for (const a of adjustable) {
        const exact = a.nominal * factor;
        a.p.row.volume = Math.max(1, Math.floor(exact) + (a.u < exact - Math.floor(exact) ? 1 : 0));
      }
    }
  }

  function overlapsYear(p: PlannedToewijzing): boolean {
    const end = p.row.beeindigdOp ? dayOf(p.row.beeindigdOp) : dayOf(p.row.einddatum);
    return dayOf(p.row.startdatum) <= yearEnd && end >= yearStart;
  }

  // ---------------------------------------------------------------- SOJ lines, budgets, plafonds

  const teamOfGezinslid = new Map<string, string>();
  const gezinTeam = new Map(data.gezinnen.map((g) => [g.id, g.teamId]));
  for (const m of data.gezinsleden) teamOfGezinslid.set(m.id!, gezinTeam.get(m.gezinId)!);
  const bsnOf = new Map(data.gezinsleden.map((m) => [m.id!, m.bsn]));
  const agbOf = new Map(data.aanbieders.map((a) => [a.id!, a.agbCode]));
  const imports = new Map<number, string>();
  for (let mi = firstMonthOfYear; mi <= lastBilledMonth; mi++) {
    const period = periodOf(mi);
    const row = {
      ...meta(),
      periode: period,
      bestandsnaam: `SOJ_realisatie_${period}.csv`,
      // Read in around the 10th of the next month, and never after today.
      ingelezenOp: `${isoOf(Math.min(today, monthStartDay(mi + 1) + 9))}T07:00:00Z`,
      ingelezenDoor: null,
      aantalRegels: 0,
    };
    data.sojImports.push(row);
    imports.set(mi, row.id);
  }
  const spendByAanbieder = new Map<string, { year: number; current: number }>();
  const spendByTeam = new Map<string, number>();
  /** What each team's care cost so far this year (the months the SOJ delivered). */
  const spendNowByTeam = new Map<string, number>();
  for (const p of planned) {
    for (const line of realise(p)) {
      const importId = imports.get(line.month);
      if (!importId) continue;
      const teamId = teamOfGezinslid.get(p.row.gezinslidId)!;
      data.sojRegels.push({
        ...meta(),
        importId,
        periode: periodOf(line.month),
        teamId,
        clientRef: bsnOf.get(p.row.gezinslidId)!,
        productcode: p.product.productcode,
        perceel: p.product.perceel,
        aanbiederAgb: agbOf.get(p.row.aanbiederId)!,
        verwijzer: p.verwijzer,
        startdatum: isoOf(line.from),
        einddatum: isoOf(line.to),
        volume: line.units,
        eenheid: p.row.eenheid,
        tariefCents: p.row.tariefCents,
        bedragCents: line.cents,
        gezinslidId: p.row.gezinslidId,
        toewijzingId: p.row.id,
      });
      const spend = spendByAanbieder.get(p.row.aanbiederId) ?? { year: 0, current: 0 };
      if (inYear(line)) {
        spend.year += line.cents;
        spendByTeam.set(teamId, (spendByTeam.get(teamId) ?? 0) + line.cents);
      } else spend.current += line.cents;
      if (line.month >= firstMonthOfYear + 12)
        spendNowByTeam.set(teamId, (spendNowByTeam.get(teamId) ?? 0) + line.cents);
      spendByAanbieder.set(p.row.aanbiederId, spend);
    }
  }
  const linesPerImport = new Map<string, number>();
  for (const r of data.sojRegels)
    linesPerImport.set(r.importId, (linesPerImport.get(r.importId) ?? 0) + 1);
  for (const imp of data.sojImports) imp.aantalRegels = linesPerImport.get(imp.id!) ?? 0;
  // The teams each import held lines for, as the importer stores them (sorted ids).
  const teamsPerImport = new Map<string, Set<string>>();
  for (const r of data.sojRegels)
    if (r.teamId)
      teamsPerImport.set(r.importId, (teamsPerImport.get(r.importId) ?? new Set()).add(r.teamId));
  for (const imp of data.sojImports)
    imp.teamIds = JSON.stringify([...(teamsPerImport.get(imp.id!) ?? [])].sort());

  const monthsElapsed = lastBilledMonth - firstMonthOfYear - 11;
  for (const a of data.aanbieders) {
    const spend = spendByAanbieder.get(a.id!) ?? { year: 0, current: 0 };
    // Budgetplafond: last year's production plus a little room, at least € 50.000.
    a.budgetplafondCents = Math.max(5_000_000, Math.round((spend.year * 1.04) / 100_000) * 100_000);
    const forecast = monthsElapsed > 0 ? (spend.current / monthsElapsed) * 12 : 0;
    a.clientenstop = forecast >= a.budgetplafondCents;
  }
  for (const [i, ctx] of teamCtx.entries()) {
    const spent = spendByTeam.get(ctx.teamId) ?? 0;
    // This year's budget fits what the team's care costs this year (a small team's caseload
    // shifts a lot from one year to the next, so last year's spend would put it at 40% or 250%):
    // the forecast from the months so far with 0-20% room, a little less for some teams, so that
    // red on the dashboard means something.
    const nu = spendNowByTeam.get(ctx.teamId) ?? 0;
    const prognose = monthsElapsed > 0 ? (nu / monthsElapsed) * 12 : spent * 1.03;
    const ruimte = 0.97 + ((i * 3) % 5) * 0.05;
    data.teambudgetten.push({
      ...meta(),
      teamId: ctx.teamId,
      jaar: year,
      perceel: null,
      bedragCents: Math.round((spent * 1.02) / 100_000) * 100_000,
    });
    data.teambudgetten.push({
      ...meta(),
      teamId: ctx.teamId,
      jaar: year + 1,
      perceel: null,
      bedragCents: Math.max(100_000, Math.round((prognose * ruimte) / 100_000) * 100_000),
    });
  }

  addProfessional('beheerder', null);
  addProfessional('beheerder', null);
  data.socialeVoorzieningen = socialeKaart(
    data.gemeenten.map((g) => ({ id: g.id!, naam: g.naam })),
    (eigen) => ({ id: eigen.uuid(), hlc, authorId: null, deleted: false }),
    seed,
  );
  // ToewijzingNummers from blocks the service never issues (ADR 0005): fictional, and unique.
  data.toewijzingen.forEach((t, i) => {
    t.toewijzingNummer = DEMO_GENERATOR_BLOK * NUMMERS_PER_BLOK + i;
  });
  return data;
}
