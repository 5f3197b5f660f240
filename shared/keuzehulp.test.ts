import { describe, expect, it } from 'vitest';
import {
  aanbiederCijfers,
  cijferTekst,
  zoekAanbieders,
  type KeuzehulpToewijzing,
} from './keuzehulp';
import { pastBijZorgprofiel, zorgprofielenVoorProduct } from './zorgprofiel-producten';

/** A toewijzing of aanbieder `a` for family `g`, started `wacht` days after its start date. */
function tw(
  id: string,
  a: string,
  g: string,
  wacht: number | null,
  einde: Partial<KeuzehulpToewijzing> = {},
): KeuzehulpToewijzing {
  return {
    id,
    aanbiederId: a,
    gezinId: g,
    actieplanId: `plan-${g}`,
    status: 'gestart',
    startdatum: '2026-03-01',
    werkelijkeStart: wacht === null ? null : `2026-03-${String(1 + wacht).padStart(2, '0')}`,
    beeindigdOp: null,
    eindeReden: null,
    redenBeeindiging: null,
    ...einde,
  };
}

const klaar = (reden: Partial<KeuzehulpToewijzing>) => ({
  status: 'beeindigd' as const,
  beeindigdOp: '2026-09-01',
  ...reden,
});

describe('the keuzehulp figures per aanbieder', () => {
  // Aanbieder A: five families. Waiting 0, 10, 20, 4 days and one (g5) not yet started.
  // Ended: g1 volgens plan (JZ588 31), g2 early by the client (32), g3 early without a JW307
  // (own reason voortijdig_aanbieder), g4 moved (own reason: not early). So 2 of 4 ended early.
  // Goals: g1 behaald+behaald, g2 niet_behaald, g3 deels, g4 behaald+open, g5 open:
  // 3 of 5 with a result reached, from families g1-g4 (4 < 5): no figure.
  // Marks: g1 8 and 6, g2 7, g3 9, g4 5, g5 10: mean 45/6 = 7.5 over five families.
  // Aanbieder B: four families only: nothing shown. A withdrawn toewijzing does not count.
  const toewijzingen = [
    tw('t1', 'A', 'g1', 0, klaar({ redenBeeindiging: '31', eindeReden: 'volgens_plan' })),
    tw('t2', 'A', 'g2', 10, klaar({ redenBeeindiging: '32', eindeReden: 'voortijdig_client' })),
    tw('t3', 'A', 'g3', 20, klaar({ eindeReden: 'voortijdig_aanbieder' })),
    tw('t4', 'A', 'g4', 4, klaar({ eindeReden: 'verhuizing' })),
    tw('t5', 'A', 'g5', null, { status: 'toegewezen' }),
    tw('t6', 'A', 'g6', 30, { status: 'ingetrokken' }),
    ...['h1', 'h2', 'h3', 'h4'].map((g, i) => tw(`b${i}`, 'B', g, 3)),
  ];
  const doelen = [
    { actieplanId: 'plan-g1', resultaat: 'behaald' as const },
    { actieplanId: 'plan-g1', resultaat: 'behaald' as const },
    { actieplanId: 'plan-g2', resultaat: 'niet_behaald' as const },
    { actieplanId: 'plan-g3', resultaat: 'deels' as const },
    { actieplanId: 'plan-g4', resultaat: 'behaald' as const },
    { actieplanId: 'plan-g4', resultaat: 'open' as const },
    { actieplanId: 'plan-g5', resultaat: 'open' as const },
  ];
  const cijfers = [
    { toewijzingId: 't1', cijfer: 8 },
    { toewijzingId: 't1', cijfer: 6 },
    { toewijzingId: 't2', cijfer: 7 },
    { toewijzingId: 't3', cijfer: 9 },
    { toewijzingId: 't4', cijfer: 5 },
    { toewijzingId: 't5', cijfer: 10 },
    { toewijzingId: 't6', cijfer: 1 },
  ];
  const uit = aanbiederCijfers({ toewijzingen, doelen, cijfers }, ['A', 'B', 'C']);

  it('computes each figure with the families behind it', () => {
    const a = uit.get('A')!;
    expect(a.gezinnen).toEqual({ waarde: 5, gezinnen: 5 });
    expect(a.cijferGezin).toEqual({ waarde: 7.5, gezinnen: 5 });
    expect(cijferTekst('cijferGezin', a.cijferGezin)).toBe('7,5');
  });

  it('gives no figure resting on fewer than five families', () => {
    const a = uit.get('A')!;
    // Started: g1-g4 only (g5 waits): (0 + 10 + 20 + 4) / 4 would be 8.5, but four families.
    expect(a.wachttijdDagen).toEqual({ waarde: null, gezinnen: null });
    expect(a.uitval).toEqual({ waarde: null, gezinnen: null });
    expect(a.doelenBehaald).toEqual({ waarde: null, gezinnen: null });
    expect(cijferTekst('uitval', a.uitval)).toBe('te weinig gezinnen');
    for (const c of Object.values(uit.get('B')!))
      expect(c).toEqual({ waarde: null, gezinnen: null });
    for (const c of Object.values(uit.get('C')!)) expect(c.waarde).toBeNull();
  });

  it('counts waiting time, early ends (JZ588) and goals once five families are behind them', () => {
    const meer = [
      ...toewijzingen,
      tw('t7', 'A', 'g7', 6, klaar({ redenBeeindiging: '34', eindeReden: 'overig' })),
    ];
    const a = aanbiederCijfers(
      {
        toewijzingen: meer,
        doelen: [...doelen, { actieplanId: 'plan-g7', resultaat: 'behaald' }],
        cijfers,
      },
      ['A'],
    ).get('A')!;
    expect(a.gezinnen.waarde).toBe(6);
    // (0 + 10 + 20 + 4 + 6) / 5 = 8 days.
    expect(a.wachttijdDagen).toEqual({ waarde: 8, gezinnen: 5 });
    expect(cijferTekst('wachttijdDagen', a.wachttijdDagen)).toBe('8 dagen');
    // Ended: g1 (plan), g2 (32), g3 (own early), g4 (move), g7 (34): 3 of 5 early.
    expect(a.uitval).toEqual({ waarde: 3 / 5, gezinnen: 5 });
    expect(cijferTekst('uitval', a.uitval)).toBe('60%');
    // Goals with a result: g1 2×behaald, g2 niet, g3 deels, g4 behaald, g7 behaald: 4 of 6.
    expect(a.doelenBehaald).toEqual({ waarde: 4 / 6, gezinnen: 5 });
    expect(cijferTekst('doelenBehaald', a.doelenBehaald)).toBe('67%');
  });
});

describe('which products fit which zorgprofiel (002_… bijlage 1)', () => {
  const p = (perceel: string, categorie: string) =>
    ({ perceel, categorie }) as Parameters<typeof pastBijZorgprofiel>[0];

  it('offers Perspectief (short, light) no crisis help, no placement and no heavy help', () => {
    expect(pastBijZorgprofiel(p('jo_zwaar', '46'), 'perspectief')).toBe(false); // crisisopvang
    expect(pastBijZorgprofiel(p('jo_zwaar', '43'), 'perspectief')).toBe(false); // gesloten
    expect(pastBijZorgprofiel(p('jo_zwaar', '45'), 'perspectief')).toBe(false); // ambulant zwaar
    expect(pastBijZorgprofiel(p('pleegzorg', '44'), 'perspectief')).toBe(false);
    expect(pastBijZorgprofiel(p('jo_licht', '45'), 'perspectief')).toBe(true);
    expect(pastBijZorgprofiel(p('ggz_licht', '54'), 'perspectief')).toBe(true);
  });

  it('keeps crisis help for Acuut and out-of-home care for the profiles that need a home', () => {
    expect(zorgprofielenVoorProduct(p('jo_zwaar', '46'))).toEqual(['acuut']);
    expect(zorgprofielenVoorProduct(p('jo_zwaar', '43'))).toEqual(['acuut', 'intensief']);
    expect(pastBijZorgprofiel(p('pleegzorg', '44'), 'duurzaam')).toBe(true);
    expect(pastBijZorgprofiel(p('jo_licht', '45'), 'acuut')).toBe(false);
  });
});

describe('searching the keuzehulp', () => {
  const lijst = [
    { naam: 'De Hoeksteen', plaats: 'Alblasserdam', producten: [{ omschrijving: 'Pleegzorg' }] },
    {
      naam: 'Horizon Jeugd',
      plaats: 'Dordrecht',
      producten: [{ omschrijving: 'Ambulante jeugd- en opvoedhulp licht' }],
    },
  ];
  it('finds by name, place and kind of help, any case and accents', () => {
    expect(zoekAanbieders(lijst, 'alblasserdam').map((a) => a.naam)).toEqual(['De Hoeksteen']);
    expect(zoekAanbieders(lijst, 'opvoedhulp dordrecht').map((a) => a.naam)).toEqual([
      'Horizon Jeugd',
    ]);
    expect(zoekAanbieders(lijst, 'hoeksteen')).toHaveLength(1);
    expect(zoekAanbieders(lijst, '')).toHaveLength(2);
  });
});
