import type { useQuery } from '../../api/hooks';

/** The year's budgets, changes and teams: read once for the screen, reloaded after a change. */
export type Overzicht = ReturnType<typeof useQuery<'budget.overzicht'>>;

/** A moment as the budget screens show it: short date and time. */
export const moment = (iso: string) =>
  new Date(iso).toLocaleString('nl-NL', { dateStyle: 'short', timeStyle: 'short' });
