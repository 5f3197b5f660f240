/** The agenda: planned visits and the dates the plans hold. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { DEMO_TODAY } from '../../test/helpers/demo-store';

import { dossierOmgeving } from '../../test/helpers/dossier-omgeving';

const { a, b, nieuwGezin } = dossierOmgeving();

describe('the agenda', () => {
  const gezinId = nieuwGezin('Familie Jansen');

  it('shows planned visits and the dates the plans hold, for the professionals who work with the family', () => {
    const op = `${addDays(DEMO_TODAY, 2)}T14:30`;
    expect(
      a.fails('bezoek.plannen', {
        gezinId,
        soort: 'huisbezoek',
        op: '2026-11-25T25:00',
        duurMinuten: 60,
        onderwerp: '',
      }).field,
    ).toBe('op');
    expect(
      b.fails('bezoek.plannen', {
        gezinId,
        soort: 'huisbezoek',
        op,
        duurMinuten: 60,
        onderwerp: '',
      }).code,
    ).toBe('geen-toegang');
    const id = a.ok('bezoek.plannen', {
      gezinId,
      soort: 'huisbezoek',
      op,
      duurMinuten: 90,
      onderwerp: 'Plan doorlopen',
    }).id;
    a.ok('afspraak.opslaan', {
      gezinId,
      wat: 'Aanmelden bij sportclub',
      wie: 'Anouk',
      uiterlijk: addDays(DEMO_TODAY, 3),
    });

    const week = { van: DEMO_TODAY, tot: addDays(DEMO_TODAY, 6) };
    const items = a.ok('agenda.lijst', week).items;
    expect(items).toContainEqual(
      expect.objectContaining({
        id,
        soort: 'bezoek',
        datum: addDays(DEMO_TODAY, 2),
        tijd: '14:30',
        duurMinuten: 90,
        titel: 'Huisbezoek: Plan doorlopen',
        gezinNaam: 'Familie Jansen',
      }),
    );
    expect(items.some((i) => i.soort === 'afspraak' && i.titel.includes('sportclub'))).toBe(true);
    expect(items.map((i) => i.datum)).toEqual([...items.map((i) => i.datum)].sort());
    // The regisseur's existing caseload brings evaluations and end dates within a month.
    const maand = a.ok('agenda.lijst', { van: DEMO_TODAY, tot: addDays(DEMO_TODAY, 41) }).items;
    expect(new Set(maand.map((i) => i.soort))).toEqual(
      new Set(['bezoek', 'afspraak', 'evaluatie', 'einde_toewijzing']),
    );
    expect(b.ok('agenda.lijst', week).items.some((i) => i.id === id)).toBe(false);
    expect(a.fails('agenda.lijst', { van: DEMO_TODAY, tot: addDays(DEMO_TODAY, 42) }).field).toBe(
      'tot',
    );
    expect(a.fails('agenda.lijst', { van: DEMO_TODAY, tot: addDays(DEMO_TODAY, -1) }).field).toBe(
      'tot',
    );

    a.ok('bezoek.verwijderen', { id });
    expect(a.ok('agenda.lijst', week).items.some((i) => i.id === id)).toBe(false);
  });
});
