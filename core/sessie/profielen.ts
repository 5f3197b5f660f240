import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { professionals, teams } from '../../db/schema';
import type { Profiel } from '../../shared/api';
import { VERGRENDELEN } from '../../shared/domain';
import { ApiError } from '../api-error';
import type { ReadCtx, Session } from '../context';
import { gekozenPersoon, legPersoonVast } from './session';

/**
 * Everyone a demo profile can be given, grouped by team for its one choice; once the profile
 * has its person (connected, or chosen), only that person.
 */
export function profielenLijst(db: Db, verbondenMet?: string | null): Profiel[] {
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

/** The person this profile belongs to: the connected account, else the demo's one choice. */
export function persoonVan(ctx: Pick<ReadCtx, 'sync' | 'sqlite'>): string | null {
  return ctx.sync.gebruiker()?.id ?? gekozenPersoon(ctx.sqlite);
}

export function sessieWie(ctx: ReadCtx): Profiel | null {
  const id = persoonVan(ctx);
  return (id && profielenLijst(ctx.db, id)[0]) || null;
}

/**
 * The demo profile's one choice of who it belongs to. A connected laptop belongs to its
 * account, and a choice is never changed: a colleague makes a profile of their own, so nobody
 * can approve their own request as someone else.
 */
export function sessieKiezen(ctx: ReadCtx, input: { professionalId: string }): Profiel {
  if (ctx.sync.gebruiker())
    throw new ApiError(
      'conflict',
      'Deze laptop is verbonden: het profiel hoort bij het account waarmee u verbond.',
    );
  const al = gekozenPersoon(ctx.sqlite);
  if (al)
    throw new ApiError(
      'conflict',
      al === input.professionalId
        ? 'U hebt dit profiel al gekozen.'
        : 'Dit profiel hoort al bij een andere professional. Maak voor uzelf een eigen profiel aan.',
    );
  const profiel = profielenLijst(ctx.db, input.professionalId)[0];
  if (!profiel)
    throw new ApiError('niet-gevonden', 'Deze professional bestaat niet (meer).', 'professionalId');
  legPersoonVast(ctx.sqlite, profiel.id);
  return profiel;
}
