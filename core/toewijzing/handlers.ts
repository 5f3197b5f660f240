/** Toewijzingen: the providers for a zorgprofiel, the proposal, start, evaluation and stop. */
import type { toewijzingMethods } from '../../shared/api/toewijzing';
import type { Handlers } from '../handler';
import { aanbiedersVoorProfiel } from './aanbieders';
import { evaluatieVastleggen } from './evaluatie';
import { toewijzingAanmaken, toewijzingStart, toewijzingStoppen } from './toewijzing';
import { toewijzingVoorstel } from './voorstel';

export const toewijzingHandlers = {
  'aanbieders.voorProfiel': aanbiedersVoorProfiel,
  'toewijzing.voorstel': toewijzingVoorstel,
  'toewijzing.aanmaken': toewijzingAanmaken,
  'toewijzing.startVastleggen': toewijzingStart,
  'evaluatie.vastleggen': evaluatieVastleggen,
  'toewijzing.stoppen': toewijzingStoppen,
} satisfies Handlers<typeof toewijzingMethods>;
