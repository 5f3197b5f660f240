/**
 * The keuzehulp: what has been measured of each aanbieder, so the family can choose with
 * something to go on (`000_…`: "de prestaties van de verschillende aanbieders transparant
 * worden gemaakt, zodat de cliënt betere keuzes kan maken").
 *
 * Pure, over plain rows, so the core runs it over what the laptop holds and the central service
 * can run it over the whole region. Every figure says how many families it rests on, and a
 * figure resting on fewer than MIN_GEZINNEN families is not given at all: with so few, a figure
 * says more about one family than about the aanbieder.
 */
import { z } from 'zod';
import { daysInclusive, type IsoDate } from './dates';
import {
  PERCELEN,
  type DoelResultaat,
  type EindeReden,
  type IjwRedenBeeindiging,
  type Perceel,
  type ToewijzingStatus,
} from './domain';
import { bevatWoorden, vouwTekst, zoekWoorden } from './zoeken';

/** Below this many families a figure is not shown ("te weinig gezinnen"). */
export const MIN_GEZINNEN = 5;

/** JZ588 "Voortijdig afgesloten" (door cliënt, door aanbieder, in overleg, externe oorzaak). */
const VOORTIJDIG_JZ588: readonly IjwRedenBeeindiging[] = ['32', '33', '34', '35'];
/** Eenplan's own reasons for an early end, when no JW307 said why. */
const VOORTIJDIG_EIGEN: readonly EindeReden[] = ['voortijdig_client', 'voortijdig_aanbieder'];

export interface KeuzehulpToewijzing {
  id: string;
  aanbiederId: string;
  gezinId: string;
  actieplanId: string | null;
  status: ToewijzingStatus;
  startdatum: IsoDate;
  werkelijkeStart: IsoDate | null;
  beeindigdOp: IsoDate | null;
  eindeReden: EindeReden | null;
  redenBeeindiging: IjwRedenBeeindiging | null;
}

export interface KeuzehulpInvoer {
  toewijzingen: readonly KeuzehulpToewijzing[];
  /** Goals of the action plans (their result at closing). */
  doelen: readonly { actieplanId: string; resultaat: DoelResultaat }[];
  /** The family's own mark (1-10) given at an evaluation of a toewijzing. */
  cijfers: readonly { toewijzingId: string; cijfer: number }[];
}

const Cijfer = z.object({
  /** Null: fewer than MIN_GEZINNEN families, no figure. */
  waarde: z.number().nullable(),
  /** The families behind the figure; null below MIN_GEZINNEN (not told either). */
  gezinnen: z.number().int().nullable(),
});
export type Cijfer = z.infer<typeof Cijfer>;

export const AanbiederCijfers = z.object({
  /** Families that received help of this aanbieder. */
  gezinnen: Cijfer,
  /** Mean days from the toewijzing's start date to the actual start of care. */
  wachttijdDagen: Cijfer,
  /** Share of the SMART goals reached (of those with a result), 0-1. */
  doelenBehaald: Cijfer,
  /** Share of ended help that ended early (JZ588 32-35, or the own early-end reasons), 0-1. */
  uitval: Cijfer,
  /** The families' own mark at evaluations, mean, 1-10. */
  cijferGezin: Cijfer,
});
export type AanbiederCijfers = z.infer<typeof AanbiederCijfers>;

/** One figure from per-family observations; nothing when too few families are behind it. */
function cijfer(waarden: readonly { gezinId: string; waarde: number }[]): Cijfer {
  const gezinnen = new Set(waarden.map((w) => w.gezinId)).size;
  if (gezinnen < MIN_GEZINNEN) return { waarde: null, gezinnen: null };
  return { waarde: waarden.reduce((s, w) => s + w.waarde, 0) / waarden.length, gezinnen };
}

/** How many families an aanbieder helped: itself a figure, so not told below MIN_GEZINNEN. */
function aantalGezinnen(rijen: readonly KeuzehulpToewijzing[]): Cijfer {
  const n = new Set(rijen.map((t) => t.gezinId)).size;
  return n < MIN_GEZINNEN ? { waarde: null, gezinnen: null } : { waarde: n, gezinnen: n };
}

const GEKOZEN: readonly ToewijzingStatus[] = ['toegewezen', 'gestart', 'beeindigd'];

export const voortijdigBeeindigd = (t: KeuzehulpToewijzing) =>
  t.redenBeeindiging
    ? VOORTIJDIG_JZ588.includes(t.redenBeeindiging)
    : t.eindeReden !== null && VOORTIJDIG_EIGEN.includes(t.eindeReden);

/** The figures of each aanbieder asked for (an aanbieder without rows gets empty figures). */
export function aanbiederCijfers(
  invoer: KeuzehulpInvoer,
  aanbiederIds: readonly string[],
): Map<string, AanbiederCijfers> {
  const doelenPerPlan = new Map<string, DoelResultaat[]>();
  for (const d of invoer.doelen)
    doelenPerPlan.set(d.actieplanId, [...(doelenPerPlan.get(d.actieplanId) ?? []), d.resultaat]);
  const cijfersPer = new Map<string, number[]>();
  for (const c of invoer.cijfers)
    cijfersPer.set(c.toewijzingId, [...(cijfersPer.get(c.toewijzingId) ?? []), c.cijfer]);

  const perAanbieder = new Map<string, KeuzehulpToewijzing[]>();
  for (const t of invoer.toewijzingen)
    if (GEKOZEN.includes(t.status))
      perAanbieder.set(t.aanbiederId, [...(perAanbieder.get(t.aanbiederId) ?? []), t]);

  const uit = new Map<string, AanbiederCijfers>();
  for (const id of aanbiederIds) {
    const rijen = perAanbieder.get(id) ?? [];
    const gestart = rijen.filter((t) => t.werkelijkeStart !== null);
    const geeindigd = rijen.filter((t) => t.status === 'beeindigd');
    // A plan with two toewijzingen of this aanbieder counts its goals once.
    const plannen = new Map<string, string>();
    for (const t of rijen) if (t.actieplanId) plannen.set(t.actieplanId, t.gezinId);
    const doelen = [...plannen].flatMap(([planId, gezinId]) =>
      (doelenPerPlan.get(planId) ?? [])
        .filter((r) => r !== 'open')
        .map((r) => ({ gezinId, waarde: r === 'behaald' ? 1 : 0 })),
    );
    uit.set(id, {
      gezinnen: aantalGezinnen(rijen),
      wachttijdDagen: cijfer(gestart.map((t) => ({ gezinId: t.gezinId, waarde: wachtDagen(t) }))),
      doelenBehaald: cijfer(doelen),
      uitval: cijfer(
        geeindigd.map((t) => ({ gezinId: t.gezinId, waarde: voortijdigBeeindigd(t) ? 1 : 0 })),
      ),
      cijferGezin: cijfer(
        rijen.flatMap((t) =>
          (cijfersPer.get(t.id) ?? []).map((waarde) => ({ gezinId: t.gezinId, waarde })),
        ),
      ),
    });
  }
  return uit;
}

/** Days from the start date to the actual start of care (README "Waiting time"); 0 when on time. */
export function wachtDagen(t: { startdatum: IsoDate; werkelijkeStart: IsoDate | null }): number {
  if (!t.werkelijkeStart || t.werkelijkeStart <= t.startdatum) return 0;
  return daysInclusive(t.startdatum, t.werkelijkeStart) - 1;
}

/**
 * Search the keuzehulp as a family asks: by the aanbieder's name, its place or the kind of help
 * (a product's description or perceel), every word somewhere, case and accents not minding.
 */
export function zoekAanbieders<
  A extends {
    naam: string;
    plaats: string;
    producten: readonly { omschrijving: string; perceel?: Perceel }[];
  },
>(aanbieders: readonly A[], zoek: string): A[] {
  const woorden = zoekWoorden(zoek);
  return aanbieders.filter((a) =>
    bevatWoorden(
      vouwTekst(
        [
          a.naam,
          a.plaats,
          ...a.producten.flatMap((p) => [
            p.omschrijving,
            p.perceel ? PERCELEN.labels[p.perceel] : '',
          ]),
        ].join('\n'),
      ),
      woorden,
    ),
  );
}

/** A figure as the family reads it, in Dutch; "te weinig gezinnen" below MIN_GEZINNEN. */
export function cijferTekst(soort: keyof AanbiederCijfers, c: Cijfer): string {
  if (c.waarde === null) return 'te weinig gezinnen';
  const komma = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  switch (soort) {
    case 'gezinnen':
      return `${c.waarde}`;
    case 'wachttijdDagen':
      return `${Math.round(c.waarde)} dagen`;
    case 'cijferGezin':
      return komma(Math.round(c.waarde * 10) / 10);
    default:
      return `${Math.round(c.waarde * 100)}%`;
  }
}

/** The figures in the order the screen and the PDF show them. */
export const CIJFER_VOLGORDE: readonly (keyof AanbiederCijfers)[] = [
  'wachttijdDagen',
  'doelenBehaald',
  'uitval',
  'cijferGezin',
  'gezinnen',
];

export const CIJFER_LABELS: Record<keyof AanbiederCijfers, string> = {
  gezinnen: 'Gezinnen geholpen',
  wachttijdDagen: 'Wachttijd tot de start',
  doelenBehaald: 'Doelen behaald',
  uitval: 'Voortijdig gestopt',
  cijferGezin: 'Cijfer van gezinnen',
};
