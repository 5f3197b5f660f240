/** Who the profile belongs to, the profiles on this laptop and the team's settings. */
import type { sessieMethods } from '../../shared/api/sessie';
import type { Handlers } from '../handler';
import { collegas } from '../gezin/gezin';
import { profielenLijst, persoonVan, sessieKiezen, sessieWie } from './profielen';
import { teamVergrendeling } from './team-instellingen';

export const sessieHandlers = {
  'sessie.wie': sessieWie,
  'sessie.kiezen': sessieKiezen,
  'profielen.lijst': (ctx) => profielenLijst(ctx.db, persoonVan(ctx)),
  'team.collegas': collegas,
  'team.vergrendeling': teamVergrendeling,
} satisfies Handlers<typeof sessieMethods>;
