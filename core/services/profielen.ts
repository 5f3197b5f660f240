import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { professionals, teams } from '../../db/schema';
import type { Profiel } from '../../shared/api';
import { VERGRENDELEN } from '../../shared/domain';
import type { Session } from '../session';

/**
 * Everyone who can sign in on this laptop, grouped by team for the profile choice; once the
 * laptop is connected to the central service, only the account it is connected with.
 */
export function listProfielen(db: Db, verbondenMet?: string): Profiel[] {
  return db
    .select({
      id: professionals.id,
      naam: professionals.naam,
      rol: professionals.rol,
      teamId: professionals.teamId,
      teamNaam: teams.naam,
      vergrendelMinuten: sql<number>`coalesce(${teams.vergrendelMinuten}, ${VERGRENDELEN.standaard})`,
    })
    .from(professionals)
    .leftJoin(teams, eq(teams.id, professionals.teamId))
    .where(
      and(
        eq(professionals.actief, true),
        verbondenMet ? eq(professionals.id, verbondenMet) : undefined,
      ),
    )
    .orderBy(asc(teams.naam), asc(professionals.naam))
    .all();
}

export function sessionFor(db: Db, professionalId: string): Session | null {
  const row = db
    .select({
      id: professionals.id,
      rol: professionals.rol,
      teamId: professionals.teamId,
      actief: professionals.actief,
    })
    .from(professionals)
    .where(eq(professionals.id, professionalId))
    .get();
  if (!row || !row.actief) return null;
  return { professionalId: row.id, rol: row.rol, teamId: row.teamId };
}

/** Every professional's name by id (authors, regisseurs, approvers shown by name). */
export function professionalNamen(db: Db): Map<string, string> {
  return new Map(
    db
      .select({ id: professionals.id, naam: professionals.naam })
      .from(professionals)
      .all()
      .map((p) => [p.id, p.naam]),
  );
}
