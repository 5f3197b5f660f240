/**
 * A fictional but realistic sociale kaart for the demo region: per gemeente the kinds of
 * voorliggende voorziening a jeugdteam refers to before jeugdhulp (002_… 3.1), with local names,
 * what they offer, how to reach them and whether they are free. Names, phone numbers and
 * addresses are made up; the ".voorbeeld.nl" mail domains do not exist.
 */
import type * as s from '../db/schema';
import type { VoorzieningSoort } from '../shared/domain';
import { Random } from './random';

type Voorziening = typeof s.socialeVoorzieningen.$inferInsert;

interface Sjabloon {
  naam: (g: string) => string;
  soort: VoorzieningSoort;
  aanbod: string;
  gratis: boolean;
  /** Share of gemeenten that have one (small gemeenten share some with a neighbour). */
  kans: number;
  /** For whom by age, in the catalogue's phrase (shared/sociale-kaart-leeftijd.ts). */
  leeftijd?: string;
}

const SJABLONEN: Sjabloon[] = [
  {
    naam: (g) => `Opvoedpunt ${g}`,
    soort: 'opvoedsteun',
    gratis: true,
    kans: 1,
    aanbod:
      'Spreekuur en korte gesprekken (1 tot 5) over opvoedvragen: slapen, driftbuien, grenzen stellen, puberteit. Ook oudercursussen "Positief opvoeden".',
  },
  {
    naam: (g) => `Thuisstart ${g}`,
    leeftijd: '0 tot en met 7 jaar',
    soort: 'vrijwilligers',
    gratis: true,
    kans: 0.9,
    aanbod:
      'Een getrainde vrijwilliger komt een jaar lang wekelijks bij gezinnen met jonge kinderen (0-7 jaar): een luisterend oor en praktische hulp.',
  },
  {
    naam: (g) => `Jongerenwerk ${g}`,
    leeftijd: '12 tot en met 23 jaar',
    soort: 'jongerenwerk',
    gratis: true,
    kans: 1,
    aanbod:
      'Inloop in het jongerencentrum (ma, wo, vr 15-21 uur), ambulant jongerenwerk op straat, hulp bij school, werk en vrije tijd voor 12-23 jaar.',
  },
  {
    naam: (g) => `Sport- en cultuurfonds Jeugd ${g}`,
    soort: 'sport_cultuur',
    gratis: true,
    kans: 1,
    aanbod:
      'Betaalt contributie en spullen voor sport, muziekles of dans voor kinderen uit gezinnen met een laag inkomen. Aanvragen via de jeugdprofessional.',
  },
  {
    naam: (g) => `Buurtsportcoach ${g}`,
    soort: 'sport_cultuur',
    gratis: true,
    kans: 0.8,
    aanbod:
      'Sport na school in de wijk en begeleiding naar een passende vereniging, ook voor kinderen die moeilijk aansluiting vinden.',
  },
  {
    naam: (g) => `Schuldhulpmaatjes ${g}`,
    soort: 'schuldhulp',
    gratis: true,
    kans: 0.9,
    aanbod:
      'Een vrijwillig maatje helpt de administratie op orde te krijgen, brieven te openen en een budgetplan te maken; verwijst door naar schuldhulpverlening van de gemeente.',
  },
  {
    naam: (g) => `Loket Geldzaken ${g}`,
    soort: 'schuldhulp',
    gratis: true,
    kans: 1,
    aanbod:
      'Schuldhulpverlening van de gemeente: inventarisatie van schulden, budgetbeheer, regelingen met schuldeisers en toeslagen nalopen.',
  },
  {
    naam: (g) => `Leerplicht en RMC ${g}`,
    soort: 'onderwijs',
    gratis: true,
    kans: 1,
    aanbod:
      'Leerplichtambtenaar bij verzuim en thuiszitten; met school en gezin zoeken naar een passende plek. RMC voor jongeren 18-23 zonder startkwalificatie.',
  },
  {
    naam: (g) => `Huiswerkklas Bibliotheek ${g}`,
    leeftijd: '10 tot en met 15 jaar',
    soort: 'onderwijs',
    gratis: false,
    kans: 0.7,
    aanbod:
      'Huiswerkbegeleiding voor groep 7 tot en met klas 3, twee middagen per week; kleine eigen bijdrage, kwijtschelding mogelijk.',
  },
  {
    naam: (g) => `Jeugdgezondheidszorg ${g} (CJG)`,
    leeftijd: 'tot 18 jaar',
    soort: 'gezondheid',
    gratis: true,
    kans: 1,
    aanbod:
      'Consultatiebureau en JGZ op school: groei, ontwikkeling, voeding, inentingen; verpleegkundige spreekuren en stevig-ouderschap-bezoeken.',
  },
  {
    naam: (g) => `Maatjesproject Samen Sterk ${g}`,
    leeftijd: '8 tot 18 jaar',
    soort: 'vrijwilligers',
    gratis: true,
    kans: 0.6,
    aanbod:
      'Een maatje (18+) voor een kind of jongere van 8 tot 18 dat steun kan gebruiken: een jaar lang elke week iets samen doen.',
  },
  {
    naam: (g) => `Steunpunt Mantelzorg ${g}`,
    soort: 'mantelzorg',
    gratis: true,
    kans: 0.9,
    aanbod:
      'Advies en respijt voor ouders die zorgen voor een kind met een beperking of ziekte; logeeradressen en lotgenotengroepen, ook voor jonge mantelzorgers.',
  },
  {
    naam: (g) => `Voedselbank ${g}`,
    soort: 'wonen',
    gratis: true,
    kans: 0.8,
    aanbod:
      'Wekelijks een voedselpakket voor huishoudens onder de bestedingsnorm; aanmelden met een verwijzing van het jeugdteam of het sociaal loket.',
  },
  {
    naam: (g) => `Buurtbemiddeling ${g}`,
    soort: 'wonen',
    gratis: true,
    kans: 0.8,
    aanbod:
      'Getrainde vrijwilligers helpen buren om ruzie over geluid, kinderen of overlast samen op te lossen.',
  },
  {
    naam: (g) => `Peutergroep Kleine Stappen ${g}`,
    leeftijd: '2½ tot 4 jaar',
    soort: 'opvoedsteun',
    gratis: false,
    kans: 0.7,
    aanbod:
      'Voorschoolse educatie (VVE) voor peuters van 2,5 tot 4 jaar met een taal- of ontwikkelingsachterstand; inkomensafhankelijke bijdrage.',
  },
  {
    naam: (g) => `Scheidingsspreekuur ${g}`,
    soort: 'opvoedsteun',
    gratis: false,
    kans: 0.6,
    aanbod:
      'Gesprekken voor ouders in scheiding over het ouderschapsplan en wat kinderen nodig hebben; ook een kindergroep "Dubbel thuis" (8-12 jaar). Eerste gesprek gratis, daarna een eigen bijdrage naar inkomen.',
  },
];

const slug = (tekst: string) =>
  tekst
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 24);

/** Its own random stream, so adding the catalogue leaves the rest of the region unchanged. */
export function socialeKaart(
  gemeenten: readonly { id: string; naam: string }[],
  meta: (rnd: Random) => { id: string; hlc: string; authorId: null; deleted: boolean },
  seed: number,
): Voorziening[] {
  const rnd = new Random(seed ^ 0x5ca1ab1e);
  const uit: Voorziening[] = [];
  for (const g of gemeenten) {
    const netnummer = rnd.pick(['078', '0183', '0184', '0186']);
    for (const sjabloon of SJABLONEN) {
      if (!rnd.chance(sjabloon.kans)) continue;
      const naam = sjabloon.naam(g.naam);
      uit.push({
        ...meta(rnd),
        gemeenteId: g.id,
        naam,
        soort: sjabloon.soort,
        aanbod: sjabloon.leeftijd
          ? `${sjabloon.aanbod} Leeftijd: ${sjabloon.leeftijd}.`
          : sjabloon.aanbod,
        contact: `${netnummer}-${rnd.int(100, 999)} ${String(rnd.int(0, 9999)).padStart(4, '0')} · ${slug(naam.split(' ')[0]!)}@${slug(g.naam)}.voorbeeld.nl`,
        gratis: sjabloon.gratis,
        actief: true,
      });
    }
  }
  return uit;
}
