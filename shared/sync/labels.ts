/**
 * Words for synced tables and free-text fields, for people: the sync screen on the laptop and the
 * text the service forwards after a verhuizing ("Afspraak: Wat") say the same.
 */
const ONDERDELEN: Record<string, string> = {
  gezinnen: 'Gezin',
  gezinsleden: 'Gezinslid',
  netwerkleden: 'Netwerk',
  gezinsplannen: 'Gezinsplan',
  gezinsplan_domeinen: 'Leefdomein',
  afspraken: 'Afspraak',
  actieplannen: 'Actieplan',
  doelen: 'Doel',
  evaluaties: 'Evaluatie',
  akkoorden: 'Akkoord',
  overdrachten: 'Overdracht',
  budget_wijzigingen: 'Budgetwijziging',
  gezinsplan_versies: 'Versie van het gezinsplan',
  handtekeningen: 'Handtekening',
  ingezette_voorzieningen: 'Ingezette voorziening',
  zorgprofielen: 'Zorgprofiel',
  toewijzingen: 'Toewijzing',
  gezin_medewerkers: 'Medewerker',
  gespreksverslagen: 'Gespreksverslag',
  bezoeken: 'Bezoek',
  teambudgetten: 'Teambudget',
  doorgestuurde_teksten: 'Doorgestuurde tekst',
  doel_scores: 'Voortgang van een doel',
  gespreksverslag_versies: 'Eerdere versie van een gespreksverslag',
  correcties: 'Correctie',
};

const VELDEN: Record<string, string> = {
  adres: 'Adres',
  oordeelGezin: 'Oordeel van het gezin',
  rolInPlan: 'Rol in het plan',
  eigenWoorden: 'In eigen woorden',
  toekomstplan: 'Toekomstplan',
  situatie: 'Situatie',
  doel: 'Doel',
  wat: 'Wat',
  wie: 'Wie',
  hulpvraag: 'Hulpvraag',
  problemen: 'Problemen',
  eigenKracht: 'Eigen kracht',
  netwerk: 'Netwerk',
  voorliggend: 'Voorliggend veld',
  omschrijving: 'Omschrijving',
  meetbaar: 'Meetbaar',
  toelichting: 'Toelichting',
  reden: 'Reden',
  verslag: 'Verslag',
  onderwerp: 'Onderwerp',
};

export const onderdeel = (tabel: string) => ONDERDELEN[tabel] ?? tabel;
export const veldLabel = (veld: string) => VELDEN[veld] ?? veld;
