/**
 * Issue 25: the keuzehulp in "Hulp inzetten" (only what the zorgprofiel allows, with what was
 * measured of each aanbieder) and the sociale kaart in the triage (fitted to the youth's age;
 * "Inzetten" counts as voorliggende voorzieningen bekeken).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ZorgprofielCategorie } from '../../shared/domain';
import { MIN_GEZINNEN } from '../../shared/keuzehulp';
import { pastBijZorgprofiel } from '../../shared/zorgprofiel-producten';
import { clientFor } from '../../test/helpers/core-client';
import { DEMO_TODAY, demoStore } from '../../test/helpers/demo-store';
import { createCore } from '../core';

const { store, data } = demoStore();
const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
afterAll(() => core.close());

const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
const pro = data.professionals.find((p) => p.teamId === team.id && p.rol === 'jeugdprofessional')!;
const a = clientFor(core, store, pro.id!);

function gezinMet(naam: string, geboortedatum: string) {
  const gezinId = a.ok('gezin.aanmaken', {
    naam,
    adres: 'Voorstraat 12',
    postcode: '3311 AB',
    woonplaats: 'Dordrecht',
    leden: [
      { rol: 'ouder', voornaam: 'Petra', achternaam: 'Verbeek', geboortedatum: '1985-04-02' },
      { rol: 'jeugdige', voornaam: 'Sem', achternaam: 'Verbeek', geboortedatum, bsn: '111222333' },
    ],
  }).id;
  const jeugdige = a.ok('gezin.dossier', { gezinId }).leden.find((l) => l.rol === 'jeugdige')!;
  return a.ok('actieplan.aanmaken', {
    gezinId,
    jeugdigeId: jeugdige.id,
    hulpvraag: 'Sem gaat niet meer naar school.',
    verwijzer: 'jeugdteam',
  }).id;
}

function metProfiel(naam: string, categorie: ZorgprofielCategorie) {
  const id = gezinMet(naam, '2015-05-10');
  a.ok('actieplan.opslaan', {
    id,
    eigenKracht: 'Moeder brengt Sem zelf naar school.',
    netwerk: 'Oma helpt op woensdag.',
    voorliggend: 'Schoolmaatschappelijk werk is bekeken.',
  });
  a.ok('actieplan.triage', { id, uitkomst: 'laten_doen' });
  a.ok('zorgprofiel.vaststellen', { actieplanId: id, categorie, probleemgebieden: ['gedrag'] });
  return id;
}

const contracten = store.sqlite
  .prepare('SELECT aanbieder_id AS a, perceel AS p, zorgprofiel AS z FROM contracten')
  .all() as { a: string; p: string; z: string }[];
const heeftContract = (a: string, p: string, z: string) =>
  contracten.some((c) => c.a === a && c.p === p && c.z === z);

describe('the keuzehulp offers what the zorgprofiel allows', () => {
  const perspectief = a.ok('aanbieders.voorProfiel', {
    actieplanId: metProfiel('Familie Perspectief', 'perspectief'),
  });

  it('offers Perspectief no crisis help, no closed placement, only fitting products', () => {
    const producten = perspectief.flatMap((k) => k.producten);
    expect(producten.length).toBeGreaterThan(0);
    const codes = new Set(producten.map((p) => p.productcode));
    for (const code of ['43A01', '44A01', '44A02', '40A01', '41A01', '45A02'])
      expect(codes).not.toContain(code);
    expect(codes).toContain('45A01');
    const catalogus = new Map(data.producten.map((p) => [p.id, p]));
    for (const p of producten)
      expect(pastBijZorgprofiel(catalogus.get(p.id)!, 'perspectief')).toBe(true);
  });

  it('offers only aanbieders contracted for this zorgprofiel and perceel', () => {
    for (const k of perspectief)
      for (const p of k.producten) expect(heeftContract(k.id, p.perceel, 'perspectief')).toBe(true);
    // The region contracts per zorgprofiel: not every aanbieder for every profile.
    const acuut = a.ok('aanbieders.voorProfiel', {
      actieplanId: metProfiel('Familie Acuut', 'acuut'),
    });
    expect(acuut.length).toBeGreaterThan(0);
    expect(acuut.length).toBeLessThan(data.aanbieders.length / 2);
    const perceelZonderAlleProfielen = new Set(
      data.contracten.map((c) => `${c.aanbiederId}|${c.perceel}`),
    );
    const metMinderProfielen = [...perceelZonderAlleProfielen].filter(
      (k) => contracten.filter((c) => `${c.a}|${c.p}` === k).length < 4,
    );
    expect(metMinderProfielen.length).toBeGreaterThan(perceelZonderAlleProfielen.size / 2);
  });

  it('shows for each aanbieder what was measured, never resting on fewer than five families', () => {
    for (const k of perspectief)
      for (const c of Object.values(k.cijfers)) {
        if (c.waarde === null) expect(c.gezinnen).toBeNull();
        else expect(c.gezinnen).toBeGreaterThanOrEqual(MIN_GEZINNEN);
      }
    // The team's caseload on the laptop holds enough families for the largest aanbieders.
    expect(perspectief.some((k) => k.cijfers.wachttijdDagen.waarde !== null)).toBe(true);
    expect(perspectief.some((k) => k.cijfers.uitval.waarde !== null)).toBe(true);
    expect(perspectief.some((k) => k.cijfers.wachttijdDagen.waarde === null)).toBe(true);
  });

  it('refuses a product outside the zorgprofiel', () => {
    const catalogus = data.producten.find((p) => p.productcode === '43A01')!;
    const k = perspectief[0]!;
    expect(
      a.fails('toewijzing.voorstel', {
        actieplanId: metProfiel('Familie Gesloten', 'perspectief'),
        aanbiederId: k.id,
        productId: catalogus.id,
        volume: 1,
        startdatum: DEMO_TODAY,
        einddatum: '2027-03-01',
      }).field,
    ).toMatch(/aanbiederId|productId/);
  });
});

describe('the sociale kaart in the triage', () => {
  it("offers what fits the youth's age: no peutergroep for an 11-year-old", () => {
    const elf = a.ok('socialeKaart.zoeken', {
      actieplanId: gezinMet('Familie Elf', '2015-06-01'),
      zoek: '',
    });
    expect(elf.leeftijd).toBe(11);
    const namen = elf.voorzieningen.map((v) => v.naam);
    expect(namen.some((n) => n.startsWith('Opvoedpunt'))).toBe(true);
    expect(namen.some((n) => n.startsWith('Peutergroep'))).toBe(false);
    const peuter = a.ok('socialeKaart.zoeken', {
      actieplanId: gezinMet('Familie Peuter', '2023-05-01'),
      zoek: '',
    });
    const peuterNamen = peuter.voorzieningen.map((v) => v.naam);
    expect(peuterNamen.some((n) => n.startsWith('Peutergroep'))).toBe(true);
    expect(peuterNamen.some((n) => n.startsWith('Jongerenwerk'))).toBe(false);
  });

  it('counts a voorziening taken with "Inzetten" as voorliggende voorzieningen bekeken', () => {
    const id = gezinMet('Familie Inzet', '2015-06-01');
    a.ok('actieplan.opslaan', { id, eigenKracht: 'Moeder helpt.', netwerk: 'Oma helpt.' });
    const [opvoedpunt] = a.ok('socialeKaart.zoeken', {
      actieplanId: id,
      zoek: 'opvoedpunt',
    }).voorzieningen;
    a.ok('actieplan.voorzieningInzetten', { actieplanId: id, voorzieningId: opvoedpunt!.id });
    expect(a.ok('actieplan.triage', { id, uitkomst: 'samen' })).toEqual({ id });
  });
});
