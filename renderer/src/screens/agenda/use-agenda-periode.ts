import { useState } from 'react';
import {
  addDays,
  addMonths,
  maandagVan,
  maandRaster,
  type IsoDate,
} from '../../../../shared/dates';
import { formatDate, lokaleDatum } from '../../format';
import { MAANDEN, type Weergave } from './AgendaRaster';

/** Which week or month the agenda shows, its days, and stepping back and forth. */
export function useAgendaPeriode() {
  const [weergave, setWeergave] = useState<Weergave>('week');
  const [anker, setAnker] = useState<IsoDate>(lokaleDatum());
  const periode =
    weergave === 'week'
      ? { van: maandagVan(anker), tot: addDays(maandagVan(anker), 6) }
      : maandRaster(anker);
  const dagen = Array.from({ length: weergave === 'week' ? 7 : 42 }, (_, i) =>
    addDays(periode.van, i),
  );
  const stap = (richting: number) =>
    setAnker(
      weergave === 'week'
        ? addDays(anker, 7 * richting)
        : addMonths(`${anker.slice(0, 7)}-01`, richting),
    );
  const titel =
    weergave === 'week'
      ? `Week van ${formatDate(periode.van)} t/m ${formatDate(periode.tot)}`
      : `${MAANDEN[Number(anker.slice(5, 7)) - 1]!.replace(/^./, (c) => c.toUpperCase())} ${anker.slice(0, 4)}`;
  return { weergave, setWeergave, anker, setAnker, periode, dagen, stap, titel };
}
