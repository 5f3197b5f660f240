/** Gezinsdossier: the family, its members and network, its action plans with care, and a timeline. */
import { and, eq } from 'drizzle-orm';
import { gezinMedewerkers, gezinsleden, netwerkleden } from '../../db/schema';
import type { ApiInput, Dossier } from '../../shared/api';
import { maskBsn } from '../../shared/bsn';
import { ageOn } from '../../shared/dates';
import { gezinVoor, werktMetGezin } from '../access';
import type { ReadCtx } from '../context';
import { professionalNamen } from '../sessie/profielen';
import { signalen } from '../taken/signalen';
import { actieplannenVan } from './actieplannen';
import { tijdlijn } from './tijdlijn';

type Gezin = ReturnType<typeof gezinVoor>;

/** Colleagues who work with the family beside the regisseur, by name. */
function medewerkersVan(ctx: ReadCtx, gezinId: string, naamVan: Map<string, string>) {
  return (
    ctx.db
      .select({ id: gezinMedewerkers.professionalId })
      .from(gezinMedewerkers)
      .where(and(eq(gezinMedewerkers.gezinId, gezinId), eq(gezinMedewerkers.deleted, false)))
      .all()
      // Added on two laptops offline, a colleague stands there twice: shown once (ADR 0003).
      .filter((m, i, alle) => alle.findIndex((x) => x.id === m.id) === i)
      .map((m) => ({ id: m.id, naam: naamVan.get(m.id) ?? '' }))
      .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
  );
}

function gezinKop(ctx: ReadCtx, gezin: Gezin, naamVan: Map<string, string>): Dossier['gezin'] {
  return {
    id: gezin.id,
    naam: gezin.naam,
    adres: gezin.adres,
    postcode: gezin.postcode,
    woonplaats: gezin.woonplaats,
    status: gezin.status,
    aangemeldOp: gezin.aangemeldOp,
    afgeslotenOp: gezin.afgeslotenOp,
    oordeelGezin: gezin.oordeelGezin,
    oordeelCijfer: gezin.oordeelCijfer,
    huisarts: gezin.huisarts,
    gezagToelichting: gezin.gezagToelichting,
    tolkNodig: gezin.tolkNodig,
    tolkTaal: gezin.tolkTaal,
    regisseurId: gezin.regisseurId,
    regisseurNaam: naamVan.get(gezin.regisseurId) ?? '',
    medewerkers: medewerkersVan(ctx, gezin.id, naamVan),
    magWijzigen: ctx.session.rol === 'jeugdprofessional' && werktMetGezin(ctx, gezin),
  };
}

/** Parents first, then the children, each by date of birth. */
function ledenVan(leden: (typeof gezinsleden.$inferSelect)[], today: string): Dossier['leden'] {
  return leden
    .sort((a, b) =>
      a.rol === b.rol ? a.geboortedatum.localeCompare(b.geboortedatum) : a.rol === 'ouder' ? -1 : 1,
    )
    .map((l) => ({
      id: l.id,
      rol: l.rol,
      voornaam: l.voornaam,
      achternaam: l.achternaam,
      geboortedatum: l.geboortedatum,
      leeftijd: ageOn(l.geboortedatum, today),
      bsnGemaskeerd: l.bsn ? maskBsn(l.bsn) : null,
      telefoon: l.telefoon,
      email: l.email,
      gezag: l.gezag,
      school: l.school,
    }));
}

export function dossier(ctx: ReadCtx, input: ApiInput<'gezin.dossier'>): Dossier {
  const gezin = gezinVoor(ctx, input.gezinId);
  const today = ctx.today();
  const naamVan = professionalNamen(ctx.db);
  const leden = ctx.db
    .select()
    .from(gezinsleden)
    .where(and(eq(gezinsleden.gezinId, gezin.id), eq(gezinsleden.deleted, false)))
    .all();
  const lidNaam = new Map(leden.map((l) => [l.id, l.voornaam]));
  const actieplanDetails = actieplannenVan(ctx, gezin.id, lidNaam, naamVan);
  return {
    gezin: gezinKop(ctx, gezin, naamVan),
    leden: ledenVan(leden, today),
    netwerk: ctx.db
      .select({
        id: netwerkleden.id,
        naam: netwerkleden.naam,
        relatie: netwerkleden.relatie,
        telefoon: netwerkleden.telefoon,
        rolInPlan: netwerkleden.rolInPlan,
      })
      .from(netwerkleden)
      .where(and(eq(netwerkleden.gezinId, gezin.id), eq(netwerkleden.deleted, false)))
      .all(),
    actieplannen: actieplanDetails,
    tijdlijn: tijdlijn(ctx, gezin, actieplanDetails, naamVan),
    signalen: signalen(ctx, { teamId: gezin.teamId, gezinId: gezin.id }),
  };
}
