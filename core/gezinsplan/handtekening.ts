/**
 * Signatures under the gezinsplan: a family member signs the last fixed version on the
 * touchscreen or trackpad. The signature keeps the version it approves, and signing is the
 * family's consent to that version (as `gezinsplan.toestemming` records it without a pen).
 */
import { gezinsplannen, handtekeningen } from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { gezinVoor } from '../access';
import type { Ctx } from '../context';
import { eisOngewijzigdeVersie, bestaandPlan } from './gezinsplan';

export function gezinsplanOndertekenen(
  ctx: Ctx,
  input: ApiInput<'gezinsplan.ondertekenen'>,
): ApiOutput<'gezinsplan.ondertekenen'> {
  gezinVoor(ctx, input.gezinId, { schrijven: true });
  const plan = bestaandPlan(ctx, input.gezinId);
  const laatste = eisOngewijzigdeVersie(ctx, plan);
  ctx.write.insert(handtekeningen, {
    planId: plan.id,
    versie: laatste.voorgesteld,
    versieId: laatste.id,
    naam: input.naam,
    rol: input.rol,
    lijnen: input.lijnen,
    getekendOp: ctx.now(),
  });
  if (input.rol !== 'regisseur')
    ctx.write.update(gezinsplannen, plan.id, {
      toestemmingVersie: laatste.voorgesteld,
      toestemmingVersieId: laatste.id,
      toestemmingOp: ctx.today(),
      toestemmingDoor: input.naam,
    });
  return { versie: laatste.versie };
}
