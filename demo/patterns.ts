/**
 * Care patterns of the demo region: what a referrer typically starts, how long and how
 * intensive. The weights give the referral mix; the calibration step in generate.ts then
 * scales the weekly volumes so the cost per referrer meets the seed figures.
 */
import type { Probleemgebied, Verwijzer, ZorgprofielCategorie } from '../shared/domain';
import type { HULPVRAGEN } from './texts';

export interface CareStep {
  productcode: string;
  /** Volume per frequentie of the product (hours a week, days a day, pieces in total ...). */
  volume: number;
  /** Part of the episode this step covers, as fractions of its duration. */
  from: number;
  to: number;
  /** Chance the step is part of the episode at all. */
  chance?: number;
  /** Delivered by a subcontractor under the first step's hoofdaanbieder. */
  onderaannemer?: boolean;
}

export interface CarePattern {
  key: string;
  verwijzer: Verwijzer;
  weight: number;
  profiel: ZorgprofielCategorie;
  problemen: readonly Probleemgebied[];
  hulpvraag: keyof typeof HULPVRAGEN;
  months: readonly [number, number];
  steps: readonly CareStep[];
}

const whole = { from: 0, to: 1 } as const;

export const PATTERNS: readonly CarePattern[] = [
  // Medisch verwijzer: most referrals, mostly GGZ and dyslexia, modest cost per youth.
  {
    key: 'basis-ggz',
    verwijzer: 'medisch',
    weight: 0.36,
    profiel: 'perspectief',
    problemen: ['emotioneel'],
    hulpvraag: 'ggz',
    months: [3, 6],
    steps: [{ productcode: '54002', volume: 1, ...whole }],
  },
  {
    key: 'specialistische-ggz',
    verwijzer: 'medisch',
    weight: 0.3,
    profiel: 'intensief',
    problemen: ['psychiatrisch', 'emotioneel'],
    hulpvraag: 'ggz',
    months: [5, 12],
    steps: [{ productcode: '54101', volume: 1, ...whole }],
  },
  {
    key: 'eed',
    verwijzer: 'medisch',
    weight: 0.2,
    profiel: 'perspectief',
    problemen: ['dyslexie', 'school'],
    hulpvraag: 'eed',
    months: [9, 14],
    steps: [
      { productcode: '55A01', volume: 1, from: 0, to: 0.15 },
      { productcode: '55A02', volume: 1, from: 0.15, to: 1 },
    ],
  },
  {
    key: 'begeleiding-medisch',
    verwijzer: 'medisch',
    weight: 0.14,
    profiel: 'duurzaam',
    problemen: ['ontwikkeling'],
    hulpvraag: 'ontwikkeling',
    months: [6, 18],
    steps: [{ productcode: 'H300', volume: 2, ...whole }],
  },

  // Jeugdteam: a quarter of the youths and the largest share of the cost.
  {
    key: 'jo-licht',
    verwijzer: 'jeugdteam',
    weight: 0.22,
    profiel: 'perspectief',
    problemen: ['opvoedingsvaardigheden'],
    hulpvraag: 'licht',
    months: [3, 7],
    steps: [{ productcode: '45A01', volume: 2, ...whole }],
  },
  {
    key: 'jo-zwaar',
    verwijzer: 'jeugdteam',
    weight: 0.2,
    profiel: 'intensief',
    problemen: ['gedrag', 'opvoedingsvaardigheden'],
    hulpvraag: 'opvoeding',
    months: [8, 15],
    steps: [{ productcode: '45A02', volume: 3, ...whole }],
  },
  {
    key: 'gezinsbehandeling',
    verwijzer: 'jeugdteam',
    weight: 0.1,
    profiel: 'intensief',
    problemen: ['gedrag', 'huiselijk_geweld'],
    hulpvraag: 'opvoeding',
    months: [4, 8],
    steps: [{ productcode: '45A10', volume: 4, ...whole }],
  },
  {
    key: 'dagbehandeling',
    verwijzer: 'jeugdteam',
    weight: 0.1,
    profiel: 'intensief',
    problemen: ['ontwikkeling', 'gedrag'],
    hulpvraag: 'ontwikkeling',
    months: [9, 18],
    steps: [{ productcode: '46A01', volume: 4, ...whole }],
  },
  {
    key: 'groepsbegeleiding',
    verwijzer: 'jeugdteam',
    weight: 0.11,
    profiel: 'duurzaam',
    problemen: ['verstandelijke_beperking', 'ontwikkeling'],
    hulpvraag: 'ontwikkeling',
    months: [12, 24],
    steps: [{ productcode: 'H132', volume: 3, ...whole }],
  },
  {
    key: 'gezinshuis',
    verwijzer: 'jeugdteam',
    weight: 0.06,
    profiel: 'intensief',
    problemen: ['opvoedingsvaardigheden', 'huiselijk_geweld'],
    hulpvraag: 'veiligheid',
    months: [9, 24],
    steps: [{ productcode: '41A01', volume: 1, ...whole }],
  },
  {
    key: 'behandelgroep',
    verwijzer: 'jeugdteam',
    weight: 0.05,
    profiel: 'intensief',
    problemen: ['psychiatrisch', 'gedrag'],
    hulpvraag: 'opvoeding',
    months: [4, 9],
    steps: [
      { productcode: '40A01', volume: 1, ...whole },
      { productcode: '45A02', volume: 2, from: 0.6, to: 1, chance: 0.5, onderaannemer: true },
    ],
  },
  {
    key: 'pleegzorg-vrijwillig',
    verwijzer: 'jeugdteam',
    weight: 0.07,
    profiel: 'duurzaam',
    problemen: ['opvoedingsvaardigheden'],
    hulpvraag: 'veiligheid',
    months: [12, 36],
    steps: [{ productcode: '42A01', volume: 1, ...whole }],
  },
  {
    key: 'crisis',
    verwijzer: 'jeugdteam',
    weight: 0.04,
    profiel: 'acuut',
    problemen: ['huiselijk_geweld'],
    hulpvraag: 'veiligheid',
    months: [2, 5],
    steps: [
      { productcode: '44A01', volume: 1, from: 0, to: 0.3 },
      { productcode: '44A02', volume: 3, from: 0.3, to: 1 },
    ],
  },
  {
    key: 'onderwijs-jeugdhulp',
    verwijzer: 'jeugdteam',
    weight: 0.05,
    profiel: 'perspectief',
    problemen: ['school', 'gedrag'],
    hulpvraag: 'licht',
    months: [6, 10],
    steps: [{ productcode: '45O01', volume: 2, ...whole }],
  },

  // Gecertificeerde instelling: child protection, often with foster care.
  {
    key: 'ots',
    verwijzer: 'gi',
    weight: 0.6,
    profiel: 'duurzaam',
    problemen: ['huiselijk_geweld', 'opvoedingsvaardigheden'],
    hulpvraag: 'veiligheid',
    months: [12, 24],
    steps: [
      { productcode: '47A01', volume: 1, ...whole },
      { productcode: '42A01', volume: 1, ...whole, chance: 0.45 },
    ],
  },
  {
    key: 'voogdij',
    verwijzer: 'gi',
    weight: 0.15,
    profiel: 'duurzaam',
    problemen: ['huiselijk_geweld'],
    hulpvraag: 'veiligheid',
    months: [24, 48],
    steps: [
      { productcode: '47A02', volume: 1, ...whole },
      { productcode: '42A01', volume: 1, ...whole, chance: 0.85 },
    ],
  },
  {
    key: 'jr-gi',
    verwijzer: 'gi',
    weight: 0.25,
    profiel: 'perspectief',
    problemen: ['justitie'],
    hulpvraag: 'justitie',
    months: [6, 12],
    steps: [
      { productcode: '48A01', volume: 1, ...whole },
      { productcode: '45A02', volume: 2, ...whole, chance: 0.4, onderaannemer: true },
    ],
  },

  // Rechterlijke macht: few youths, costly closed placements.
  {
    key: 'gesloten',
    verwijzer: 'rechter',
    weight: 0.35,
    profiel: 'acuut',
    problemen: ['justitie', 'gedrag'],
    hulpvraag: 'justitie',
    months: [3, 7],
    steps: [
      { productcode: '43A01', volume: 1, from: 0, to: 0.75 },
      { productcode: '45A02', volume: 3, from: 0.75, to: 1 },
    ],
  },
  {
    key: 'jr-rechter',
    verwijzer: 'rechter',
    weight: 0.65,
    profiel: 'perspectief',
    problemen: ['justitie'],
    hulpvraag: 'justitie',
    months: [6, 12],
    steps: [
      { productcode: '48A01', volume: 1, ...whole },
      { productcode: '45A02', volume: 3, ...whole },
    ],
  },

  // Overig (referrer unknown or care from before 2015).
  {
    key: 'overig-jo',
    verwijzer: 'overig',
    weight: 0.4,
    profiel: 'intensief',
    problemen: ['gedrag'],
    hulpvraag: 'opvoeding',
    months: [6, 14],
    steps: [{ productcode: '45A02', volume: 3, ...whole }],
  },
  {
    key: 'overig-ggz',
    verwijzer: 'overig',
    weight: 0.3,
    profiel: 'intensief',
    problemen: ['psychiatrisch'],
    hulpvraag: 'ggz',
    months: [6, 14],
    steps: [{ productcode: '54101', volume: 2, ...whole }],
  },
  {
    key: 'overig-begeleiding',
    verwijzer: 'overig',
    weight: 0.3,
    profiel: 'duurzaam',
    problemen: ['ontwikkeling'],
    hulpvraag: 'ontwikkeling',
    months: [12, 24],
    steps: [{ productcode: 'H300', volume: 3, ...whole }],
  },
];
