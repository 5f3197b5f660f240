/**
 * The agenda: planned visits beside the dates the plans already hold (evaluatiemomenten, end
 * dates of toewijzingen, agreements due), for a week or a month. A jeugdprofessional sees the
 * families he or she works with and the own visits; a teamcoach sees the whole team.
 */
import { and, eq } from 'drizzle-orm';
import { bezoeken } from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import type { AgendaItem, AgendaSoort } from '../../shared/api';
import { BEZOEK_SOORTEN, type BezoekSoort } from '../../shared/domain';
import { ApiError } from '../api-error';
import { gezinVoor } from '../access';
import type { Ctx, ReadCtx } from '../context';
import { stmt } from '../prepared';
import { sqlLijst, TOEWIJZING_LOPEND } from '../../shared/statussen';

const OPEN_TOEWIJZING = `t.deleted = 0 AND t.status IN (${sqlLijst(TOEWIJZING_LOPEND)})`;

const AGENDA_SQL = `
  WITH mijn AS (
    SELECT g.id, g.naam FROM gezinnen g
     WHERE g.team_id = @teamId AND g.deleted = 0 AND g.status != 'afgesloten'
       AND (@heelTeam = 1 OR g.regisseur_id = @ik OR EXISTS (
             SELECT 1 FROM gezin_medewerkers m
              WHERE m.gezin_id = g.id AND m.professional_id = @ik AND m.deleted = 0))
  )
  SELECT * FROM (
  SELECT 'bezoek' AS soort, b.id, substr(b.op, 1, 10) AS datum, substr(b.op, 12, 5) AS tijd,
         b.duur_minuten AS duur, b.soort AS sub, b.onderwerp AS tekst, g.id AS gezinId, g.naam AS gezinNaam
    FROM mijn g JOIN bezoeken b ON b.gezin_id = g.id
   WHERE b.deleted = 0 AND b.op >= @van AND b.op < @totNa AND (@heelTeam = 1 OR b.professional_id = @ik)
  UNION ALL
  SELECT 'evaluatie', e.id, e.gepland_op, NULL, NULL, NULL, p.omschrijving || ' voor ' || l.voornaam, g.id, g.naam
    FROM mijn g JOIN gezinsleden l ON l.gezin_id = g.id JOIN toewijzingen t ON t.gezinslid_id = l.id
    JOIN evaluaties e ON e.toewijzing_id = t.id JOIN producten p ON p.id = t.product_id
   WHERE ${OPEN_TOEWIJZING} AND e.deleted = 0 AND e.uitgevoerd_op IS NULL
     AND e.gepland_op BETWEEN @van AND @tot
  UNION ALL
  SELECT 'einde_toewijzing', t.id, t.einddatum, NULL, NULL, NULL, p.omschrijving || ' voor ' || l.voornaam, g.id, g.naam
    FROM mijn g JOIN gezinsleden l ON l.gezin_id = g.id JOIN toewijzingen t ON t.gezinslid_id = l.id
    JOIN producten p ON p.id = t.product_id
   WHERE ${OPEN_TOEWIJZING} AND t.einddatum BETWEEN @van AND @tot
  UNION ALL
  SELECT 'afspraak', a.id, a.uiterlijk, NULL, NULL, NULL, a.wat || ' (' || a.wie || ')', g.id, g.naam
    FROM mijn g JOIN gezinsplannen pl ON pl.gezin_id = g.id JOIN afspraken a ON a.plan_id = pl.id
   WHERE a.deleted = 0 AND a.status = 'open' AND a.uiterlijk BETWEEN @van AND @tot
  )
  ORDER BY datum, tijd IS NULL, tijd, gezinNaam`;

interface Rij {
  soort: AgendaSoort;
  id: string;
  datum: string;
  tijd: string | null;
  duur: number | null;
  sub: BezoekSoort | null;
  tekst: string;
  gezinId: string;
  gezinNaam: string;
}

const TITELS: Record<Exclude<AgendaSoort, 'bezoek'>, string> = {
  evaluatie: 'Evaluatie',
  einde_toewijzing: 'Einde toewijzing',
  afspraak: 'Afspraak',
};

export function agendaLijst(
  ctx: ReadCtx,
  input: ApiInput<'agenda.lijst'>,
): ApiOutput<'agenda.lijst'> {
  if (!ctx.session.teamId) throw new ApiError('geen-toegang', 'De agenda hoort bij een team.');
  const rijen = stmt(ctx, AGENDA_SQL).all({
    teamId: ctx.session.teamId,
    ik: ctx.session.professionalId,
    heelTeam: ctx.session.rol === 'teamcoach' ? 1 : 0,
    van: input.van,
    tot: input.tot,
    // Visits are stored with their time: everything before the day after `tot`.
    totNa: `${input.tot}T99`,
  }) as Rij[];
  const items: AgendaItem[] = rijen.map((r) => ({
    id: r.id,
    soort: r.soort,
    datum: r.datum,
    tijd: r.tijd,
    duurMinuten: r.duur,
    titel:
      r.soort === 'bezoek'
        ? `${BEZOEK_SOORTEN.labels[r.sub!]}${r.tekst ? `: ${r.tekst}` : ''}`
        : `${TITELS[r.soort]}: ${r.tekst}`,
    gezinId: r.gezinId,
    gezinNaam: r.gezinNaam,
  }));
  return { items };
}

export function bezoekPlannen(
  ctx: Ctx,
  input: ApiInput<'bezoek.plannen'>,
): ApiOutput<'bezoek.plannen'> {
  const gezin = gezinVoor(ctx, input.gezinId, { schrijven: true });
  const waarden = {
    soort: input.soort,
    op: input.op,
    duurMinuten: input.duurMinuten,
    onderwerp: input.onderwerp,
  };
  if (!input.id)
    return {
      id: ctx.write.insert(bezoeken, {
        ...waarden,
        gezinId: gezin.id,
        professionalId: ctx.session.professionalId,
      }),
    };
  const bestaand = bezoekVan(ctx, input.id);
  if (bestaand.gezinId !== gezin.id)
    throw new ApiError('niet-gevonden', 'Dit bezoek hoort niet bij dit gezin.');
  ctx.write.update(bezoeken, input.id, waarden);
  return { id: input.id };
}

function bezoekVan(ctx: ReadCtx, id: string) {
  const bezoek = ctx.db
    .select()
    .from(bezoeken)
    .where(and(eq(bezoeken.id, id), eq(bezoeken.deleted, false)))
    .get();
  if (!bezoek) throw new ApiError('niet-gevonden', 'Dit bezoek is niet gevonden.');
  return bezoek;
}

export function bezoekVerwijderen(
  ctx: Ctx,
  input: ApiInput<'bezoek.verwijderen'>,
): ApiOutput<'bezoek.verwijderen'> {
  const bezoek = bezoekVan(ctx, input.id);
  gezinVoor(ctx, bezoek.gezinId, { schrijven: true });
  ctx.write.tombstone(bezoeken, input.id);
  return { id: input.id };
}
