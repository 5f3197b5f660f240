/** The sociale kaart: search, and voorzieningen used in an action plan. */
import type { socialeKaartMethods } from '../../shared/api/sociale-kaart';
import type { Handlers } from '../handler';
import { socialeKaartZoeken, voorzieningInzetten, voorzieningWeghalen } from './sociale-kaart';

export const socialeKaartHandlers = {
  'socialeKaart.zoeken': socialeKaartZoeken,
  'actieplan.voorzieningInzetten': voorzieningInzetten,
  'actieplan.voorzieningWeghalen': voorzieningWeghalen,
} satisfies Handlers<typeof socialeKaartMethods>;
