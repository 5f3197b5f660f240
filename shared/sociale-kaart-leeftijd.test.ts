import { describe, expect, it } from 'vitest';
import { leeftijdsgrens, pastBijLeeftijd } from './sociale-kaart-leeftijd';

describe('the ages a voorziening on the sociale kaart is for', () => {
  it('reads the catalogue phrase "Leeftijd: …"', () => {
    expect(leeftijdsgrens('VVE. Leeftijd: 2½ tot 4 jaar.')).toEqual({ van: 2.5, tot: 4 });
    expect(leeftijdsgrens('Leeftijd: 12 tot en met 23 jaar.')).toEqual({ van: 12, tot: 24 });
    expect(leeftijdsgrens('Leeftijd: vanaf 16 jaar.')).toEqual({ van: 16, tot: null });
    expect(leeftijdsgrens('Leeftijd: tot 18 jaar.')).toEqual({ van: null, tot: 18 });
    expect(leeftijdsgrens('Voor ouders in scheiding; kindergroep (8-12 jaar).')).toBeNull();
  });

  it('offers a peutergroep from 2½ until the fourth birthday, not to an 11-year-old', () => {
    const peutergroep = 'Leeftijd: 2½ tot 4 jaar.';
    expect(pastBijLeeftijd(peutergroep, '2015-06-01', '2026-11-23')).toBe(false);
    expect(pastBijLeeftijd(peutergroep, '2024-05-23', '2026-11-23')).toBe(true); // 2½ today
    expect(pastBijLeeftijd(peutergroep, '2024-05-24', '2026-11-23')).toBe(false); // a day short
    expect(pastBijLeeftijd(peutergroep, '2022-11-24', '2026-11-23')).toBe(true);
    expect(pastBijLeeftijd(peutergroep, '2022-11-23', '2026-11-23')).toBe(false); // 4 today
    expect(pastBijLeeftijd('Voor iedereen.', '2015-06-01', '2026-11-23')).toBe(true);
  });
});
