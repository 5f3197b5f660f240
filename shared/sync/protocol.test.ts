import { describe, expect, it } from 'vitest';
import { leesPullAntwoord } from './protocol';
import { uitEersteVersie } from './rij';

const pagina = {
  scope: 'referentie',
  tot: 2,
  meer: false,
  checksum: { hash: '00000000000000ab', aantal: 1 },
  regels: [
    {
      seq: 1,
      tabel: 'teams',
      rijId: 't1',
      soort: 'velden',
      velden: {
        naam: { koppen: [{ hlc: 'h', basis: [], waarde: 'Team', auteur: 'a' }], vervangen: [] },
      },
    },
    { seq: 2, tabel: 'teams', rijId: 't0', soort: 'weg' },
  ],
};

describe('a pull page from the central service', () => {
  it('is accepted when well-formed', () => {
    expect(leesPullAntwoord(pagina)).toEqual(pagina);
  });

  it('gives a row sent in the short form as that one write, standing for the same registers', () => {
    const kort = {
      ...pagina,
      regels: [
        {
          seq: 1,
          tabel: 'teams',
          rijId: 't1',
          soort: 'velden',
          velden: { $: ['h', 'a', { naam: 'Team' }] },
        },
      ],
    };
    const regel = leesPullAntwoord(kort)?.regels[0];
    expect(regel?.eerste).toEqual(['h', 'a', { naam: 'Team' }]);
    expect(regel?.velden).toBeUndefined();
    expect(uitEersteVersie(regel!.eerste!)).toEqual(pagina.regels[0]!.velden);
  });

  it('is refused, not half-applied, when any part is malformed', () => {
    const kapot = (regel: object) => ({ ...pagina, regels: [pagina.regels[0], regel] });
    for (const fout of [
      null,
      { ...pagina, regels: 'x' },
      { ...pagina, tot: 'twee' },
      kapot({ seq: 2, tabel: 'teams', rijId: 't0', soort: 'wis' }),
      kapot({ seq: 2, tabel: 'teams', rijId: 't0', soort: 'velden' }),
      kapot({ seq: 2.5, tabel: 'teams', rijId: 't0', soort: 'weg' }),
      kapot({
        seq: 2,
        tabel: 'teams',
        rijId: 't0',
        soort: 'velden',
        velden: { naam: { koppen: [{ hlc: 1 }], vervangen: [] } },
      }),
      kapot({
        seq: 2,
        tabel: 'teams',
        rijId: 't0',
        soort: 'velden',
        velden: { naam: { koppen: [] } },
      }),
      kapot({ seq: 2, tabel: 'teams', rijId: 't0', soort: 'velden', velden: { $: ['h', 'a'] } }),
      kapot({ seq: 2, tabel: 'teams', rijId: 't0', soort: 'velden', velden: { $: [1, 'a', {}] } }),
    ])
      expect(leesPullAntwoord(fout)).toBeNull();
  });
});
