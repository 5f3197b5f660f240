/** Gezinsplan versions and consent in the core. */
import { describe, expect, it } from 'vitest';
import { caseworkOmgeving } from '../../test/helpers/casework-omgeving';

const { a, newFamily } = caseworkOmgeving();

describe('the casework chain in the core', () => {
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
});
