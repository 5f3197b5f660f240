/**
 * Reads a provider's iJw 3.2 JW305 (start of care) and JW307 (stop of care, with its JZ588
 * reason) and records them on the toewijzing they are about: the actual start (and so the
 * waiting time) and the end. A message is checked against its official XSD before anything in it
 * is used, as a JW315 is (core/ijw/jw315.ts); it is matched to a toewijzing of the caller's team
 * by its ToewijzingNummer, and BSN, product and provider must agree. Recording goes through the
 * same rules as recording a start or stop by hand (core/toewijzing/toewijzing.ts), for the whole
 * message in one transaction: all of it, or nothing.
 */
import { eq } from 'drizzle-orm';
import { gemeenten, teams, toewijzingen } from '../../db/schema';
import type { ApiInput, ApiOutput, StartStopBericht } from '../../shared/api';
import { daysInclusive } from '../../shared/dates';
import {
  IJW_REDENEN_BEEINDIGING,
  type EindeReden,
  type IjwRedenBeeindiging,
} from '../../shared/domain';
import { ApiError } from '../api-error';
import { raakGezin } from '../access';
import type { Ctx, ReadCtx } from '../context';
import { toewijzingStart, toewijzingStoppen } from '../toewijzing/toewijzing';
import { inTransaction } from '../../db/transaction';
import { berichtKop } from './bericht-kop';
import { beoordeel } from './start-stop-beoordelen';
import { teamToewijzingen, zoekToewijzing, type Rij } from './start-stop-koppelen';
import { lees, regelVan, type Gelezen } from './start-stop-lezen';
import type { Element } from './xml';

type Product = StartStopBericht['producten'][number];

/** JZ588 in Eenplan's own end reasons (the JZ588 code itself is kept beside it). */
export function eindeRedenVoor(code: IjwRedenBeeindiging, verhuizing = false): EindeReden {
  if (code === '31') return 'volgens_plan';
  if (code === '32') return 'voortijdig_client';
  if (code === '33') return 'voortijdig_aanbieder';
  // 35 "externe oorzaak" is a move, a disappearance or an abduction: the professional knows.
  if (code === '35' && verhuizing) return 'verhuizing';
  return 'overig';
}

/** The whole message, matched and judged against the database as it is now. */
function bekijk(ctx: ReadCtx, g: Gelezen, verhuizing = false): StartStopBericht {
  const kop = berichtKop(ctx, g.t);
  const probleem = andereGemeente(ctx, kop.gemeente.code, kop.gemeente.naam ?? undefined);
  const rijen = teamToewijzingen(ctx);
  const productenUit = g.regels.map((el) => bekijkProduct(ctx, g, el, rijen, verhuizing));
  return {
    soort: g.soort,
    ...kop,
    probleem,
    producten: productenUit,
    verwerkbaar:
      probleem === null &&
      productenUit.every((p) => p.probleem === null) &&
      productenUit.some((p) => !p.alVerwerkt),
  };
}

/** A message for another gemeente than the caller's team's is refused as a whole. */
function andereGemeente(
  ctx: ReadCtx,
  gemeenteCode: string,
  gemeenteNaam: string | undefined,
): string | null {
  const eigen = ctx.session.teamId
    ? ctx.db
        .select({ code: gemeenten.code, naam: gemeenten.naam })
        .from(teams)
        .innerJoin(gemeenten, eq(gemeenten.id, teams.gemeenteId))
        .where(eq(teams.id, ctx.session.teamId))
        .get()
    : undefined;
  return eigen && eigen.code !== `GM${gemeenteCode}`
    ? `Dit bericht is voor gemeente ${gemeenteNaam ?? gemeenteCode}, niet voor ${eigen.naam}.`
    : null;
}

/** One line of the message: the toewijzing it is about, and whether it can be recorded. */
function bekijkProduct(
  ctx: ReadCtx,
  g: Gelezen,
  el: Element,
  rijen: Rij[],
  verhuizing: boolean,
): Product {
  const r = regelVan(el);
  const { rij, probleem: zoekProbleem } = zoekToewijzing(
    rijen,
    r,
    g.t('Client/Bsn')!,
    g.t('Header/Afzender')!,
  );
  const oordeel =
    rij && !zoekProbleem
      ? beoordeel(ctx, g.soort, r, rij.t)
      : { alVerwerkt: false, probleem: null };
  // Showing the toewijzing shows a family of the team: logged as a look at its dossier.
  if (rij) raakGezin(ctx, rij.gezinId);
  return {
    toewijzingNummer: r.nummer,
    categorie: r.categorie,
    productcode: r.code,
    toewijzingIngangsdatum: r.ingang,
    statusAanlevering: r.status,
    begindatum: r.begin,
    einddatum: r.einde,
    redenBeeindiging: r.reden
      ? { code: r.reden, label: IJW_REDENEN_BEEINDIGING.labels[r.reden] }
      : null,
    eindeReden: r.reden ? eindeRedenVoor(r.reden, verhuizing) : null,
    wachttijdDagen:
      g.soort === 'jw305' && rij && r.begin >= rij.t.startdatum
        ? daysInclusive(rij.t.startdatum, r.begin) - 1
        : null,
    toewijzing: rij
      ? {
          id: rij.t.id,
          gezinId: rij.gezinId,
          gezinNaam: rij.gezinNaam,
          jeugdige: `${rij.voornaam} ${rij.achternaam}`,
          aanbiederNaam: rij.aanbiederNaam,
          productcode: rij.productcode,
          productOmschrijving: rij.omschrijving,
          startdatum: rij.t.startdatum,
          einddatum: rij.t.einddatum,
          werkelijkeStart: rij.t.werkelijkeStart,
          beeindigdOp: rij.t.beeindigdOp,
          status: rij.t.status,
        }
      : null,
    alVerwerkt: oordeel.alVerwerkt,
    probleem: zoekProbleem ?? oordeel.probleem,
  };
}

export async function berichtLezen(
  ctx: ReadCtx,
  input: ApiInput<'ijw.berichtLezen'>,
): Promise<ApiOutput<'ijw.berichtLezen'>> {
  return bekijk(ctx, await lees(input.xml));
}

export async function berichtVerwerken(
  ctx: Ctx,
  input: ApiInput<'ijw.berichtVerwerken'>,
): Promise<ApiOutput<'ijw.berichtVerwerken'>> {
  const gelezen = await lees(input.xml);
  const naam = gelezen.soort.toUpperCase();
  let gewijzigd = false;
  const uit = inTransaction(ctx.sqlite, () => {
    const verwerkt: ApiOutput<'ijw.berichtVerwerken'>['toewijzingen'] = [];
    const regels = gelezen.regels.map(regelVan);
    for (const [i, r] of regels.entries()) {
      // Judged line by line against what the lines before it recorded (a line twice is once).
      const bericht = bekijk(ctx, { ...gelezen, regels: [gelezen.regels[i]!] }, input.verhuizing);
      const p = bericht.producten[0]!;
      const waar = regels.length > 1 ? ` (product ${i + 1} in het bericht)` : '';
      const probleem = bericht.probleem ?? p.probleem;
      if (probleem || !p.toewijzing)
        throw new ApiError(
          'conflict',
          `${naam} niet verwerkt${waar}: ${probleem ?? 'geen toewijzing gevonden.'} Er is niets vastgelegd.`,
        );
      const id = p.toewijzing.id;
      if (!p.alVerwerkt) {
        // The rules (and role) of recording a start or stop by hand apply.
        if (gelezen.soort === 'jw305') toewijzingStart(ctx, { id, datum: r.begin });
        else {
          toewijzingStoppen(ctx, { id, datum: r.einde!, reden: p.eindeReden! });
          ctx.write.update(toewijzingen, id, { redenBeeindiging: r.reden });
        }
        gewijzigd = true;
      }
      verwerkt.push({ id, gezinId: p.toewijzing.gezinId, gewijzigd: !p.alVerwerkt });
    }
    // The access log with the change, in its transaction (NEN 7513).
    ctx.toegangslog.schrijf(
      ctx.session.professionalId,
      [...ctx.geraakt].map(([gezinId, reden]) => ({
        actie: gewijzigd ? ('wijzigen' as const) : ('inzien' as const),
        gezinId,
        onderdeel: 'ijw.berichtVerwerken',
        reden,
      })),
    );
    ctx.geraakt.clear();
    return { soort: gelezen.soort, toewijzingen: verwerkt };
  });
  if (gewijzigd) ctx.sync.gewijzigd();
  return uit;
}
