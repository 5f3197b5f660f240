/**
 * What the readers of an incoming message (JW305, JW307, JW315) show first: the message, the
 * provider that sent it, the gemeente it is for and the client, with names looked up here.
 */
import { eq } from 'drizzle-orm';
import { aanbieders, gemeenten } from '../../db/schema';
import type { ReadCtx } from '../context';

export function berichtKop(ctx: ReadCtx, t: (pad: string) => string | null) {
  const agb = t('Header/Afzender')!;
  const gemeenteCode = t('Header/Ontvanger')!;
  const bsn = t('Client/Bsn')!;
  const aanbieder = ctx.db
    .select({ naam: aanbieders.naam })
    .from(aanbieders)
    .where(eq(aanbieders.agbCode, agb))
    .get();
  const gemeente = ctx.db
    .select({ naam: gemeenten.naam })
    .from(gemeenten)
    .where(eq(gemeenten.code, `GM${gemeenteCode}`))
    .get();
  return {
    berichtId: t('Header/BerichtIdentificatie/Identificatie')!,
    dagtekening: t('Header/BerichtIdentificatie/Dagtekening')!,
    aanbieder: { agbCode: agb, naam: aanbieder?.naam ?? null },
    gemeente: { code: gemeenteCode, naam: gemeente?.naam ?? null },
    client: {
      bsn,
      geboortedatum: t('Client/Geboortedatum/Datum')!,
      // CDT_VerkorteNaam: the surname inside its Geslachtsnaam.
      achternaam: [
        t('Client/Naam/Geslachtsnaam/Voorvoegsel'),
        t('Client/Naam/Geslachtsnaam/Achternaam'),
      ]
        .filter(Boolean)
        .join(' '),
    },
  };
}
