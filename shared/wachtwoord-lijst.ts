/**
 * The words and passwords people pick most, as the password rule (`wachtwoord.ts`) looks for
 * them inside a password: a hand-written list (no public list could be downloaded here) of the
 * commonest English and Dutch passwords and their stems, words of this work (gemeente,
 * jeugdzorg), the region's towns and football clubs, months and days, pets and first names.
 * Lower case, letters only and at least four long: digits, years, sequences (123, qwerty),
 * repetition and leetspeak (w@chtw00rd) are the rule's own checks, so `Welkom2024!` is caught by
 * `welkom` here and the year there.
 */
const WOORDEN = `
password passwort passwd wachtwoord wachtwoordje paswoord passwoord wachtw geheim geheimpje
geheimen secret secrets welkom welcome hallo hello hoihoi letmein login logon inloggen
aanmelden toegang access admin administrator beheer beheerder root system systeem default
standaard changeme veranderen wijzigen tijdelijk temp temporary guest gast user gebruiker
gebruikersnaam username test testen tester testing proef voorbeeld example demo sample
master qwerty azerty qwertz asdf zxcv qazwsx trustno trustnoone iloveyou loveyou lovely love
liefde liefje lief lieverd lieve lieveheer schat schatje schatjes schatten snoes snoesje
knuffel knuffels kusjes kusje dikkerd dikkie lekker lekkerding mooi mooie leuk leuke gezellig
gekkie gekke sukkel stomkop dombo whatever nothing something anything forever together
freedom vrijheid secret monkey dragon shadow sunshine princess prinses prins prince queen
king koning koningin ridder knight kasteel castle football voetbal soccer baseball basketball
hockey tennis korfbal volleybal handbal golf zwemmen schaatsen fietsen fiets wielrennen
superman batman spiderman ironman starwars startrek pokemon pikachu minecraft fortnite roblox
zelda mario nintendo playstation xbox gamer gaming player speler hacker killer hunter ranger
slayer warrior legend phoenix falcon eagle tiger tijger lion leeuw panther wolf bear beer
beertje shark haai snake slang horse paard paarden rabbit konijn konijntje kitten kitty
katten poes poesje poezen puppy doggy hond hondje honden dolfijn dolphin turtle schildpad
spider spin vogel vogels vlinder butterfly bloem bloemen flower flowers tulp tulpen roos
rozen zonnebloem rainbow regenboog eenhoorn unicorn draak draken angel angels engel engeltje
heaven hemel jesus christ christus godzijdank blessed faith hope peace vrede geloof hoop
happy blij vrolijk gelukkig geluk lucky succes smile glimlach funny grappig crazy cool super
magic magie wizard tovenaar merlin matrix ninja pirate piraat joker computer laptop internet
netwerk network server database oracle windows microsoft apple iphone android samsung google
facebook instagram twitter youtube linkedin netflix spotify whatsapp tiktok hotmail gmail
outlook ziggo kpn mustang ferrari porsche corvette mercedes volkswagen toyota bmwbmw
chelsea arsenal liverpool manchester united barcelona madrid juventus ajax feyenoord psveindhoven
eindhoven utrecht twente vitesse heerenveen groningen willem az alkmaar sparta excelsior
nederland holland hollander oranje koningsdag sinterklaas zwartepiet kerstmis kerst kerstman
pasen paashaas carnaval vakantie zomervakantie strand zee zeeland water vuur aarde lucht
ster sterren sterretje maan zonnetje zomer winter lente herfst voorjaar najaar sneeuw regen
summer spring autumn maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday
tuesday wednesday thursday friday saturday sunday januari februari maart april juni juli
augustus september oktober november december january february march june july august
october amsterdam rotterdam denhaag gravenhage eindhoven tilburg breda nijmegen arnhem
zwolle leiden haarlem delft dordrecht zwijndrecht papendrecht sliedrecht hendrikidoambacht
ambacht alblasserdam alblasserwaard gorinchem gorkum hardinxveld giessendam molenlanden
molenwaard leerdam vijfheerenlanden gouda schiedam vlaardingen zoetermeer almere lelystad
maastricht venlo roermond enschede hengelo apeldoorn deventer amersfoort hilversum
drechtsteden zuidholland noordholland brabant limburg friesland drenthe overijssel
gelderland flevoland familie family gezin moeder mother mama mamma mammie vader father papa
pappa pappie oma opa omaopa zusje zus zussen broer broertje broers sister brother baby
babygirl babyboy kindje kinderen jongen jongens meisje meisjes vriend vriendin vrienden
vriendje vriendinnetje friend friends bestie buddy maatje kaas kaasje cheese appel appels
apple banaan banana aardbei strawberry chocola chocolade chocolate koekje koekjes cookie
cookies snoep snoepje drop pizza patat friet frikandel kroket bier biertje heineken wijn
koffie thee melk boter brood pindakaas hagelslag stroopwafel cheese pepper ginger honey
honing sweety sweetie sweetheart darling darlin schatz gemeente jeugdzorg jeugdteam
jeugdhulp jeugdwet wijkteam sociaalteam zorg zorgverlener zorgteam regio eenplan kantoor
werk werken collega collegas medewerker teamcoach jeugdprofessional professional jeugd
hulpverlener hulp school studie student docent meester juffrouw geld money euro euros rijk
dollar toekomst future leven life eerste begin start nieuw nieuwe
thomas michael jennifer jordan charlie daniel andrew jessica ashley michelle nicole hannah
george harley robert matthew maggie bailey pepper ginger buster tigger diamond crystal
silver golden orange purple yellow black white green groen blauw rood geel zwart paars
roze oranje goud zilver diamant kristal
jeroen sander thijs ruben stijn koen kevin mike nick robin sven niels jasper wouter joost
maarten vincent dennis erik mark martin marco peter pieter klaas hans bert henk gerrit willem
johan kees piet jans daan lucas levi finn milan noah luuk jesse bram lars julian jayden
mohamed mohammed ahmed youssef ibrahim mustafa fatima yasmina yasmine aisha anna emma julia
sophie sanne lisa sara sarah fleur lotte anouk iris femke marloes ingrid linda monique petra
sandra esther marieke annemarie maria marie tessa nina mila lieke manon bianca chantal ilse
ellen karin marja annie truus jantje pietje keesje sinterklaas zwarte
`;

/** Every entry, lower case. */
export const VEELGEBRUIKTE_WOORDEN: ReadonlySet<string> = new Set(
  WOORDEN.split(/\s+/).filter((w) => w.length >= 4),
);
