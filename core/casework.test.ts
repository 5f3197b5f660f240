import { afterAll, describe, expect, it } from 'vitest';
import { totalCents } from '../shared/cost';
import { addDays, addMonths } from '../shared/dates';
import { alsPersoon, clientFor } from '../test/helpers/core-client';
import { DEMO_TODAY, demoStore } from '../test/helpers/demo-store';
import { createCore } from './core';

const { store, data } = demoStore();
const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
afterAll(() => core.close());

const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
const [proA, proB] = data.professionals.filter(
  (p) => p.teamId === team.id && p.rol === 'jeugdprofessional',
);
const coach = data.professionals.find((p) => p.teamId === team.id && p.rol === 'teamcoach')!;
const outsider = data.professionals.find(
  (p) => p.teamId !== team.id && p.rol === 'jeugdprofessional',
)!;
const a = clientFor(core, store, proA!.id!);
const b = clientFor(core, store, proB!.id!);
const count = (table: string) =>
  (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function newFamily(naam: string) {
  return a.ok('gezin.aanmaken', {
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
        bsn: '111222333',
      },
    ],
  }).id;
}

function readyActieplan(gezinId: string) {
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
  return id;
}

describe('the casework chain in the core', () => {
  it('registers a family with members and its one plan, and refuses bad input without writing', () => {
    const before = { gezinnen: count('gezinnen'), outbox: count('outbox') };
    const fout = a.fails('gezin.aanmaken', {
      naam: 'Familie X',
      adres: 'A 1',
      postcode: '33',
      woonplaats: 'Dordrecht',
      leden: [{ rol: 'jeugdige', voornaam: 'A', achternaam: 'B', geboortedatum: '2012-01-01' }],
    });
    expect(fout).toMatchObject({ code: 'ongeldige-invoer', field: 'postcode' });
    expect(
      a.fails('gezin.aanmaken', {
        naam: 'Familie X',
        adres: 'A 1',
        postcode: '3311 AB',
        woonplaats: 'D',
        leden: [
          {
            rol: 'jeugdige',
            voornaam: 'A',
            achternaam: 'B',
            geboortedatum: '2012-01-01',
            bsn: '123456789',
          },
        ],
      }).field,
    ).toBe('leden.0.bsn');
    expect({ gezinnen: count('gezinnen'), outbox: count('outbox') }).toEqual(before);

    const gezinId = newFamily('Familie Verbeek');
    const dossier = a.ok('gezin.dossier', { gezinId });
    expect(dossier.gezin).toMatchObject({
      status: 'aangemeld',
      postcode: '3311 AB',
      regisseurId: proA!.id,
    });
    expect(dossier.leden.map((l) => l.bsnGemaskeerd)).toEqual([null, '******333']);
    // Every change is in the outbox, written in the same transaction.
    expect(count('outbox')).toBe(before.outbox + 4);
  });

  it('keeps plan versions, and consent only for an unchanged fixed version', () => {
    const gezinId = newFamily('Familie Plan');
    expect(a.fails('gezinsplan.toestemming', { gezinId, door: 'Moeder' }).code).toBe('conflict');
    expect(a.fails('gezinsplan.vastleggen', { gezinId }).field).toBe('eigenWoorden');
    a.ok('gezinsplan.opslaan', {
      gezinId,
      eigenWoorden: 'Wij willen rust in huis.',
      domeinen: [{ domein: 'onderwijs', situatie: 'Verzuim', doel: 'Elke dag naar school' }],
    });
    a.ok('afspraak.opslaan', {
      gezinId,
      wat: 'Gesprek met mentor',
      wie: 'Moeder',
      uiterlijk: '2026-12-15',
    });
    expect(a.ok('gezinsplan.vastleggen', { gezinId }).versie).toBe(1);
    expect(a.fails('gezinsplan.vastleggen', { gezinId }).code).toBe('conflict');
    expect(a.ok('gezinsplan.toestemming', { gezinId, door: 'Petra Verbeek' }).versie).toBe(1);

    a.ok('gezinsplan.opslaan', {
      gezinId,
      eigenWoorden: 'Wij willen rust in huis en weer samen eten.',
    });
    let plan = a.ok('gezinsplan.ophalen', { gezinId });
    expect(plan.gewijzigdSindsVersie).toBe(true);
    expect(plan.toestemming?.versie).toBe(1);
    expect(a.fails('gezinsplan.toestemming', { gezinId, door: 'Petra' }).code).toBe('conflict');
    a.ok('gezinsplan.vastleggen', { gezinId });
    expect(a.ok('gezin.dossier', { gezinId }).signalen.map((s) => s.soort)).toContain(
      'geen_toestemming',
    );
    plan = a.ok('gezinsplan.ophalen', { gezinId });
    expect(plan.versies.map((v) => v.inhoud.eigenWoorden)).toEqual([
      'Wij willen rust in huis.',
      'Wij willen rust in huis en weer samen eten.',
    ]);
    expect(plan.versies[1]!.inhoud.afspraken).toEqual([
      { wat: 'Gesprek met mentor', wie: 'Moeder', uiterlijk: '2026-12-15', status: 'open' },
    ]);
    // Sem is 15: no toekomstplan yet; a sister of 16 brings the section into the plan.
    expect(plan.toekomstplanNodig).toBe(false);
    a.ok('gezinslid.opslaan', {
      gezinId,
      rol: 'jeugdige',
      voornaam: 'Lotte',
      achternaam: 'Verbeek',
      geboortedatum: '2010-03-01',
    });
    expect(a.ok('gezinsplan.ophalen', { gezinId }).toekomstplanNodig).toBe(true);
  });

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

  it('asks a colleague for vier ogen on out-of-home care; the requester cannot approve', () => {
    const gezinId = newFamily('Familie Vierogen');
    const apId = readyActieplan(gezinId);
    a.ok('zorgprofiel.vaststellen', {
      actieplanId: apId,
      categorie: 'intensief',
      probleemgebieden: ['huiselijk_geweld'],
    });
    const aanbieder = a
      .ok('aanbieders.voorProfiel', { actieplanId: apId })
      .find(
        (k) =>
          !k.clientenstop &&
          !k.plafondBereikt &&
          k.producten.some((p) => p.productcode === '41A01'),
      )!;
    const product = aanbieder.producten.find((p) => p.productcode === '41A01')!;
    const toewijzing = {
      actieplanId: apId,
      aanbiederId: aanbieder.id,
      productId: product.id,
      volume: 1,
      startdatum: DEMO_TODAY,
      einddatum: addMonths(DEMO_TODAY, 9),
    };
    expect(a.ok('toewijzing.voorstel', toewijzing).vierOgen.redenen).toEqual(
      expect.arrayContaining(['hulp met verblijf buiten huis']),
    );
    expect(a.fails('toewijzing.aanmaken', { toewijzing }).field).toBe('vierOgenReden');
    const made = a.ok('toewijzing.aanmaken', {
      toewijzing,
      vierOgenReden: 'Thuis is het niet veilig.',
    });
    expect(made.status).toBe('ter_accordering');
    expect(a.fails('toewijzing.startVastleggen', { id: made.id, datum: DEMO_TODAY }).code).toBe(
      'conflict',
    );

    expect(a.ok('akkoorden.wachtrij', {}).some((v) => v.toewijzingId === made.id)).toBe(false);
    const verzoek = b.ok('akkoorden.wachtrij', {}).find((v) => v.toewijzingId === made.id)!;
    expect(verzoek.reden).toMatch(/Thuis is het niet veilig/);
    expect(
      b
        .ok('taken.lijst', {})
        .signalen.some((s) => s.soort === 'akkoord_gevraagd' && s.gezinId === gezinId),
    ).toBe(true);
    expect(
      a.fails('akkoord.besluiten', { id: verzoek.id, besluit: 'akkoord', toelichting: 'ok' }).code,
    ).toBe('geen-toegang');
    clientFor(core, store, coach.id!).ok('akkoord.besluiten', {
      id: verzoek.id,
      besluit: 'akkoord',
      toelichting: 'Eens, veiligheid gaat voor.',
    });
    const tw = a.ok('gezin.dossier', { gezinId }).actieplannen[0]!.toewijzingen[0]!;
    expect(tw).toMatchObject({
      status: 'toegewezen',
      akkoord: { besluit: 'akkoord', beoordeeldDoorNaam: coach.naam },
    });
    expect(
      b.fails('akkoord.besluiten', {
        id: verzoek.id,
        besluit: 'afgewezen',
        toelichting: 'toch niet',
      }).code,
    ).toBe('conflict');
  });

  /** Issue 24: a toewijzing taking the team to 256% of its budget went through unasked. */
  it('asks the teamcoach, not a colleague, when the forecast would go over the budget', () => {
    const gezinId = newFamily('Familie Overbudget');
    const apId = readyActieplan(gezinId);
    a.ok('zorgprofiel.vaststellen', {
      actieplanId: apId,
      categorie: 'intensief',
      probleemgebieden: ['gedrag'],
    });
    const aanbieder = a
      .ok('aanbieders.voorProfiel', { actieplanId: apId })
      .find(
        (k) =>
          !k.clientenstop &&
          !k.plafondBereikt &&
          k.producten.some((p) => p.productcode === '45A02'),
      )!;
    const product = aanbieder.producten.find((p) => p.productcode === '45A02')!;
    const toewijzing = {
      actieplanId: apId,
      aanbiederId: aanbieder.id,
      productId: product.id,
      volume: 1,
      startdatum: DEMO_TODAY,
      einddatum: addMonths(DEMO_TODAY, 1),
    };
    const voor = a.ok('toewijzing.voorstel', toewijzing);
    expect(voor.vierOgen.nodig).toBe(false);
    // The coach lowers the budget to just below the forecast with this toewijzing.
    const c = clientFor(core, store, coach.id!);
    c.ok('budget.vaststellen', {
      teamId: team.id!,
      jaar: voor.budget.jaar,
      perceel: null,
      bedragCents: voor.budget.prognoseNaCents - 1,
      toelichting: 'Bezuiniging',
    });
    const voorstel = a.ok('toewijzing.voorstel', toewijzing);
    expect(voorstel.budget.naDezeCents).toBe(-1);
    expect(voorstel.vierOgen).toMatchObject({ nodig: true, alleenTeamcoach: true });
    const made = a.ok('toewijzing.aanmaken', { toewijzing, vierOgenReden: 'Nodig.' });
    expect(made.status).toBe('ter_accordering');
    // A colleague does not see it to decide, and cannot; the teamcoach can.
    expect(b.ok('akkoorden.wachtrij', {}).some((v) => v.toewijzingId === made.id)).toBe(false);
    const verzoek = c.ok('akkoorden.wachtrij', {}).find((v) => v.toewijzingId === made.id)!;
    expect(
      b.fails('akkoord.besluiten', { id: verzoek.id, besluit: 'akkoord', toelichting: 'ok' }).code,
    ).toBe('geen-toegang');
    c.ok('akkoord.besluiten', { id: verzoek.id, besluit: 'akkoord', toelichting: 'Akkoord.' });
    c.ok('budget.vaststellen', {
      teamId: team.id!,
      jaar: voor.budget.jaar,
      perceel: null,
      bedragCents: voor.budget.budgetCents!,
      toelichting: 'Terug',
    });
  });

  it('routes a provider with a cliëntenstop through "nee, tenzij" with a reason', () => {
    const apId = readyActieplan(newFamily('Familie Neetenzij'));
    a.ok('zorgprofiel.vaststellen', {
      actieplanId: apId,
      categorie: 'perspectief',
      probleemgebieden: ['gedrag'],
    });
    const aanbieder = a
      .ok('aanbieders.voorProfiel', { actieplanId: apId })
      .find((k) => k.producten.some((p) => p.productcode === '45A01'))!;
    store.sqlite.prepare('UPDATE aanbieders SET clientenstop = 1 WHERE id = ?').run(aanbieder.id);
    const product = aanbieder.producten.find((p) => p.productcode === '45A01')!;
    const toewijzing = {
      actieplanId: apId,
      aanbiederId: aanbieder.id,
      productId: product.id,
      volume: 2,
      startdatum: DEMO_TODAY,
      einddatum: addMonths(DEMO_TODAY, 3),
    };
    expect(a.ok('toewijzing.voorstel', toewijzing).neeTenzijNodig).toBe(true);
    expect(a.fails('toewijzing.aanmaken', { toewijzing }).field).toBe('neeTenzijReden');
    const made = a.ok('toewijzing.aanmaken', {
      toewijzing,
      neeTenzijReden: 'Alleen deze aanbieder spreekt Tigrinya.',
      vierOgenReden: 'Taal.',
    });
    expect(made.status).toBe('ter_accordering');
  });

  it('closes a family only after the last help has ended', () => {
    const gezinId = newFamily('Familie Nog Even');
    const apId = readyActieplan(gezinId);
    const aanbieder = a
      .ok('aanbieders.voorProfiel', { actieplanId: apId })
      .find((k) => !k.clientenstop && !k.plafondBereikt)!;
    const made = a.ok('toewijzing.aanmaken', {
      toewijzing: {
        actieplanId: apId,
        aanbiederId: aanbieder.id,
        productId: aanbieder.producten[0]!.id,
        volume: 1,
        startdatum: addDays(DEMO_TODAY, -7),
        einddatum: addMonths(DEMO_TODAY, 3),
      },
    });
    a.ok('toewijzing.startVastleggen', { id: made.id, datum: addDays(DEMO_TODAY, -7) });
    a.ok('toewijzing.stoppen', {
      id: made.id,
      datum: addDays(DEMO_TODAY, 10),
      reden: 'volgens_plan',
    });
    const fout = a.fails('gezin.afsluiten', {
      gezinId,
      datum: DEMO_TODAY,
      doelen: [],
      oordeelGezin: 'Prima',
      oordeelCijfer: 7,
    });
    expect(fout).toMatchObject({
      field: 'datum',
      message: expect.stringMatching(/De hulp loopt tot \d{2}-\d{2}-\d{4}/),
    });
  });

  it('hands a family to a colleague of the same team with the reason on the timeline', () => {
    const gezinId = newFamily('Familie Overdracht');
    expect(a.fails('gezin.overdragen', { gezinId, naarId: coach.id, reden: 'Verlof' }).field).toBe(
      'naarId',
    );
    expect(
      a.fails('gezin.overdragen', { gezinId, naarId: outsider.id, reden: 'Verlof' }).field,
    ).toBe('naarId');
    a.ok('gezin.medewerker', { gezinId, professionalId: proB!.id!, actie: 'toevoegen' });
    a.ok('gezin.overdragen', { gezinId, naarId: proB!.id!, reden: 'Zwangerschapsverlof' });
    const dossier = b.ok('gezin.dossier', { gezinId });
    expect(dossier.gezin.regisseurNaam).toBe(proB!.naam);
    expect(dossier.tijdlijn[0]!.tekst).toMatch(/Zwangerschapsverlof/);
    // The new regisseur is no longer a medewerker as well; the old one now only reads.
    expect(dossier.gezin).toMatchObject({ magWijzigen: true, medewerkers: [] });
    expect(a.ok('gezin.dossier', { gezinId }).gezin.magWijzigen).toBe(false);
  });

  it('lets the team read a dossier but only the regisseur and medewerkers change it', () => {
    const gezinId = newFamily('Familie Medewerk');
    const uitgaand = () => count('outbox');
    const wijzig = (professionalId: string, tekst: string) => {
      alsPersoon(store, professionalId);
      return core.call('gezinsplan.opslaan', { gezinId, eigenWoorden: tekst });
    };
    // B reads the dossier, sees it is read-only, and is refused a change: nothing written.
    expect(b.ok('gezin.dossier', { gezinId }).gezin).toMatchObject({
      magWijzigen: false,
      medewerkers: [],
    });
    const voor = uitgaand();
    const geweigerd = b.fails('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Van B' });
    expect(geweigerd).toMatchObject({ code: 'geen-toegang' });
    expect(geweigerd.message).toMatch(/regisseur of medewerker/);
    expect(uitgaand()).toBe(voor);
    // Only the regisseur adds a medewerker; then B may change the plan too.
    expect(
      b.fails('gezin.medewerker', { gezinId, professionalId: proB!.id!, actie: 'toevoegen' }),
    ).toMatchObject({ code: 'geen-toegang' });
    expect(
      a.fails('gezin.medewerker', { gezinId, professionalId: outsider.id!, actie: 'toevoegen' })
        .field,
    ).toBe('professionalId');
    a.ok('gezin.medewerker', { gezinId, professionalId: proB!.id!, actie: 'toevoegen' });
    expect(
      a.fails('gezin.medewerker', { gezinId, professionalId: proB!.id!, actie: 'toevoegen' }).code,
    ).toBe('conflict');
    expect(b.ok('gezin.dossier', { gezinId }).gezin).toMatchObject({
      magWijzigen: true,
      medewerkers: [{ id: proB!.id, naam: proB!.naam }],
    });
    expect(wijzig(proB!.id!, 'Van B, als medewerker').ok).toBe(true);
    // A medewerker does not add others; removed again, B only reads.
    expect(
      b.fails('gezin.medewerker', { gezinId, professionalId: coach.id!, actie: 'toevoegen' }).code,
    ).toBe('geen-toegang');
    a.ok('gezin.medewerker', { gezinId, professionalId: proB!.id!, actie: 'verwijderen' });
    expect(wijzig(proB!.id!, 'Weer van B').ok).toBe(false);
    expect(b.ok('gezin.dossier', { gezinId }).gezin.magWijzigen).toBe(false);
    // The teamcoach reads (with a reason) and never changes a dossier.
    const c = clientFor(core, store, coach.id!);
    c.ok('inzage.reden', { gezinId, reden: 'Casusoverleg over de voortgang' });
    expect(c.ok('gezin.dossier', { gezinId }).gezin.magWijzigen).toBe(false);
  });

  it("never shows another team's family", () => {
    const gezinId = newFamily('Familie Geheim');
    expect(clientFor(core, store, outsider.id!).fails('gezin.dossier', { gezinId }).code).toBe(
      'niet-gevonden',
    );
    expect(
      clientFor(core, store, outsider.id!).fails('netwerklid.opslaan', {
        gezinId,
        naam: 'X',
        relatie: 'Oom',
      }).code,
    ).toBe('niet-gevonden');
  });

  it('lists tasks and signals, and filters the caseload on them', () => {
    const taken = a.ok('taken.lijst', {});
    expect(
      taken.perSoort.evaluatie_te_laat +
        taken.perSoort.toewijzing_eindigt +
        taken.perSoort.geen_toestemming,
    ).toBeGreaterThan(0);
    const due = a.ok('gezinnen.lijst', { evaluatieNodig: true });
    const all = a.ok('gezinnen.lijst', {});
    expect(due.totaal).toBeGreaterThan(0);
    expect(due.totaal).toBeLessThan(all.totaal);
    const intensief = a.ok('gezinnen.lijst', { zorgprofiel: 'intensief' });
    expect(intensief.gezinnen.every((g) => g.zorgprofielen.includes('intensief'))).toBe(true);
    expect(all.perStatus.actief + all.perStatus.afgesloten + all.perStatus.aangemeld).toBe(
      all.totaal,
    );
  });
});

describe('the demo families in the core', () => {
  it('opens every dossier and plan of a team, with fixed versions that match the plan', () => {
    const families = data.gezinnen.filter((g) => g.teamId === team.id);
    let unchanged = 0;
    for (const g of families) {
      expect(a.ok('gezin.dossier', { gezinId: g.id! }).gezin.id).toBe(g.id);
      const plan = a.ok('gezinsplan.ophalen', { gezinId: g.id! });
      expect(plan.versies).toHaveLength(plan.versie);
      if (!plan.gewijzigdSindsVersie) unchanged++;
    }
    expect(unchanged).toBe(
      families.filter((g) => data.gezinsplannen.find((p) => p.gezinId === g.id)!.versie! > 0)
        .length,
    );
  });
});
