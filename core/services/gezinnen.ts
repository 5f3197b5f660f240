import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { gezinnen, gezinsleden, professionals } from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { isValidBsn } from '../../shared/bsn';
import { parseDutchDate } from '../../shared/dates';
import { ApiError } from '../api-error';
import type { Session } from '../session';

const PAGE = 200;

/** A search term is a BSN, a date of birth (dd-mm-jjjj) or part of a name. */
function searchCondition(term: string): SQL {
  const compact = term.replace(/\s/g, '');
  if (/^\d{9}$/.test(compact)) {
    if (!isValidBsn(compact))
      throw new ApiError('ongeldige-invoer', 'Dit BSN klopt niet (de elfproef faalt).', 'zoek');
    return inArray(
      gezinnen.id,
      sql`(SELECT ${gezinsleden.gezinId} FROM ${gezinsleden} WHERE ${gezinsleden.bsn} = ${compact})`,
    );
  }
  const date = parseDutchDate(term);
  if (date) {
    return inArray(
      gezinnen.id,
      sql`(SELECT ${gezinsleden.gezinId} FROM ${gezinsleden} WHERE ${gezinsleden.geboortedatum} = ${date})`,
    );
  }
  const pattern = `%${term.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return or(
    sql`${gezinnen.naam} LIKE ${pattern} ESCAPE '\\'`,
    inArray(
      gezinnen.id,
      sql`(SELECT ${gezinsleden.gezinId} FROM ${gezinsleden}
           WHERE ${gezinsleden.voornaam} || ' ' || ${gezinsleden.achternaam} LIKE ${pattern} ESCAPE '\\')`,
    ),
  )!;
}

export function listGezinnen(
  db: Db,
  session: Session,
  input: ApiInput<'gezinnen.lijst'>,
): ApiOutput<'gezinnen.lijst'> {
  if (!session.teamId)
    throw new ApiError('geen-toegang', 'U hoort niet bij een team en heeft geen caseload.');
  const conditions: SQL[] = [eq(gezinnen.teamId, session.teamId), eq(gezinnen.deleted, false)];
  if (input.alleenEigen) conditions.push(eq(gezinnen.regisseurId, session.professionalId));
  if (input.status) conditions.push(eq(gezinnen.status, input.status));
  if (input.zoek) conditions.push(searchCondition(input.zoek));
  const where = and(...conditions);

  const totaal = db.select({ n: count() }).from(gezinnen).where(where).get()?.n ?? 0;
  const rows = db
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
    .limit(PAGE)
    .all();
  const ids = rows.map((r) => r.id);
  const youths = ids.length
    ? db
        .select({
          gezinId: gezinsleden.gezinId,
          voornaam: gezinsleden.voornaam,
          geboortedatum: gezinsleden.geboortedatum,
        })
        .from(gezinsleden)
        .where(
          and(
            inArray(gezinsleden.gezinId, ids),
            eq(gezinsleden.rol, 'jeugdige'),
            eq(gezinsleden.deleted, false),
          ),
        )
        .orderBy(asc(gezinsleden.geboortedatum))
        .all()
    : [];
  const byFamily = new Map<string, { voornaam: string; geboortedatum: string }[]>();
  for (const y of youths) {
    const list = byFamily.get(y.gezinId) ?? [];
    list.push({ voornaam: y.voornaam, geboortedatum: y.geboortedatum });
    byFamily.set(y.gezinId, list);
  }
  return { totaal, gezinnen: rows.map((r) => ({ ...r, jeugdigen: byFamily.get(r.id) ?? [] })) };
}
