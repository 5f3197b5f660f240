/** Taken en signalen for one professional: the own families' signals and the approvals asked of them. */
import type { ApiOutput, SignaalSoort } from '../../shared/api';
import { SIGNAAL_SOORTEN } from '../../shared/api';
import { formatEuro } from '../../shared/money';
import type { ReadCtx } from '../context';
import { akkoordWachtrij } from '../akkoord/akkoord';
import { signalen } from './signalen';

export function takenLijst(ctx: ReadCtx): ApiOutput<'taken.lijst'> {
  const teamId = ctx.session.teamId;
  if (!teamId)
    return {
      signalen: [],
      perSoort: Object.fromEntries(SIGNAAL_SOORTEN.map((s) => [s, 0])) as Record<
        SignaalSoort,
        number
      >,
    };
  const own = signalen(ctx, {
    teamId,
    ...(ctx.session.rol === 'jeugdprofessional' ? { regisseurId: ctx.session.professionalId } : {}),
  });
  const gevraagd = akkoordWachtrij(ctx).map((a) => ({
    soort: 'akkoord_gevraagd' as const,
    gezinId: a.gezinId,
    gezinNaam: a.gezinNaam,
    datum: a.aangevraagdOp,
    tekst: `${a.aangevraagdDoorNaam} vraagt uw akkoord: ${a.omschrijving} (${formatEuro(a.totaalCents)})`,
  }));
  const all = [...gevraagd, ...own];
  const perSoort = Object.fromEntries(
    SIGNAAL_SOORTEN.map((s) => [s, all.filter((x) => x.soort === s).length]),
  ) as Record<SignaalSoort, number>;
  return { signalen: all, perSoort };
}
