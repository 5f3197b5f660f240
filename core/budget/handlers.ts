/** Budget figures: the dashboard, the rows behind a figure, team budgets and own costs. */
import type { budgetMethods } from '../../shared/api/budget';
import type { Handlers } from '../handler';
import { berekenDashboard } from './dashboard';
import { mijnKosten } from './kosten';
import { regelsAchterCijfer } from './regels';
import { budgetOverzicht, budgetVaststellen } from './teambudget';

export const budgetHandlers = {
  'budget.dashboard': berekenDashboard,
  'budget.regels': (ctx, input) => regelsAchterCijfer(ctx, input.filter, input.doorklik),
  'budget.overzicht': budgetOverzicht,
  'budget.vaststellen': budgetVaststellen,
  'kosten.mijn': mijnKosten,
} satisfies Handlers<typeof budgetMethods>;
