/**
 * Fictional case texts for the demo region, written as professionals and families write them.
 * Placeholders: {kind} is the youth's first name.
 */
import type { Leefdomein } from '../shared/domain';

export const HULPVRAGEN: Record<string, readonly string[]> = {
  ggz: [
    '{kind} slaapt slecht en piekert veel; ouders maken zich zorgen over somberheid.',
    '{kind} heeft paniekaanvallen op school en durft niet meer met de bus.',
    '{kind} trekt zich terug op haar/zijn kamer en eet weinig.',
  ],
  eed: [
    '{kind} loopt ondanks extra hulp op school ver achter met lezen en spellen.',
    'School vermoedt ernstige dyslexie bij {kind}; de leesbegeleiding helpt onvoldoende.',
  ],
  opvoeding: [
    'Ouders lopen vast in de opvoeding van {kind}; er zijn veel ruzies thuis.',
    '{kind} luistert thuis niet meer en is agressief naar een jonger broertje.',
    'Moeder staat er alleen voor en weet niet hoe ze {kind} grenzen kan stellen.',
  ],
  ontwikkeling: [
    '{kind} heeft een ontwikkelingsachterstand en heeft structuur nodig, ook na school.',
    '{kind} heeft autisme; ouders zijn overbelast en zoeken ondersteuning.',
  ],
  veiligheid: [
    'Er zijn zorgen over de veiligheid van {kind} na meldingen van huiselijk geweld.',
    'De kinderrechter heeft een ondertoezichtstelling uitgesproken voor {kind}.',
  ],
  justitie: [
    '{kind} is aangehouden voor diefstal; de rechter legde jeugdreclassering op.',
    '{kind} verzuimt school en is in aanraking gekomen met de politie.',
  ],
  licht: [
    '{kind} heeft moeite met vriendschappen en wordt gepest.',
    'Ouders zijn gescheiden en {kind} heeft het moeilijk met de wisselingen.',
    '{kind} spijbelt af en toe en heeft weinig zin in school.',
  ],
};

export const EIGEN_KRACHT = [
  'Ouders hebben al afspraken gemaakt over bedtijden en houden dat twee weken vol.',
  'Moeder heeft zelf contact gezocht met de mentor op school.',
  'Vader gaat vaker mee naar sport; dat geeft rust.',
];

export const NETWERK = [
  'Oma past op woensdag op en kan ook een weekend per maand helpen.',
  'De buurvrouw brengt de kinderen twee keer per week naar school.',
  'Een oom is bereid om met {kind} te gaan voetballen.',
];

export const VOORLIGGEND = [
  'Huiswerkbegeleiding via de bibliotheek (geen jeugdhulp).',
  'Opvoedspreekuur van het CJG gevolgd.',
  'Maatje via vrijwilligersorganisatie aangevraagd.',
  'Schuldhulpverlening via de gemeente gestart.',
];

export const DOELEN = [
  [
    '{kind} gaat weer vijf dagen per week naar school.',
    'Verzuimregistratie van school: 0 ongeoorloofde uren per maand.',
  ],
  [
    'Ouders hanteren samen vaste regels rond bedtijd.',
    'In 6 van de 7 avonden ligt {kind} om 20.30 uur in bed (logboek ouders).',
  ],
  [
    '{kind} kan omgaan met spanning zonder paniekaanval.',
    'Minder dan één paniekaanval per week, vier weken achter elkaar.',
  ],
  ['Er zijn geen incidenten van geweld thuis.', 'Geen meldingen bij Veilig Thuis in drie maanden.'],
  ['{kind} leest op het niveau van groep 6.', 'AVI-niveau E6 behaald bij de toets van school.'],
  [
    'Moeder heeft overzicht over de financiën.',
    'Alle vaste lasten worden drie maanden op tijd betaald.',
  ],
] as const;

export const EIGEN_WOORDEN = [
  'We willen weer rust in huis, en dat de kinderen gewoon naar school gaan.',
  'Ik wil een goede moeder zijn en niet steeds boos worden.',
  'Wij willen dat {kind} weer lacht en vriendjes heeft.',
  'We willen het samen doen, met hulp van opa en oma, en zo min mogelijk hulpverleners over de vloer.',
];

export const DOMEIN_TEKSTEN: Record<Leefdomein, readonly [string, string]> = {
  opvoeden_opgroeien: [
    'Veel conflicten over regels en schermtijd.',
    'Duidelijke afspraken die beide ouders volhouden.',
  ],
  onderwijs: [
    'Regelmatig verzuim, contact met school is moeizaam.',
    'Elke week contact met de mentor; geen verzuim.',
  ],
  werk_inkomen: [
    'Vader is sinds kort werkloos.',
    'Vader heeft binnen zes maanden een baan of opleiding.',
  ],
  schulden: [
    'Achterstand in huur en energie.',
    'Schulden in beeld en een betalingsregeling loopt.',
  ],
  wonen: [
    'Het huis is te klein voor het gezin.',
    'Urgentieaanvraag ingediend bij de woningcorporatie.',
  ],
  veiligheid: [
    'Er waren zorgen over ruzies tussen ouders.',
    'Een veiligheidsplan dat iedereen kent en naleeft.',
  ],
  gezondheid: [
    'Moeder heeft rugklachten en is vaak moe.',
    'Moeder is onder behandeling en heeft hulp bij de boodschappen.',
  ],
};

export const AFSPRAKEN = [
  ['Aanmelden bij het opvoedspreekuur', 'Moeder'],
  ['Gesprek met de mentor plannen', 'Jeugdprofessional'],
  ['Oma haalt de kinderen op woensdag op', 'Oma'],
  ['Budgetoverzicht maken met de schuldhulpverlener', 'Vader'],
  ['Sportclub uitzoeken voor {kind}', '{kind} en vader'],
] as const;

export const NETWERK_RELATIES = [
  'Oma',
  'Opa',
  'Tante',
  'Oom',
  'Buurvrouw',
  'Vriendin van moeder',
  'Trainer voetbalclub',
];

export const AANBIEDER_VOORVOEGSELS = [
  'Praktijk',
  'Stichting',
  'Centrum',
  'Zorggroep',
  'Jeugdhulp',
  'Gezinshuis',
  'Expertisecentrum',
  'Behandelcentrum',
  'Kindertherapie',
  'Jongerenwerk',
];
export const AANBIEDER_NAMEN = [
  'De Linde',
  'Het Anker',
  'Oude Maas',
  'Merwedezicht',
  'Biesbosch',
  'De Waard',
  'Rivierenland',
  'De Kade',
  'Het Veer',
  'De Wilg',
  'Dijkzicht',
  'De Brug',
  'Lingehof',
  'De Polder',
  'Noord',
  'Kinderdijk',
  'Zuidwende',
  'De Haven',
  'Het Baken',
  'De Kompasroos',
];

/**
 * A name as it is written in the Netherlands: the generator's English suffixes ("Jr.", "Sr.",
 * "III") and titles ("Dr.", "Mr.") are not part of a Dutch name in a dossier.
 */
export function nederlandseNaam(naam: string): string {
  return naam
    .replace(/^(?:(?:Dr|Mr|Mrs|Ms|Miss|Ir|Ing|Prof|Drs)\.?\s+)+/i, '')
    .replace(/(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV|V))+$/i, '')
    .trim();
}
