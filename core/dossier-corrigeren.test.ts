/**
 * A dossier that can be corrected (issue 25, defects 3 and 8): members edited and removed with a
 * reason (timeline and access log), no birth date ahead of today, a visit note's history, the
 * family's facts, goal scores per evaluation, an early evaluation beside the planned one, none
 * before care started, and closing with the last scores.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../shared/dates';
import { clientFor } from '../test/helpers/core-client';
import { DEMO_TODAY, demoStore } from '../test/helpers/demo-store';
import { createCore } from './core';

const { store, data } = demoStore();
const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
afterAll(() => core.close());

const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
const pro = data.professionals.find((p) => p.teamId === team.id && p.rol === 'jeugdprofessional')!;
const coach = data.professionals.find((p) => p.teamId === team.id && p.rol === 'teamcoach')!;
const a = clientFor(core, store, pro.id!);

function gezin(naam: string) {
  return a.ok('gezin.aanmaken', {
    naam,
    adres: 'Voorstraat 12',
    postcode: '3311 AB',
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
const dossier = (gezinId: string) => a.ok('gezin.dossier', { gezinId });
const lid = (gezinId: string, voornaam: string) =>
  dossier(gezinId).leden.find((l) => l.voornaam === voornaam)!;

/** A family whose youth has an action plan with two goals and started help. */
function gezinMetHulp(naam: string, start = addDays(DEMO_TODAY, -30), eind = addMonths(start, 12)) {
  const gezinId = gezin(naam);
  const apId = a.ok('actieplan.aanmaken', {
    gezinId,
    jeugdigeId: lid(gezinId, 'Sem').id,
    hulpvraag: 'Sem gaat niet meer naar school.',
    verwijzer: 'jeugdteam',
  }).id;
  a.ok('actieplan.opslaan', {
    id: apId,
    eigenKracht: 'Moeder brengt Sem.',
    netwerk: 'Oma helpt.',
    voorliggend: 'Schoolmaatschappelijk werk bekeken.',
  });
  a.ok('actieplan.triage', { id: apId, uitkomst: 'laten_doen' });
  for (const omschrijving of ['Sem gaat weer naar school', 'Minder ruzie thuis'])
    a.ok('doel.opslaan', {
      actieplanId: apId,
      omschrijving,
      meetbaar: 'Vier dagen per week',
      uiterlijk: addMonths(DEMO_TODAY, 6),
    });
  a.ok('zorgprofiel.vaststellen', {
    actieplanId: apId,
    categorie: 'intensief',
    probleemgebieden: ['gedrag'],
  });
  const aanbieder = a
    .ok('aanbieders.voorProfiel', { actieplanId: apId })
    .find((k) => !k.clientenstop && !k.plafondBereikt && k.producten.length > 0)!;
  const { id } = a.ok('toewijzing.aanmaken', {
    toewijzing: {
      actieplanId: apId,
      aanbiederId: aanbieder.id,
      productId: aanbieder.producten[0]!.id,
      volume: 2,
      startdatum: start,
      einddatum: eind,
    },
  });
  return { gezinId, apId, toewijzingId: id };
}
const toewijzing = (gezinId: string) => dossier(gezinId).actieplannen[0]!.toewijzingen[0]!;

describe('family members', () => {
  it('refuses a birth date in the future, on adding, editing and registering', () => {
    const gezinId = gezin('Familie Toekomst');
    const morgen = addDays(DEMO_TODAY, 1);
    const nieuw = { gezinId, rol: 'jeugdige', voornaam: 'Noor', achternaam: 'V' } as const;
    expect(a.fails('gezinslid.opslaan', { ...nieuw, geboortedatum: morgen })).toMatchObject({
      code: 'ongeldige-invoer',
      field: 'geboortedatum',
      message: 'De geboortedatum ligt in de toekomst.',
    });
    const sem = lid(gezinId, 'Sem');
    expect(
      a.fails('gezinslid.opslaan', {
        ...nieuw,
        id: sem.id,
        voornaam: 'Sem',
        achternaam: 'Verbeek',
        geboortedatum: '2031-02-01',
        reden: 'Typfout',
      }).field,
    ).toBe('geboortedatum');
    expect(
      a.fails('gezin.aanmaken', {
        naam: 'Familie Later',
        adres: 'A 1',
        postcode: '3311 AB',
        woonplaats: 'Dordrecht',
        leden: [{ rol: 'jeugdige', voornaam: 'A', achternaam: 'B', geboortedatum: morgen }],
      }).message,
    ).toBe('De geboortedatum ligt in de toekomst.');
    // Born today is fine.
    a.ok('gezinslid.opslaan', { ...nieuw, geboortedatum: DEMO_TODAY });
    expect(lid(gezinId, 'Noor').leeftijd).toBe(0);
  });

  it('corrects a member with a reason on the timeline and in the access log', () => {
    const gezinId = gezin('Familie Correctie');
    const sem = lid(gezinId, 'Sem');
    const correctie = {
      gezinId,
      id: sem.id,
      rol: 'jeugdige',
      voornaam: 'Sem',
      achternaam: 'Verbeek',
      geboortedatum: '2012-05-10',
    } as const;
    expect(a.fails('gezinslid.opslaan', correctie).field).toBe('reden');
    a.ok('gezinslid.opslaan', { ...correctie, reden: 'Geboortejaar verkeerd overgenomen' });
    const na = dossier(gezinId);
    expect(na.leden.find((l) => l.id === sem.id)!.geboortedatum).toBe('2012-05-10');
    expect(na.tijdlijn[0]).toMatchObject({
      soort: 'correctie',
      tekst: expect.stringMatching(
        /Gezinslid Sem Verbeek gecorrigeerd: geboortedatum 10-05-2011 → 10-05-2012 door .*Reden: Geboortejaar verkeerd overgenomen/,
      ),
    });
    // Saved without a BSN typed, the one on file stays (the screen shows it masked only).
    a.ok('gezinslid.opslaan', correctie);
    expect(lid(gezinId, 'Sem').bsnGemaskeerd).toBe('******333');
    // Contact facts are filled in without a reason.
    a.ok('gezinslid.opslaan', {
      ...correctie,
      id: lid(gezinId, 'Petra').id,
      rol: 'ouder',
      voornaam: 'Petra',
      geboortedatum: '1985-04-02',
      telefoon: '06-12345678',
      email: 'petra@voorbeeld.nl',
      gezag: true,
    });
    expect(lid(gezinId, 'Petra')).toMatchObject({
      telefoon: '06-12345678',
      email: 'petra@voorbeeld.nl',
      gezag: true,
    });
    expect(
      a.fails('gezinslid.opslaan', { ...correctie, telefoon: '12345', email: 'petra@' }).field,
    ).toMatch(/telefoon|email/);

    const log = clientFor(core, store, coach.id!).ok('toegangslog.lijst', { gezinId });
    expect(log.regels).toContainEqual(
      expect.objectContaining({
        actie: 'wijzigen',
        onderdeel: 'gezinslid.opslaan',
        reden: 'Geboortejaar verkeerd overgenomen',
      }),
    );
  });

  it('removes a member with a reason, but not a youth with an action plan', () => {
    const { gezinId } = gezinMetHulp('Familie Weg');
    a.ok('gezinslid.opslaan', {
      gezinId,
      rol: 'jeugdige',
      voornaam: 'Dubbel',
      achternaam: 'Verbeek',
      geboortedatum: '2015-01-01',
    });
    const dubbel = lid(gezinId, 'Dubbel');
    expect(a.fails('gezinslid.verwijderen', { id: dubbel.id, reden: '' }).field).toBe('reden');
    expect(
      a.fails('gezinslid.verwijderen', { id: lid(gezinId, 'Sem').id, reden: 'Fout' }).message,
    ).toMatch(/Sem heeft een actieplan/);
    a.ok('gezinslid.verwijderen', { id: dubbel.id, reden: 'Per ongeluk twee keer ingevoerd' });
    const na = dossier(gezinId);
    expect(na.leden.map((l) => l.voornaam)).not.toContain('Dubbel');
    expect(na.tijdlijn[0]!.tekst).toMatch(
      /Gezinslid Dubbel Verbeek \(jeugdige\) verwijderd .*Reden: Per ongeluk twee keer ingevoerd/,
    );
    const log = clientFor(core, store, coach.id!).ok('toegangslog.lijst', { gezinId });
    expect(log.regels).toContainEqual(
      expect.objectContaining({
        onderdeel: 'gezinslid.verwijderen',
        reden: 'Per ongeluk twee keer ingevoerd',
      }),
    );
  });

  it("keeps the family's facts: huisarts, gezag and interpreter", () => {
    const gezinId = gezin('Familie Feiten');
    expect(
      a.fails('gezin.gegevens', {
        gezinId,
        huisarts: '',
        gezagToelichting: '',
        tolkNodig: true,
        tolkTaal: '',
      }).field,
    ).toBe('tolkTaal');
    a.ok('gezin.gegevens', {
      gezinId,
      huisarts: 'Huisartsenpraktijk Krispijn',
      gezagToelichting: 'Moeder heeft het gezag alleen.',
      tolkNodig: true,
      tolkTaal: 'Turks',
    });
    expect(dossier(gezinId).gezin).toMatchObject({
      huisarts: 'Huisartsenpraktijk Krispijn',
      tolkNodig: true,
      tolkTaal: 'Turks',
    });
  });
});

describe('visit notes', () => {
  it('keeps the earlier wording of a corrected note', () => {
    const gezinId = gezin('Familie Verslag');
    const { id } = a.ok('gesprek.opslaan', {
      gezinId,
      datum: DEMO_TODAY,
      aanwezig: ['Petra Verbeek'],
      verslag: 'Sem was er niet bij.',
      koppelingen: [],
    });
    a.ok('gesprek.opslaan', {
      gezinId,
      id,
      datum: DEMO_TODAY,
      aanwezig: ['Petra Verbeek', 'Sem Verbeek'],
      verslag: 'Sem was er wel bij.',
      koppelingen: [],
      reden: 'Aanwezigheid verkeerd genoteerd',
    });
    const [verslag] = a.ok('gesprek.lijst', { gezinId }).verslagen;
    expect(verslag).toMatchObject({
      verslag: 'Sem was er wel bij.',
      versies: [{ verslag: 'Sem was er niet bij.', aanwezig: ['Petra Verbeek'] }],
    });
    expect(dossier(gezinId).tijdlijn[0]!.tekst).toMatch(/Gespreksverslag van .* gecorrigeerd/);
  });
});

describe('evaluations and goal progress', () => {
  it('refuses an evaluation before care has started', () => {
    const { gezinId, toewijzingId } = gezinMetHulp('Familie Nog Niet', DEMO_TODAY);
    const evaluatie = toewijzing(gezinId).evaluaties[0]!;
    expect(
      a.fails('evaluatie.vastleggen', {
        id: evaluatie.id,
        uitgevoerdOp: DEMO_TODAY,
        uitkomst: 'voortzetten',
        toelichting: 'Gaat goed',
      }),
    ).toMatchObject({ code: 'conflict', message: expect.stringMatching(/nog niet gestart/) });
    a.ok('toewijzing.startVastleggen', { id: toewijzingId, datum: DEMO_TODAY });
    expect(
      a.fails('evaluatie.vastleggen', {
        id: evaluatie.id,
        uitgevoerdOp: addDays(DEMO_TODAY, -1),
        uitkomst: 'voortzetten',
        toelichting: 'Gaat goed',
      }).field,
    ).toBe('uitgevoerdOp');
  });

  it('keeps the planned moment after an early evaluation, and shows scores per goal', () => {
    // Ten weeks of help from a month ago: evaluated halfway, in five days.
    const start = addDays(DEMO_TODAY, -30);
    const { gezinId, toewijzingId } = gezinMetHulp('Familie Vroeg', start, addDays(DEMO_TODAY, 40));
    a.ok('toewijzing.startVastleggen', { id: toewijzingId, datum: start });
    const gepland = toewijzing(gezinId).evaluaties.map((e) => e.geplandOp);
    expect(gepland[0]).toBe(addDays(DEMO_TODAY, 5));
    const [school, ruzie] = dossier(gezinId).actieplannen[0]!.doelen;
    a.ok('evaluatie.vastleggen', {
      id: toewijzing(gezinId).evaluaties[0]!.id,
      uitgevoerdOp: addDays(DEMO_TODAY, -20),
      uitkomst: 'voortzetten',
      toelichting: 'Eerste gesprek met de aanbieder.',
      cijferGezin: 6,
      doelScores: [
        { doelId: school!.id, score: 2, toelichting: 'Twee dagen per week' },
        { doelId: ruzie!.id, score: 3 },
      ],
    });
    let tw = toewijzing(gezinId);
    expect(tw.evaluaties.filter((e) => !e.extra).map((e) => e.geplandOp)).toEqual(gepland);
    expect(tw.evaluaties.find((e) => !e.extra)!.stand).not.toBe('uitgevoerd');
    expect(tw.evaluaties.find((e) => e.extra)).toMatchObject({
      uitgevoerdOp: addDays(DEMO_TODAY, -20),
      cijferGezin: 6,
    });
    // A goal of another plan cannot be scored here.
    const ander = gezinMetHulp('Familie Ander');
    const anderDoel = dossier(ander.gezinId).actieplannen[0]!.doelen[0]!;
    expect(
      a.fails('evaluatie.vastleggen', {
        id: tw.evaluaties.find((e) => !e.extra)!.id,
        uitgevoerdOp: DEMO_TODAY,
        uitkomst: 'voortzetten',
        toelichting: 'x',
        doelScores: [{ doelId: anderDoel.id, score: 4 }],
      }).field,
    ).toBe('doelScores');
    a.ok('evaluatie.vastleggen', {
      id: tw.evaluaties.find((e) => !e.extra)!.id,
      uitgevoerdOp: DEMO_TODAY,
      uitkomst: 'voortzetten',
      toelichting: 'Sem gaat weer vaker.',
      doelScores: [{ doelId: school!.id, score: 5, toelichting: 'Elke dag' }],
    });
    tw = toewijzing(gezinId);
    expect(tw.evaluaties.filter((e) => e.stand === 'uitgevoerd')).toHaveLength(2);
    const doelen = dossier(gezinId).actieplannen[0]!.doelen;
    expect(doelen[0]!.voortgang.map((v) => [v.datum, v.score])).toEqual([
      [addDays(DEMO_TODAY, -20), 2],
      [DEMO_TODAY, 5],
    ]);
    expect(doelen[1]!.voortgang.map((v) => v.score)).toEqual([3]);

    // Closing takes each goal's last score as its result unless stated otherwise.
    a.ok('toewijzing.stoppen', { id: toewijzingId, datum: DEMO_TODAY, reden: 'volgens_plan' });
    a.ok('gezin.afsluiten', {
      gezinId,
      datum: DEMO_TODAY,
      doelen: [],
      oordeelGezin: 'Het gaat goed.',
      oordeelCijfer: 8,
    });
    expect(dossier(gezinId).actieplannen[0]!.doelen.map((d) => d.resultaat)).toEqual([
      'behaald',
      'deels',
    ]);
  });
});
