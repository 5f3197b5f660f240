/** The access log (NEN 7513) and the AVG inzage. */
import type { auditMethods } from '../../shared/api/audit';
import type { Handlers } from '../handler';
import { bsnTonen, inzageReden, toegangslogLijst } from './inzage';
import { gezinInzage } from './inzage-export';

export const auditHandlers = {
  'gezinslid.bsnTonen': bsnTonen,
  'gezin.inzage': gezinInzage,
  'inzage.reden': inzageReden,
  'toegangslog.lijst': toegangslogLijst,
} satisfies Handlers<typeof auditMethods>;
