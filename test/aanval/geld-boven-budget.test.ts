/**
 * Aanval (issue 24, "Money rules"): a toewijzing that takes the team's forecast over its budget
 * waits for the teamcoach. Two ways around it found from outside.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../shared/dates';
import { clientFor } from '../helpers/core-client';
import { DEMO_TODAY, demoStore } from '../helpers/demo-store';
import { createCore } from '../../core/core';

const { store, data } = demoStore();
const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
afterAll(() => core.close());

const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
const pro = data.professionals.find((p) => p.teamId === team.id && p.rol === 'jeugdprofessional')!;
const coach = data.professionals.find((p) => p.teamId === team.id && p.rol === 'teamcoach')!;
const a = clientFor(core, store, pro.id!);
const c = clientFor(core, store, coach.id!);

let volgend = 12345600;
/** A fresh BSN that passes the elfproef. */
function bsnNieuw(): string {
  for (;;) {
    const acht = String(volgend++).padStart(8, '0');
    const som = [...acht].reduce((s, d, i) => s + Number(d) * (9 - i), 0);
    const laatste = som % 11;
    if (laatste <= 9) return acht + String(laatste);
  }
}
function plan(naam: string) {
  const gezinId = a.ok('gezin.aanmaken', {
    naam,
    adres: 'Voorstraat 12',
    postcode: '3311ab',
    woonplaats: 'Dordrecht',
    leden: [
      { rol: 'ouder', voornaam: 'Petra', achternaam: 'Verbeek', geboortedatum: '1985-04-02' },
      {
        rol: 'jeugdige',
        voornaam: 'Sem',
        achternaam: 'Verbeek',
        geboortedatum: '2011-05-10',
        bsn: bsnNieuw(),
      },
    ],
  }).id;
  const jeugdige = a.ok('gezin.dossier', { gezinId }).leden.find((l) => l.rol === 'jeugdige')!;
  const id = a.ok('actieplan.aanmaken', {
    gezinId,
    jeugdigeId: jeugdige.id,
    hulpvraag: 'Sem gaat niet meer naar school.',
    verwijzer: 'jeugdteam',
  }).id;
  a.ok('actieplan.opslaan', {
    id,
    eigenKracht: 'Moeder brengt Sem zelf naar school.',
    netwerk: 'Oma helpt op woensdag.',
    voorliggend: 'Schoolmaatschappelijk werk is bekeken.',
  });
  a.ok('actieplan.triage', { id, uitkomst: 'laten_doen' });
  a.ok('zorgprofiel.vaststellen', {
    actieplanId: id,
    categorie: 'intensief',
    probleemgebieden: ['gedrag'],
  });
  const aanbieder = a
    .ok('aanbieders.voorProfiel', { actieplanId: id })
    .find(
      (k) =>
        !k.clientenstop && !k.plafondBereikt && k.producten.some((p) => p.productcode === '45A02'),
    )!;
  const product = aanbieder.producten.find((p) => p.productcode === '45A02')!;
  return { gezinId, actieplanId: id, aanbiederId: aanbieder.id, productId: product.id };
}

describe('a budget overrun without the teamcoach', () => {
  it("is caught for next year's budget too (a toewijzing starting in January 2027)", () => {
    const p = plan('Familie Volgendjaar');
    // The coach has already set next year's budget: one euro.
    c.ok('budget.vaststellen', {
      teamId: team.id!,
      jaar: 2027,
      perceel: null,
      bedragCents: 100,
      toelichting: 'Begroting 2027',
    });
    const toewijzing = {
      actieplanId: p.actieplanId,
      aanbiederId: p.aanbiederId,
      productId: p.productId,
      volume: 3,
      startdatum: '2027-01-04',
      einddatum: addMonths('2027-01-04', 3),
    };
    const voorstel = a.ok('toewijzing.voorstel', toewijzing);
    expect(voorstel.totaalCents).toBeGreaterThan(100);
    // Expected: the 2027 forecast with this toewijzing is above the 2027 budget, so only the
    // teamcoach may approve it. Actual: only the current year (2026) is checked, so it is
    // toegewezen at once and the 2027 budget is overrun without anyone's approval.
    expect(voorstel.vierOgen.alleenTeamcoach).toBe(true);
    const made = a.ok('toewijzing.aanmaken', { toewijzing, vierOgenReden: 'Nodig.' });
    expect(made.status).toBe('ter_accordering');
    // Back to a budget that leaves room: the next test's toewijzing also runs into 2027.
    c.ok('budget.vaststellen', {
      teamId: team.id!,
      jaar: 2027,
      perceel: null,
      bedragCents: 100_000_000_000,
      toelichting: 'Begroting 2027 herzien',
    });
  });

  it('is caught when an evaluation scales the help up (opschalen) past the budget', () => {
    const p = plan('Familie Opschalen');
    const toewijzing = {
      actieplanId: p.actieplanId,
      aanbiederId: p.aanbiederId,
      productId: p.productId,
      volume: 1,
      startdatum: DEMO_TODAY,
      einddatum: addMonths(DEMO_TODAY, 6),
    };
    const voor = a.ok('toewijzing.voorstel', toewijzing);
    expect(voor.vierOgen.nodig).toBe(false);
    const made = a.ok('toewijzing.aanmaken', { toewijzing });
    expect(made.status).toBe('toegewezen');
    a.ok('toewijzing.startVastleggen', { id: made.id, datum: DEMO_TODAY });
    // The budget is now exactly the forecast: any extra cent is over it.
    c.ok('budget.vaststellen', {
      teamId: team.id!,
      jaar: 2026,
      perceel: null,
      bedragCents: voor.budget.prognoseNaCents,
      toelichting: 'Precies op',
    });
    const tw = a.ok('gezin.dossier', { gezinId: p.gezinId }).actieplannen[0]!.toewijzingen[0]!;
    a.ok('evaluatie.vastleggen', {
      id: tw.evaluaties[0]!.id,
      uitgevoerdOp: DEMO_TODAY,
      uitkomst: 'opschalen',
      toelichting: 'Meer uren nodig.',
      nieuwVolume: 40,
    });
    const dashboard = c.ok('budget.dashboard', { teamId: team.id!, jaar: 2026 });
    expect(dashboard.kop.resterendCents).toBeLessThan(0);
    const na = a.ok('gezin.dossier', { gezinId: p.gezinId }).actieplannen[0]!.toewijzingen;
    const nieuw = na.find((t) => t.volume === 40)!;
    // Expected: the forecast is now over the budget because of the new volume, so the new
    // toewijzing waits for the teamcoach ("ter_accordering", teamcoach only). Actual: it is
    // "gestart" at once; nobody approved the overrun.
    expect(nieuw.status).toBe('ter_accordering');
  });
});
