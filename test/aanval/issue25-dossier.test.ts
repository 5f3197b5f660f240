/**
 * Aanval (issue 25 items 1 and 2), through the core as a jeugdprofessional:
 * - the timeline is newest first, but two corrections of one day read oldest first: a role
 *   corrected and corrected back reads as if the wrong role were the last word;
 * - a youth with an action plan cannot be removed ("that plan and its help rest on the
 *   member"), yet its role can be corrected to ouder/verzorger, leaving an action plan, a
 *   toewijzing and an iJw message for a "youth" who is now a parent;
 * - the keuzehulp's comparison is "a printable one-page comparison", yet for a Perspectief plan
 *   in the demo region, as the family gets it with no search, it runs onto a second page.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../shared/dates';
import { clientFor } from '../helpers/core-client';
import { DEMO_TODAY, demoStore } from '../helpers/demo-store';
import { execFileSync } from 'node:child_process';
import { createCore } from '../../core/core';

const { store, data } = demoStore();
const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`), log: () => {} });
afterAll(() => core.close());
const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
const pro = data.professionals.find((p) => p.teamId === team.id && p.rol === 'jeugdprofessional')!;
const a = clientFor(core, store, pro.id!);

function gezinMetPlan(naam: string) {
  const gezinId = a.ok('gezin.aanmaken', {
    naam,
    adres: 'Voorstraat 12',
    postcode: '3311 AB',
    woonplaats: 'Dordrecht',
    leden: [
      { rol: 'ouder', voornaam: 'Petra', achternaam: 'Verbeek', geboortedatum: '1985-04-02' },
      { rol: 'jeugdige', voornaam: 'Sem', achternaam: 'Verbeek', geboortedatum: '2013-05-10' },
    ],
  }).id;
  const sem = a.ok('gezin.dossier', { gezinId }).leden.find((l) => l.voornaam === 'Sem')!;
  const apId = a.ok('actieplan.aanmaken', {
    gezinId,
    jeugdigeId: sem.id,
    hulpvraag: 'Sem gaat niet naar school.',
    verwijzer: 'jeugdteam',
  }).id;
  return { gezinId, sem, apId };
}
const semAls = (gezinId: string, id: string, rol: 'ouder' | 'jeugdige', reden: string) => ({
  gezinId,
  id,
  rol,
  voornaam: 'Sem',
  achternaam: 'Verbeek',
  geboortedatum: '2013-05-10',
  reden,
});

describe('corrections on the timeline', () => {
  it('shows the later of two corrections of one day first, as the rest of the timeline', () => {
    const { gezinId, sem } = gezinMetPlan('Familie Volgorde');
    a.ok('gezinslid.opslaan', {
      gezinId,
      id: sem.id,
      rol: 'jeugdige',
      voornaam: 'Semm',
      achternaam: 'Verbeek',
      geboortedatum: '2013-05-10',
      reden: 'Eerste correctie',
    });
    a.ok('gezinslid.opslaan', {
      gezinId,
      id: sem.id,
      rol: 'jeugdige',
      voornaam: 'Sem',
      achternaam: 'Verbeek',
      geboortedatum: '2013-05-10',
      reden: 'Tweede correctie',
    });
    const correcties = a
      .ok('gezin.dossier', { gezinId })
      .tijdlijn.filter((e) => e.soort === 'correctie')
      .map((e) => /Reden: (.*)$/.exec(e.tekst)![1]);
    expect(correcties).toEqual(['Tweede correctie', 'Eerste correctie']);
  });
});

describe('a youth with an action plan', () => {
  it('is not made a parent by a correction, as it cannot be removed', () => {
    const { gezinId, sem } = gezinMetPlan('Familie Rol');
    expect(a.fails('gezinslid.verwijderen', { id: sem.id, reden: 'Dubbel' }).code).toBe('conflict');
    const r = core.call('gezinslid.opslaan', semAls(gezinId, sem.id, 'ouder', 'Typfout'));
    expect(r.ok).toBe(false);
  });
});

describe('the keuzehulp comparison the family takes home', () => {
  it('is one page for a Perspectief plan, as the family gets it', async () => {
    const { apId } = gezinMetPlan('Familie Vergelijken');
    a.ok('actieplan.opslaan', {
      id: apId,
      eigenKracht: 'Moeder brengt Sem.',
      netwerk: 'Oma helpt.',
      voorliggend: 'Bekeken.',
    });
    a.ok('actieplan.triage', { id: apId, uitkomst: 'laten_doen' });
    a.ok('doel.opslaan', {
      actieplanId: apId,
      omschrijving: 'Naar school',
      meetbaar: '4 dagen',
      uiterlijk: addMonths(DEMO_TODAY, 6),
    });
    a.ok('zorgprofiel.vaststellen', {
      actieplanId: apId,
      categorie: 'perspectief',
      probleemgebieden: ['gedrag'],
    });
    const r = await core.callAsync('bestand.exporteren', { soort: 'keuzehulp', actieplanId: apId });
    if (!r.ok) expect.fail(r.error.message);
    const pdf = Buffer.from((r.data as { inhoud: string }).inhoud, 'base64');
    const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(1);
  });
});
