/**
 * Whether a line of a JW305 or JW307 can be recorded on its toewijzing: the rules of
 * `toewijzing.startVastleggen` and `toewijzing.stoppen`, and a line recorded before with the
 * same data is "already done", not an error.
 */
import { formatDate } from '../../shared/dates';
import { IJW_REDENEN_BEEINDIGING } from '../../shared/domain';
import type { Deps } from '../context';
import type { Rij } from './start-stop-koppelen';
import type { Regel, Soort } from './start-stop-lezen';

/** LDT_StatusAanlevering 3: the provider withdraws what it reported before. */
const VERWIJDEREN = '3';

const d = formatDate;

/**
 * What recording this line would do to the toewijzing: nothing (recorded before with the same
 * data), or why it cannot. The rules of `toewijzing.startVastleggen` and `toewijzing.stoppen`.
 */
export function beoordeel(
  ctx: Deps,
  soort: Soort,
  r: Regel,
  t: Rij['t'],
): { alVerwerkt: boolean; probleem: string | null } {
  const nee = (probleem: string) => ({ alVerwerkt: false, probleem });
  if (r.status === VERWIJDEREN)
    return nee(
      `Dit bericht trekt een eerder gemelde ${soort === 'jw305' ? 'start' : 'stop'} in (StatusAanlevering 3). Dat verwerkt Eenplan niet zelf: overleg met de aanbieder.`,
    );
  if (t.status === 'ter_accordering')
    return nee('Deze toewijzing wacht nog op het vier-ogenakkoord.');
  if (t.status === 'concept' || t.status === 'ingetrokken')
    return nee(`Deze toewijzing is ${t.status === 'concept' ? 'een concept' : 'ingetrokken'}.`);
  if (soort === 'jw305') {
    if (t.status !== 'toegewezen')
      return t.werkelijkeStart === r.begin
        ? { alVerwerkt: true, probleem: null }
        : nee(
            t.werkelijkeStart
              ? `De start van de zorg is al vastgelegd op ${d(t.werkelijkeStart)}; dit bericht noemt ${d(r.begin)}.`
              : 'Deze toewijzing loopt niet meer.',
          );
    if (r.begin > ctx.today())
      return nee(`De zorg kan niet in de toekomst gestart zijn (begindatum ${d(r.begin)}).`);
    if (r.begin < t.startdatum)
      return nee(
        `De begindatum ${d(r.begin)} ligt vóór de startdatum van de toewijzing (${d(t.startdatum)}).`,
      );
    if (r.begin > t.einddatum)
      return nee(
        `De begindatum ${d(r.begin)} ligt na het einde van de toewijzing (${d(t.einddatum)}).`,
      );
    return { alVerwerkt: false, probleem: null };
  }
  const einde = r.einde!;
  if (t.status === 'beeindigd')
    return t.beeindigdOp === einde && t.redenBeeindiging === r.reden
      ? { alVerwerkt: true, probleem: null }
      : nee(
          `Deze toewijzing is al beëindigd op ${t.beeindigdOp ? d(t.beeindigdOp) : 'een eerdere datum'}${
            t.redenBeeindiging
              ? ` (${IJW_REDENEN_BEEINDIGING.labels[t.redenBeeindiging].toLowerCase()})`
              : ''
          }.`,
        );
  if (t.status === 'toegewezen')
    return nee(
      'Voor deze toewijzing is nog geen start van de zorg vastgelegd. Lees eerst het startbericht (JW305) in.',
    );
  const start = t.werkelijkeStart ?? t.startdatum;
  if (r.begin !== start)
    return nee(
      `De begindatum in het bericht (${d(r.begin)}) is niet de vastgelegde start van de zorg (${d(start)}).`,
    );
  if (einde < start)
    return nee(`De einddatum ${d(einde)} ligt vóór de start van de zorg (${d(start)}).`);
  if (einde > t.einddatum)
    return nee(`De einddatum ${d(einde)} ligt na het einde van de toewijzing (${d(t.einddatum)}).`);
  return { alVerwerkt: false, probleem: null };
}
