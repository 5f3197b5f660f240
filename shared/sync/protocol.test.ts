import { describe, expect, it } from 'vitest';
import { leesPullAntwoord } from './protocol';

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
    ])
      expect(leesPullAntwoord(fout)).toBeNull();
  });
});
