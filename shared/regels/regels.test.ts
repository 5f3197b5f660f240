import { describe, expect, it } from 'vitest';
import { besluitFout, budgetFout, rolFout, teamlidFout } from './rollen';
import { contractGeldig } from './toewijzing-keuze';
import { isMoment, waardeFout } from './waarden';
import { BOVEN_BUDGET_REDEN, bovenBudget, vierOgenRedenen } from './vier-ogen';
import type { Opzoeken, Waarden } from './weigering';

const regel = (w: { regel: string } | null) => w?.regel ?? null;
/** A choice the app offers: an aanbieder contracted for the product's perceel and the profile. */
const KEUZE_RIJEN = {
  producten: {
    pr: { perceel: 'jo_zwaar', categorie: '45', frequentie: '2', tariefCents: 10_000 },
  },
  aanbieders: { ab: { naam: 'Gezin Vooruit' } },
  zorgprofielen: { zp: { categorie: 'intensief' } },
  contracten: {
    c: {
      aanbiederId: 'ab',
      perceel: 'jo_zwaar',
      zorgprofiel: 'intensief',
      geldigVan: '2026-01-01',
      geldigTot: null,
    },
  },
};
const KEUZE = {
  productId: 'pr',
  aanbiederId: 'ab',
  zorgprofielId: 'zp',
  aangemaaktOp: '2026-12-01',
};
const pro = { id: 'p1', rol: 'jeugdprofessional', teamId: 't1' };
const coach = { id: 'c1', rol: 'teamcoach', teamId: 't1' };

function opzoeken(rijen: Record<string, Record<string, Waarden>>): Opzoeken {
  return {
    rij: (tabel, id) => rijen[tabel]?.[id] ?? null,
    rijenMet: (tabel, veld, waarde) =>
      Object.entries(rijen[tabel] ?? {})
        .filter(([, w]) => w[veld] === waarde)
        .map(([id, w]) => ({ ...w, id })),
  };
}

describe('value rules', () => {
  it('refuses what the app would not store, and lets empty values be the schema’s', () => {
    expect(regel(waardeFout('gezinsleden', 'bsn', '123456789'))).toBe('waarde-bsn');
    expect(waardeFout('gezinsleden', 'bsn', '111222333')).toBeNull();
    expect(waardeFout('gezinsleden', 'bsn', null)).toBeNull();
    expect(regel(waardeFout('gezinsleden', 'geboortedatum', '2012-02-30'))).toBe('waarde-datum');
    // A birth date ahead of the checker's date (a day's slack for a laptop ahead of it).
    expect(regel(waardeFout('gezinsleden', 'geboortedatum', '2026-12-09', '2026-12-07'))).toBe(
      'waarde-datum',
    );
    expect(waardeFout('gezinsleden', 'geboortedatum', '2026-12-08', '2026-12-07')).toBeNull();
    expect(regel(waardeFout('toewijzingen', 'tariefCents', -1))).toBe('waarde-bedrag');
    expect(regel(waardeFout('toewijzingen', 'volume', 0))).toBe('waarde-bereik');
    expect(regel(waardeFout('zorgprofielen', 'probleemgebieden', '["x"]'))).toBe('waarde-code');
    expect(regel(waardeFout('zorgprofielen', 'probleemgebieden', 'gedrag'))).toBe('waarde-code');
    expect(waardeFout('zorgprofielen', 'probleemgebieden', '["gedrag"]')).toBeNull();
    expect(waardeFout('netwerkleden', 'naam', 'Oma')).toBeNull();
    expect(waardeFout('gezinnen', 'toString', 'x')).toBeNull();
  });

  it('takes a moment as a date, or a date and time as the app writes them', () => {
    for (const m of ['2026-11-02', '2026-11-02T10:30', '2026-11-02T10:30:00.000Z'])
      expect(isMoment(m), m).toBe(true);
    for (const m of ['2026-11-31T10:30', '2026-11-02T24:00', 'morgen', '2026-11-02 10:30'])
      expect(isMoment(m), m).toBe(false);
  });
});

describe('role rules', () => {
  it('lets a colleague or the teamcoach decide once, in their own name, never the requester', () => {
    const verzoek = { aangevraagdDoor: pro.id, besluit: null };
    expect(besluitFout(coach, verzoek, coach.id)).toBeNull();
    expect(regel(besluitFout(pro, verzoek, pro.id))).toBe('akkoord-eigen-verzoek');
    expect(regel(besluitFout(pro, verzoek, coach.id))).toBe('akkoord-beoordelaar');
    expect(regel(besluitFout({ ...coach, rol: 'beheerder' }, verzoek, coach.id))).toBe(
      'akkoord-beoordelaar',
    );
    expect(regel(besluitFout(coach, { ...verzoek, besluit: 'akkoord' }, coach.id))).toBe(
      'akkoord-al-besloten',
    );
  });

  it('needs vier ogen for acuut, verblijf, nee-tenzij and cost above the threshold', () => {
    const basis = {
      beschikkingsvrij: false,
      zorgprofiel: 'intensief',
      verblijf: false,
      neeTenzij: false,
      totaalCents: 100,
      drempelCents: 1_000,
      bovenBudget: false,
    };
    expect(vierOgenRedenen(basis)).toEqual([]);
    expect(vierOgenRedenen({ ...basis, zorgprofiel: 'acuut' })).toHaveLength(1);
    expect(vierOgenRedenen({ ...basis, verblijf: true, totaalCents: 5_000 })).toHaveLength(2);
    expect(vierOgenRedenen({ ...basis, neeTenzij: true, beschikkingsvrij: true })).toEqual([]);
  });

  it('makes a toewijzing toegewezen only with the approval it needs', () => {
    const zoek = opzoeken({
      ...KEUZE_RIJEN,
      teams: { t1: { vierOgenDrempelCents: 2_500_000 } },
      akkoorden: {},
    });
    const plek = { tabel: 'toewijzingen', rijId: 'tw', teamId: 't1' };
    const nieuw = (volume: number, status: string) => ({
      ...KEUZE,
      volume,
      tariefCents: 10_000,
      startdatum: '2027-01-01',
      einddatum: '2027-12-31',
      status,
    });
    expect(rolFout(pro, plek, null, nieuw(1, 'toegewezen'), zoek)).toBeNull();
    expect(regel(rolFout(pro, plek, null, nieuw(10, 'toegewezen'), zoek))).toBe(
      'toewijzing-zonder-akkoord',
    );
    expect(rolFout(pro, plek, null, nieuw(10, 'ter_accordering'), zoek)).toBeNull();
    const wacht = nieuw(10, 'ter_accordering');
    expect(regel(rolFout(pro, plek, wacht, { status: 'toegewezen' }, zoek))).toBe(
      'toewijzing-zonder-akkoord',
    );
    const goedgekeurd = opzoeken({
      ...KEUZE_RIJEN,
      akkoorden: {
        a: {
          toewijzingId: 'tw',
          aangevraagdDoor: pro.id,
          besluit: 'akkoord',
          beoordeeldDoor: 'c1',
        },
      },
    });
    expect(rolFout(pro, plek, wacht, { status: 'toegewezen' }, goedgekeurd)).toBeNull();
    expect(
      regel(rolFout(pro, plek, { ...wacht, status: 'beeindigd' }, { status: 'gestart' }, zoek)),
    ).toBe('toewijzing-status');
  });

  /** Issue 24: a toewijzing taking the team to 256% of its budget went through unasked. */
  it('asks the teamcoach when the forecast after the toewijzing is above a budget', () => {
    expect(bovenBudget([{ budgetCents: 1_000, prognoseNaCents: 2_560 }])).toBe(true);
    expect(bovenBudget([{ budgetCents: 1_000, prognoseNaCents: 1_000 }])).toBe(false);
    // The team's budget is fine, the perceel's is not.
    expect(
      bovenBudget([
        { budgetCents: 10_000, prognoseNaCents: 5_000 },
        { budgetCents: 1_000, prognoseNaCents: 1_001 },
      ]),
    ).toBe(true);
    expect(bovenBudget([{ budgetCents: null, prognoseNaCents: 5_000 }])).toBe(false);
    const basis = {
      beschikkingsvrij: false,
      zorgprofiel: 'intensief',
      verblijf: false,
      neeTenzij: false,
      totaalCents: 100,
      drempelCents: 1_000,
    };
    expect(vierOgenRedenen({ ...basis, bovenBudget: true })).toEqual([BOVEN_BUDGET_REDEN]);

    // The service takes the finding from the row: toegewezen without approval is refused ...
    const zoek = opzoeken({
      ...KEUZE_RIJEN,
      teams: { t1: { vierOgenDrempelCents: 2_500_000 } },
      akkoorden: {},
      toewijzingen: { tw: { bovenBudget: true, status: 'ter_accordering' } },
    });
    const plek = { tabel: 'toewijzingen', rijId: 'tw', teamId: 't1' };
    const rij = {
      ...KEUZE,
      volume: 1,
      tariefCents: 10_000,
      startdatum: '2027-01-01',
      einddatum: '2027-01-31',
      bovenBudget: true,
    };
    expect(regel(rolFout(pro, plek, null, { ...rij, status: 'toegewezen' }, zoek))).toBe(
      'toewijzing-zonder-akkoord',
    );
    // ... the finding cannot be cleared ...
    expect(
      regel(
        rolFout(pro, plek, { ...rij, status: 'ter_accordering' }, { bovenBudget: false }, zoek),
      ),
    ).toBe('toewijzing-boven-budget');
    // ... and only the teamcoach decides on it, not a colleague.
    const verzoek = { toewijzingId: 'tw', aangevraagdDoor: 'p2', besluit: null };
    const akkoord = { tabel: 'akkoorden', rijId: 'a1', teamId: 't1' };
    const besluit = (wie: typeof pro) => ({
      besluit: 'akkoord',
      beoordeeldDoor: wie.id,
      beoordeeldOp: '2027-01-01',
    });
    expect(regel(rolFout(pro, akkoord, verzoek, besluit(pro), zoek))).toBe('akkoord-teamcoach');
    expect(rolFout(coach, akkoord, verzoek, besluit(coach), zoek)).toBeNull();
    expect(besluitFout(pro, verzoek, pro.id, { bovenBudget: false })).toBeNull();
  });

  it('runs a toewijzing only with an aanbieder contracted that day and a product that fits', () => {
    const plek = { tabel: 'toewijzingen', rijId: 'tw', teamId: 't1' };
    const zoek = opzoeken({ ...KEUZE_RIJEN, teams: { t1: {} }, akkoorden: {} });
    const rij = {
      ...KEUZE,
      volume: 1,
      tariefCents: 10_000,
      startdatum: '2027-01-01',
      einddatum: '2027-01-31',
    };
    const lopend = (extra: Waarden) =>
      rolFout(pro, plek, null, { ...rij, ...extra, status: 'gestart' }, zoek);
    expect(lopend({})).toBeNull();
    // The contract's first day counts; the day before it does not.
    expect(lopend({ aangemaaktOp: '2026-01-01' })).toBeNull();
    expect(regel(lopend({ aangemaaktOp: '2025-12-31' }))).toBe('toewijzing-keuze');
    expect(contractGeldig({ geldigVan: '2026-01-01', geldigTot: '2026-06-30' }, '2026-06-30')).toBe(
      true,
    );
    expect(contractGeldig({ geldigVan: '2026-01-01', geldigTot: '2026-06-30' }, '2026-07-01')).toBe(
      false,
    );
    expect(
      contractGeldig({ geldigVan: '2026-01-01', geldigTot: null, deleted: true }, '2026-07-01'),
    ).toBe(false);
    // Another perceel's product under the same profile, with no contract for that perceel.
    const anderPerceel = opzoeken({
      ...KEUZE_RIJEN,
      producten: { pr: { perceel: 'ggz_zwaar', categorie: '45' } },
    });
    expect(regel(rolFout(pro, plek, null, { ...rij, status: 'gestart' }, anderPerceel))).toBe(
      'toewijzing-keuze',
    );
    // Waiting for approval it is not checked yet; once it runs its choice stays unless changed.
    expect(
      rolFout(pro, plek, null, { ...rij, productId: 'x', status: 'ter_accordering' }, zoek),
    ).toBeNull();
    const oud = { ...rij, productId: 'x', status: 'gestart' };
    expect(rolFout(pro, plek, oud, { einddatum: '2027-03-31' }, zoek)).toBeNull();
    expect(regel(rolFout(pro, plek, { ...rij, status: 'gestart' }, { productId: 'x' }, zoek))).toBe(
      'toewijzing-keuze',
    );
  });

  it('keeps the budget to the team’s teamcoach or a beheerder, and the regisseur in the team', () => {
    expect(budgetFout(coach, 't1')).toBeNull();
    expect(budgetFout({ id: 'b', rol: 'beheerder', teamId: null }, 't2')).toBeNull();
    expect(regel(budgetFout(coach, 't2'))).toBe('budget-rol');
    expect(regel(budgetFout(pro, 't1'))).toBe('budget-rol');
    expect(teamlidFout({ teamId: 't1', rol: 'jeugdprofessional', actief: true }, 't1')).toBeNull();
    expect(teamlidFout({ teamId: 't2', rol: 'jeugdprofessional' }, 't1')).not.toBeNull();
    expect(teamlidFout({ teamId: 't1', actief: false }, 't1')).not.toBeNull();
    expect(teamlidFout(null, 't1')).not.toBeNull();
  });
});
