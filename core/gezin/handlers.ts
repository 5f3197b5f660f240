/** The caseload and a family's own record. */
import type { gezinMethods } from '../../shared/api/gezin';
import type { Handlers } from '../handler';
import { dossier } from './dossier';
import {
  gezinAanmaken,
  gezinGegevens,
  gezinslidOpslaan,
  gezinslidVerwijderen,
  netwerklidOpslaan,
  netwerklidVerwijderen,
} from './gezin';
import { gezinnenLijst } from './gezinnen';
import { gezinAfsluiten } from './afsluiten';
import { gezinMedewerker, gezinOverdragen } from './regie';

export const gezinHandlers = {
  'gezinnen.lijst': gezinnenLijst,
  'gezin.aanmaken': gezinAanmaken,
  'gezin.dossier': dossier,
  'gezinslid.opslaan': gezinslidOpslaan,
  'gezinslid.verwijderen': gezinslidVerwijderen,
  'gezin.gegevens': gezinGegevens,
  'netwerklid.opslaan': netwerklidOpslaan,
  'netwerklid.verwijderen': netwerklidVerwijderen,
  'gezin.afsluiten': gezinAfsluiten,
  'gezin.medewerker': gezinMedewerker,
  'gezin.overdragen': gezinOverdragen,
} satisfies Handlers<typeof gezinMethods>;
