/** Mijn gezinnen: the caseload with search, filters, counts and signals. */
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { gezinnen, gezinsleden, professionals } from '../../db/schema';
import { GEZINNEN_PAGINA_MAX, type ApiInput, type ApiOutput } from '../../shared/api';
import { isValidBsn } from '../../shared/bsn';
import { addDays, parseDutchDate } from '../../shared/dates';
import { GEZIN_STATUSSEN, type GezinStatus, type ZorgprofielCategorie } from '../../shared/domain';
import { ApiError } from '../api-error';
import { stmt } from '../prepared';
import type { ReadCtx } from '../context';
import { gezinnenMetNaam } from './naam-index';
import { signalen } from '../taken/signalen';
import { sqlLijst, TOEWIJZING_ACTIEF } from '../../shared/statussen';

/** An evaluation counts as "due" from two weeks before its planned date. */
export const EVALUATIE_BINNENKORT_DAGEN = 14;

const memberFamilies = (condition: SQL) =>
  inArray(
    gezinnen.id,
    sql`(SELECT ${gezinsleden.gezinId} FROM ${gezinsleden} WHERE ${gezinsleden.deleted} = 0 AND ${condition})`,
  );

/** A search term is a BSN, a date of birth (dd-mm-jjjj) or part of a name. */
function searchCondition(ctx: ReadCtx, teamId: string, term: string): SQL {
  const compact = term.replace(/\s/g, '');
  if (/^\d{9}$/.test(compact)) {
    if (!isValidBsn(compact))
      throw new ApiError('ongeldige-invoer', 'Dit BSN klopt niet (de elfproef faalt).', 'zoek');
    return memberFamilies(sql`${gezinsleden.bsn} = ${compact}`);
  }
  const date = parseDutchDate(term);
  if (date) return memberFamilies(sql`${gezinsleden.geboortedatum} = ${date}`);
  const ids = gezinnenMetNaam(ctx, teamId, term.trim());
  if (ids.length === 0) return sql`0`;
  return sql`${gezinnen.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

const ACTIEF_SQL = `t.deleted = 0 AND t.status IN (${sqlLijst(TOEWIJZING_ACTIEF)})`;
const activeToewijzing = sql.raw(ACTIEF_SQL);

function profielCondition(categorie: ZorgprofielCategorie): SQL {
  return inArray(
    gezinnen.id,
    sql`(SELECT l.gezin_id FROM toewijzingen t JOIN zorgprofielen z ON z.id = t.zorgprofiel_id JOIN gezinsleden l ON l.id = t.gezinslid_id
         WHERE ${activeToewijzing} AND z.categorie = ${categorie})`,
  );
}

function evaluatieCondition(limit: string): SQL {
  return inArray(
    gezinnen.id,
    sql`(SELECT l.gezin_id FROM evaluaties e JOIN toewijzingen t ON t.id = e.toewijzing_id JOIN gezinsleden l ON l.id = t.gezinslid_id
         WHERE ${activeToewijzing} AND e.deleted = 0 AND e.uitgevoerd_op IS NULL AND e.gepland_op <= ${limit})`,
  );
}

/** The families per status, whatever status the list is filtered on. */
function telPerStatus(ctx: ReadCtx, base: SQL[]): Record<GezinStatus, number> {
  const perStatus = Object.fromEntries(GEZIN_STATUSSEN.codes.map((s) => [s, 0])) as Record<
    GezinStatus,
    number
  >;
  for (const row of ctx.db
    .select({ status: gezinnen.status, n: count() })
    .from(gezinnen)
    .where(and(...base))
    .groupBy(gezinnen.status)
    .all()) {
    perStatus[row.status] = row.n;
  }
  return perStatus;
}

/** The youths (by birth date) and the zorgprofielen of active help of each family in `ids`. */
function jeugdigenEnProfielen(ctx: ReadCtx, ids: string[]) {
  const youths = new Map<string, { voornaam: string; geboortedatum: string }[]>();
  const profiles = new Map<string, Set<ZorgprofielCategorie>>();
  if (!ids.length) return { youths, profiles };
  const gezinIds = JSON.stringify(ids);
  const jeugdigen = stmt(
    ctx,
    `SELECT l.gezin_id AS gezinId, l.voornaam, l.geboortedatum
       FROM json_each(?) j CROSS JOIN gezinsleden l ON l.gezin_id = j.value
      WHERE l.rol = 'jeugdige' AND l.deleted = 0 ORDER BY l.geboortedatum`,
  ).all(gezinIds) as { gezinId: string; voornaam: string; geboortedatum: string }[];
  for (const { gezinId, ...y } of jeugdigen)
    youths.set(gezinId, [...(youths.get(gezinId) ?? []), y]);
  const profileRows = stmt(
    ctx,
    `SELECT DISTINCT l.gezin_id AS gezinId, z.categorie
       FROM json_each(?) j CROSS JOIN gezinsleden l ON l.gezin_id = j.value
       CROSS JOIN toewijzingen t ON t.gezinslid_id = l.id JOIN zorgprofielen z ON z.id = t.zorgprofiel_id
      WHERE ${ACTIEF_SQL}`,
  ).all(gezinIds) as { gezinId: string; categorie: ZorgprofielCategorie }[];
  for (const p of profileRows)
    profiles.set(p.gezinId, (profiles.get(p.gezinId) ?? new Set()).add(p.categorie));
  return { youths, profiles };
}

export function gezinnenLijst(
  ctx: ReadCtx,
  input: ApiInput<'gezinnen.lijst'>,
): ApiOutput<'gezinnen.lijst'> {
  const teamId = ctx.session.teamId;
  if (!teamId)
    throw new ApiError('geen-toegang', 'U hoort niet bij een team en heeft geen caseload.');
  const base: SQL[] = [eq(gezinnen.teamId, teamId), eq(gezinnen.deleted, false)];
  if (input.alleenEigen) base.push(eq(gezinnen.regisseurId, ctx.session.professionalId));
  if (input.zoek) base.push(searchCondition(ctx, teamId, input.zoek));
  if (input.zorgprofiel) base.push(profielCondition(input.zorgprofiel));
  if (input.evaluatieNodig)
    base.push(evaluatieCondition(addDays(ctx.today(), EVALUATIE_BINNENKORT_DAGEN)));
  const where = and(...base, ...(input.status ? [eq(gezinnen.status, input.status)] : []));

  const perStatus = telPerStatus(ctx, base);
  const totaal = input.status
    ? perStatus[input.status]
    : Object.values(perStatus).reduce((a, b) => a + b, 0);

  const rows = ctx.db
    .select({
      id: gezinnen.id,
      naam: gezinnen.naam,
      woonplaats: gezinnen.woonplaats,
      status: gezinnen.status,
      aangemeldOp: gezinnen.aangemeldOp,
      regisseurNaam: professionals.naam,
    })
    .from(gezinnen)
    .innerJoin(professionals, eq(professionals.id, gezinnen.regisseurId))
    .where(where)
    .orderBy(sql`CASE ${gezinnen.status} WHEN 'afgesloten' THEN 1 ELSE 0 END`, asc(gezinnen.naam))
    .limit(input.aantal ?? GEZINNEN_PAGINA_MAX)
    .offset(input.vanaf ?? 0)
    .all();
  const ids = rows.map((r) => r.id);
  const { youths, profiles } = jeugdigenEnProfielen(ctx, ids);
  const signalCount = new Map<string, number>();
  for (const s of ids.length ? signalen(ctx, { teamId, gezinIds: ids }) : [])
    signalCount.set(s.gezinId, (signalCount.get(s.gezinId) ?? 0) + 1);
  return {
    vanaf: input.vanaf ?? 0,
    totaal,
    perStatus,
    gezinnen: rows.map((r) => ({
      ...r,
      jeugdigen: youths.get(r.id) ?? [],
      zorgprofielen: [...(profiles.get(r.id) ?? [])],
      signalen: signalCount.get(r.id) ?? 0,
    })),
  };
}
