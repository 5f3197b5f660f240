/**
 * Which toewijzingen a named figure stands for (shared/budget.ts KENMERKEN). The dashboard
 * counts these sets and the click-through lists them, so a figure and its rows always agree.
 */
import { TERUGKEER_DAGEN, VERWACHTE_DUUR_DAGEN, type Kenmerk } from '../../shared/budget';
import { raaktJaar } from '../../shared/cost';
import { addDays, daysInclusive, type IsoDate } from '../../shared/dates';
import { alMaandenGeenEvaluatie } from '../../shared/evaluatie-achterstand';
import { TOEWIJZING_LOPEND } from '../../shared/statussen';
import type { Feiten, ToewijzingFeit } from './feiten';

const LOPEND: ReadonlySet<string> = new Set(TOEWIJZING_LOPEND);

export type ToewijzingKenmerk = Exclude<Kenmerk, 'zonder_jeugdhulp' | 'actieplan_afgerond'>;

export interface Periode {
  jaar: number;
  /** Today, or the last day of a past year: what "now" means for the figures. */
  peildatum: IsoDate;
}

export function peildatumVoor(jaar: number, today: IsoDate): IsoDate {
  return today < `${jaar}-12-31` ? today : `${jaar}-12-31`;
}

function inJaar(day: IsoDate | null, jaar: number): boolean {
  return day !== null && day.startsWith(`${jaar}-`);
}

/** Days the toewijzing has run up to the peildatum. */
export function looptijdDagen(f: ToewijzingFeit, peildatum: IsoDate): number {
  const end = f.eind < peildatum ? f.eind : peildatum;
  return end < f.startdatum ? 0 : daysInclusive(f.startdatum, end);
}

export function kenmerkSets(feiten: Feiten, { jaar, peildatum }: Periode) {
  const sets = new Map<ToewijzingKenmerk, Set<string>>(
    (
      [
        'beeindigd',
        'afschaling',
        'terugkeer',
        'zorg_geeindigd',
        'gestart',
        'wachtend',
        'duur_overschreden',
        'evaluatie_achterstand',
        'uitval',
      ] as const
    ).map((k) => [k, new Set<string>()]),
  );
  const add = (k: ToewijzingKenmerk, id: string) => sets.get(k)!.add(id);

  const laatsteEvaluatie = new Map<string, IsoDate>();
  for (const e of feiten.evaluaties) {
    if (inJaar(e.uitgevoerdOp, jaar) && e.uitkomst === 'afschalen')
      add('afschaling', e.toewijzingId);
    if (
      e.uitgevoerdOp <= peildatum &&
      e.uitgevoerdOp > (laatsteEvaluatie.get(e.toewijzingId) ?? '')
    )
      laatsteEvaluatie.set(e.toewijzingId, e.uitgevoerdOp);
  }

  const perJeugdige = new Map<string, ToewijzingFeit[]>();
  for (const f of feiten.toewijzingen) {
    const list = perJeugdige.get(f.gezinslidId);
    if (list) list.push(f);
    else perJeugdige.set(f.gezinslidId, [f]);
  }

  for (const f of feiten.toewijzingen) {
    if (inJaar(f.eind, jaar) && f.eind < peildatum) {
      add('beeindigd', f.id);
      if (f.eindeReden === 'voortijdig_client') add('uitval', f.id);
    }
    if (inJaar(f.werkelijkeStart, jaar)) add('gestart', f.id);
    const loopt = f.startdatum <= peildatum && f.eind >= peildatum;
    if (f.status === 'toegewezen' && !f.werkelijkeStart && f.startdatum < peildatum && loopt)
      add('wachtend', f.id);
    if (
      f.zorgprofiel &&
      raaktJaar(f, jaar) &&
      looptijdDagen(f, peildatum) > VERWACHTE_DUUR_DAGEN[f.zorgprofiel]
    )
      add('duur_overschreden', f.id);
    if (
      LOPEND.has(f.status) &&
      loopt &&
      alMaandenGeenEvaluatie(laatsteEvaluatie.get(f.id) ?? f.startdatum, peildatum)
    )
      add('evaluatie_achterstand', f.id);

    // Care ended in the year before: nothing else of this youth runs on the next day.
    if (inJaar(f.eind, jaar - 1)) {
      const next = addDays(f.eind, 1);
      const siblings = perJeugdige.get(f.gezinslidId)!;
      const continues = siblings.some((g) => g !== f && g.startdatum <= next && g.eind >= next);
      if (!continues) {
        add('zorg_geeindigd', f.id);
        const limit = addDays(f.eind, TERUGKEER_DAGEN);
        if (siblings.some((g) => g.startdatum > f.eind && g.startdatum <= limit))
          add('terugkeer', f.id);
      }
    }
  }
  return { sets, laatsteEvaluatie };
}
