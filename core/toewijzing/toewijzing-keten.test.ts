/** The care chain in the core: triage, zorgprofiel, aanbieder, toewijzing, start, evaluation, stop. */
import { describe, expect, it } from 'vitest';
import { totalCents } from '../../shared/cost';
import { addDays, addMonths } from '../../shared/dates';
import { clientFor } from '../../test/helpers/core-client';
import { DEMO_TODAY } from '../../test/helpers/demo-store';
import { caseworkOmgeving } from '../../test/helpers/casework-omgeving';

const { store, core, team, coach, a, newFamily, readyActieplan } = caseworkOmgeving();

describe('the casework chain in the core', () => {
  it('walks triage, zorgprofiel, aanbieder, toewijzing, start, afschalen, stop and closing', () => {
    const gezinId = newFamily('Familie Keten');
    const jeugdige = a.ok('gezin.dossier', { gezinId }).leden.find((l) => l.rol === 'jeugdige')!;
    const apId = a.ok('actieplan.aanmaken', {
      gezinId,
      jeugdigeId: jeugdige.id,
      hulpvraag: 'Veel ruzie thuis.',
      verwijzer: 'jeugdteam',
    }).id;
    expect(a.ok('gezin.dossier', { gezinId }).gezin.status).toBe('actief');

    // Triage in order: jeugdhulp only after eigen kracht, network and voorliggend.
    expect(
      a.fails('zorgprofiel.vaststellen', {
        actieplanId: apId,
        categorie: 'intensief',
        probleemgebieden: ['gedrag'],
      }).code,
    ).toBe('conflict');
    expect(a.fails('actieplan.triage', { id: apId, uitkomst: 'laten_doen' }).message).toMatch(
      /eigen kracht.*netwerk.*voorliggende/,
    );
    a.ok('actieplan.opslaan', {
      id: apId,
      eigenKracht: 'Vaste bedtijden.',
      netwerk: 'Oom sport met Sem.',
      voorliggend: 'Opvoedspreekuur CJG gevolgd.',
    });
    a.ok('actieplan.triage', { id: apId, uitkomst: 'laten_doen' });
    a.ok('doel.opslaan', {
      actieplanId: apId,
      omschrijving: 'Geen ruzies meer',
      meetbaar: 'Max. 1 conflict per week',
      uiterlijk: '2027-05-01',
    });
    expect(
      a.fails('doel.opslaan', {
        actieplanId: apId,
        omschrijving: 'x',
        meetbaar: 'y',
        uiterlijk: '2020-01-01',
      }).field,
    ).toBe('uiterlijk');
    a.ok('zorgprofiel.vaststellen', {
      actieplanId: apId,
      categorie: 'intensief',
      probleemgebieden: ['gedrag', 'opvoedingsvaardigheden'],
    });

    const keuze = a.ok('aanbieders.voorProfiel', { actieplanId: apId });
    expect(keuze.length).toBeGreaterThan(3);
    const aanbieder = keuze.find(
      (k) =>
        !k.clientenstop && !k.plafondBereikt && k.producten.some((p) => p.productcode === '45A02'),
    )!;
    const product = aanbieder.producten.find((p) => p.productcode === '45A02')!;
    const toewijzing = {
      actieplanId: apId,
      aanbiederId: aanbieder.id,
      productId: product.id,
      volume: 3,
      startdatum: DEMO_TODAY,
      einddatum: addMonths(DEMO_TODAY, 6),
    };
    const voorstel = a.ok('toewijzing.voorstel', toewijzing);
    expect(voorstel.totaalCents).toBe(
      totalCents({
        ...toewijzing,
        frequentie: product.frequentie,
        tariefCents: product.tariefCents,
      }),
    );
    expect(voorstel.ditJaarCents).toBeLessThan(voorstel.totaalCents);
    // One definition of remaining (issue 24): budget − forecast, this toewijzing's months added.
    expect(voorstel.budget.naDezeCents).toBe(
      voorstel.budget.budgetCents! - voorstel.budget.prognoseCents - voorstel.ditJaarCents,
    );
    expect(voorstel.budget.budgetCents).toBeGreaterThan(0);
    expect(voorstel.vierOgen.nodig).toBe(false);

    const made = a.ok('toewijzing.aanmaken', { toewijzing });
    expect(made.status).toBe('toegewezen');
    // The dashboard's "Resterend" right after is what the dialog said would be left (issue 24:
    // the two screens showed different amounts on different bases).
    const dashboard = clientFor(core, store, coach.id!).ok('budget.dashboard', {
      teamId: team.id!,
      jaar: voorstel.budget.jaar,
    });
    expect(dashboard.kop.resterendCents).toBe(voorstel.budget.naDezeCents);
    expect(dashboard.kop.prognoseCents).toBe(voorstel.budget.prognoseNaCents);
    let tw = a.ok('gezin.dossier', { gezinId }).actieplannen[0]!.toewijzingen[0]!;
    expect(tw.evaluaties.length).toBeGreaterThanOrEqual(2);

    expect(
      a.fails('toewijzing.startVastleggen', { id: made.id, datum: addDays(DEMO_TODAY, 1) }).field,
    ).toBe('datum');
    a.ok('toewijzing.startVastleggen', { id: made.id, datum: DEMO_TODAY });
    tw = a.ok('gezin.dossier', { gezinId }).actieplannen[0]!.toewijzingen[0]!;
    expect(tw).toMatchObject({ status: 'gestart', wachttijdDagen: 0 });

    expect(
      a.fails('evaluatie.vastleggen', {
        id: tw.evaluaties[0]!.id,
        uitgevoerdOp: DEMO_TODAY,
        uitkomst: 'afschalen',
        toelichting: 'Gaat beter',
        nieuwVolume: 4,
      }).field,
    ).toBe('nieuwVolume');
    a.ok('evaluatie.vastleggen', {
      id: tw.evaluaties[0]!.id,
      uitgevoerdOp: DEMO_TODAY,
      uitkomst: 'afschalen',
      toelichting: 'Het gaat beter; minder uren.',
      nieuwVolume: 2,
    });
    const na = a.ok('gezin.dossier', { gezinId }).actieplannen[0]!.toewijzingen;
    expect(na.map((t) => [t.status, t.volume])).toEqual([
      ['beeindigd', 3],
      ['gestart', 2],
    ]);
    expect(
      a.fails('gezin.afsluiten', {
        gezinId,
        datum: DEMO_TODAY,
        doelen: [],
        oordeelGezin: 'Goed',
        oordeelCijfer: 8,
      }).message,
    ).toMatch(/loopt nog een toewijzing/);
    expect(na[1]!.startdatum).toBe(addDays(DEMO_TODAY, 1));
    // Stopping before the new volume begins withdraws it; it then commits nothing.
    a.ok('toewijzing.stoppen', { id: na[1]!.id, datum: DEMO_TODAY, reden: 'volgens_plan' });
    const ingetrokken = a.ok('gezin.dossier', { gezinId }).actieplannen[0]!.toewijzingen[1]!;
    expect(ingetrokken).toMatchObject({ status: 'ingetrokken', totaalCents: 0 });
    expect(ingetrokken.evaluaties).toEqual([]);

    const doel = a.ok('gezin.dossier', { gezinId }).actieplannen[0]!.doelen[0]!;
    expect(
      a.fails('gezin.afsluiten', {
        gezinId,
        datum: DEMO_TODAY,
        doelen: [],
        oordeelGezin: 'Goed',
        oordeelCijfer: 8,
      }).field,
    ).toBe('doelen');
    a.ok('gezin.afsluiten', {
      gezinId,
      datum: DEMO_TODAY,
      doelen: [{ id: doel.id, resultaat: 'behaald' }],
      oordeelGezin: 'We kunnen weer verder.',
      oordeelCijfer: 8,
    });
    const closed = a.ok('gezin.dossier', { gezinId });
    expect(closed.gezin).toMatchObject({ status: 'afgesloten', oordeelCijfer: 8 });
    expect(closed.actieplannen[0]).toMatchObject({
      status: 'afgerond',
      doelen: [{ resultaat: 'behaald' }],
    });
    expect(closed.tijdlijn.map((e) => e.soort)).toEqual(
      expect.arrayContaining([
        'aanmelding',
        'actieplan',
        'zorgprofiel',
        'toewijzing',
        'start',
        'evaluatie',
        'einde',
        'afsluiting',
      ]),
    );
    expect(a.fails('actieplan.opslaan', { id: apId, problemen: 'nieuw' }).code).toBe('conflict');
  });

  it('lets beschikkingsvrij help follow the lighter path without zorgprofiel or vier ogen', () => {
    const apId = readyActieplan(newFamily('Familie Licht'));
    const keuze = a.ok('aanbieders.voorProfiel', { actieplanId: apId });
    expect(keuze.every((k) => k.producten.every((p) => p.beschikkingsvrij))).toBe(true);
    const aanbieder = keuze.find((k) => !k.clientenstop && !k.plafondBereikt)!;
    const product = aanbieder.producten[0]!;
    const made = a.ok('toewijzing.aanmaken', {
      toewijzing: {
        actieplanId: apId,
        aanbiederId: aanbieder.id,
        productId: product.id,
        volume: 1,
        startdatum: DEMO_TODAY,
        einddatum: addMonths(DEMO_TODAY, 4),
      },
    });
    expect(made.status).toBe('toegewezen');
  });
});
