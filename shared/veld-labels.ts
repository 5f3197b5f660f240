/**
 * The labels the screens show for the contract's input fields, so a message from the core names
 * a field as the user sees it ("BSN van gezinslid 2"), never as the code calls it
 * ("leden.1.bsn", counting from 0).
 */

/** Field name in the contract → its label on screen. */
export const VELD_LABELS: Readonly<Record<string, string>> = {
  naam: 'Naam',
  wachtwoord: 'Wachtwoord',
  nieuw: 'Nieuw wachtwoord',
  profiel: 'Laptopprofiel',
  email: 'E-mailadres',
  server: 'Serveradres',
  professionalId: 'Medewerker',
  soort: 'Soort',
  gezinId: 'Gezin',
  formaat: 'Formaat',
  actieplanId: 'Actieplan',
  toewijzingId: 'Toewijzing',
  teamId: 'Team',
  jaar: 'Jaar',
  perceel: 'Perceel',
  periode: 'Periode',
  gezinslidId: 'Gezinslid',
  aanbiederId: 'Aanbieder',
  inhoud: 'Bestand',
  minuten: 'Minuten',
  zoek: 'Zoeken',
  status: 'Status',
  zorgprofiel: 'Zorgprofiel',
  adres: 'Adres',
  postcode: 'Postcode',
  woonplaats: 'Woonplaats',
  leden: 'Gezinsleden',
  rol: 'Rol',
  voornaam: 'Voornaam',
  achternaam: 'Achternaam',
  geboortedatum: 'Geboortedatum',
  bsn: 'BSN',
  reden: 'Reden',
  van: 'Van',
  tot: 'Tot en met',
  relatie: 'Relatie',
  telefoon: 'Telefoon',
  rolInPlan: 'Rol in het plan',
  eigenWoorden: 'In eigen woorden',
  toekomstplan: 'Toekomstplan',
  domeinen: 'Leefgebieden',
  domein: 'Leefgebied',
  situatie: 'Situatie',
  doel: 'Doel',
  wat: 'Wat',
  wie: 'Wie',
  uiterlijk: 'Uiterlijk',
  door: 'Door',
  lijnen: 'Handtekening',
  datum: 'Datum',
  aanwezig: 'Aanwezig',
  verslag: 'Verslag',
  koppelingen: 'Gaat over',
  tekst: 'Tekst',
  gemeenteId: 'Gemeente',
  voorzieningId: 'Voorziening',
  op: 'Datum en tijd',
  duurMinuten: 'Duur (minuten)',
  onderwerp: 'Onderwerp',
  xml: 'Bericht',
  jeugdigeId: 'Jeugdige',
  hulpvraag: 'Hulpvraag',
  problemen: 'Problemen',
  verwijzer: 'Verwijzer',
  eigenKracht: 'Eigen kracht',
  netwerk: 'Netwerk',
  voorliggend: 'Voorliggende voorzieningen',
  uitkomst: 'Uitkomst',
  omschrijving: 'Omschrijving',
  meetbaar: 'Meetbaar',
  categorie: 'Categorie',
  probleemgebieden: 'Probleemgebieden',
  productId: 'Product',
  volume: 'Volume',
  startdatum: 'Startdatum',
  einddatum: 'Einddatum',
  neeTenzijReden: 'Reden (nee, tenzij)',
  vierOgenReden: 'Reden (vier ogen)',
  besluit: 'Besluit',
  toelichting: 'Toelichting',
  uitgevoerdOp: 'Datum evaluatie',
  nieuwVolume: 'Nieuw volume',
  doelen: 'Doelen',
  resultaat: 'Resultaat',
  oordeelGezin: 'Oordeel van het gezin',
  oordeelCijfer: 'Cijfer van het gezin',
  naarId: 'Nieuwe regisseur',
  bedragCents: 'Bedrag',
};

/** What one item of a list field is called, for "BSN van gezinslid 2". */
const ITEM_LABELS: Readonly<Record<string, string>> = {
  leden: 'gezinslid',
  domeinen: 'leefgebied',
  doelen: 'doel',
  koppelingen: 'koppeling',
  aanwezig: 'aanwezige',
};

/** "eigenWoorden" → "Eigen woorden": a readable fallback for a field without a label. */
function leesbaar(naam: string): string {
  const woorden = naam.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return woorden.charAt(0).toUpperCase() + woorden.slice(1);
}

export function veldLabel(naam: string): string {
  return VELD_LABELS[naam] ?? leesbaar(naam);
}

/**
 * A path of a validation issue as the user reads it: the label of the last field, with the
 * list items it sits in counted from 1 ("leden.1.bsn" → "BSN van gezinslid 2").
 */
export function veldOmschrijving(path: readonly PropertyKey[]): string {
  const delen = path.map((p) => (typeof p === 'symbol' ? String(p.description) : p));
  const laatsteNaam = [...delen].reverse().find((p) => typeof p === 'string');
  const label = laatsteNaam === undefined ? 'Invoer' : veldLabel(laatsteNaam);
  const items: string[] = [];
  delen.forEach((p, i) => {
    if (typeof p !== 'number') return;
    const lijst = delen[i - 1];
    const item =
      typeof lijst === 'string' ? (ITEM_LABELS[lijst] ?? veldLabel(lijst).toLowerCase()) : 'regel';
    items.push(`${item} ${p + 1}`);
  });
  // The list itself was the last name ("leden.1" is gezinslid 2 as a whole).
  if (typeof delen.at(-1) === 'number' && items.length > 0) {
    const geheel = items.pop()!;
    const rest = items.length ? ` van ${items.reverse().join(' van ')}` : '';
    return `${geheel.charAt(0).toUpperCase()}${geheel.slice(1)}${rest}`;
  }
  return items.length ? `${label} van ${items.reverse().join(' van ')}` : label;
}
