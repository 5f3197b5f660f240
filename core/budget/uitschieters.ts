/**
 * The dashboard's outlier lists: the clients with the most committed this year, and the
 * toewijzingen furthest past the expected duration or the last evaluation. The plafond list is
 * plafond.ts.
 */
import type { Dashboard } from '../../shared/api';
import {
  EVALUATIE_ACHTERSTAND_DAGEN,
  UITSCHIETERS_MAX,
  VERWACHTE_DUUR_DAGEN,
} from '../../shared/budget';
import { daysInclusive, type IsoDate } from '../../shared/dates';
import type { ReadCtx } from '../context';
import { namenVanJeugdigen, type RealisatieFeit, type ToewijzingFeit } from './feiten';
import type { Namen } from './groepen';
import { looptijdDagen, type ToewijzingKenmerk } from './kenmerken';

type Uitschieters = Dashboard['uitschieters'];

/** What the lists are drawn from: the year's facts, named sets and names for the coach. */
export interface UitschieterBron {
  jaarFeiten: ToewijzingFeit[];
  jaarCents: Map<string, number>;
  realisatie: RealisatieFeit[];
  sets: Map<ToewijzingKenmerk, Set<string>>;
  laatsteEvaluatie: Map<string, IsoDate>;
  byId: Map<string, ToewijzingFeit>;
  namen: Namen;
  peildatum: IsoDate;
}

/** Names (and the way into the dossier) only for roles that read dossiers. */
const metNamen = (ctx: ReadCtx) => ctx.session.rol !== 'beheerder';

/** Per youth: the toewijzingen of the year, committed and realised; the highest committed first. */
export function clientUitschieters(ctx: ReadCtx, bron: UitschieterBron): Uitschieters['clienten'] {
  const perClient = new Map<
    string,
    { n: number; c: number; r: number; gezinId: string; regisseurId: string }
  >();
  for (const f of bron.jaarFeiten) {
    const c = perClient.get(f.gezinslidId) ?? {
      n: 0,
      c: 0,
      r: 0,
      gezinId: f.gezinId,
      regisseurId: f.regisseurId,
    };
    c.n++;
    c.c += bron.jaarCents.get(f.id)!;
    perClient.set(f.gezinslidId, c);
  }
  for (const r of bron.realisatie) {
    const c = r.gezinslidId ? perClient.get(r.gezinslidId) : undefined;
    if (c) c.r += r.cents;
  }
  const topClienten = [...perClient]
    .sort((a, b) => b[1].c - a[1].c || a[0].localeCompare(b[0]))
    .slice(0, UITSCHIETERS_MAX);
  const clientNamen = namenVanJeugdigen(
    ctx,
    topClienten.map(([id]) => id),
  );
  return {
    aantal: perClient.size,
    rijen: topClienten.map(([id, c]) => ({
      gezinslidId: id,
      gezinId: metNamen(ctx) ? c.gezinId : null,
      naam: clientNamen.get(id) ?? 'Jeugdige',
      regisseur: bron.namen.professional.get(c.regisseurId) ?? 'Onbekend',
      toewijzingen: c.n,
      gecommitteerdCents: c.c,
      gerealiseerdCents: c.r,
    })),
  };
}

/** The outliers of one kind, furthest past their limit first, with names for the coach. */
function lijst(
  ctx: ReadCtx,
  bron: UitschieterBron,
  ids: Set<string>,
  grens: (f: ToewijzingFeit) => number,
  dagen: (f: ToewijzingFeit) => number,
): Uitschieters['duur'] {
  const overschrijding = (f: ToewijzingFeit) => dagen(f) - grens(f);
  const gekozen = [...ids]
    .map((id) => bron.byId.get(id)!)
    .sort((a, b) => overschrijding(b) - overschrijding(a) || a.id.localeCompare(b.id))
    .slice(0, UITSCHIETERS_MAX);
  const jeugdigen = namenVanJeugdigen(
    ctx,
    gekozen.map((f) => f.gezinslidId),
  );
  return {
    aantal: ids.size,
    rijen: gekozen.map((f) => ({
      toewijzingId: f.id,
      gezinId: metNamen(ctx) ? f.gezinId : null,
      naam: jeugdigen.get(f.gezinslidId) ?? 'Jeugdige',
      aanbieder: bron.namen.aanbieder.get(f.aanbiederId) ?? 'Onbekende aanbieder',
      zorgprofiel: f.zorgprofiel,
      startdatum: f.startdatum,
      dagen: dagen(f),
      grensDagen: grens(f),
    })),
  };
}

/** Toewijzingen running longer than their zorgprofiel's expected duration. */
export function duurUitschieters(ctx: ReadCtx, bron: UitschieterBron): Uitschieters['duur'] {
  return lijst(
    ctx,
    bron,
    bron.sets.get('duur_overschreden')!,
    (f) => VERWACHTE_DUUR_DAGEN[f.zorgprofiel!],
    (f) => looptijdDagen(f, bron.peildatum),
  );
}

/** Toewijzingen whose last evaluation (or start) is longer ago than the limit. */
export function evaluatieUitschieters(
  ctx: ReadCtx,
  bron: UitschieterBron,
): Uitschieters['evaluatie'] {
  const evaluatieDagen = (f: ToewijzingFeit) =>
    daysInclusive(bron.laatsteEvaluatie.get(f.id) ?? f.startdatum, bron.peildatum) - 1;
  return lijst(
    ctx,
    bron,
    bron.sets.get('evaluatie_achterstand')!,
    () => EVALUATIE_ACHTERSTAND_DAGEN,
    evaluatieDagen,
  );
}
