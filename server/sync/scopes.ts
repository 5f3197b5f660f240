/** Which scopes a caller receives, and where each stands (`GET /sync/scopes`). */
import { inArray } from 'drizzle-orm';
import { REFERENTIE_SCOPE, teamScope } from '../../db/sync-tabellen';
import { type ScopesAntwoord } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import { scopes } from '../db/schema';

import type { Aanroeper } from './push';

type Tx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];

/** Scopes a caller receives, reference data first; a beheerder reads no dossiers. */
export function scopesVoor(aanroeper: Aanroeper): string[] {
  if (aanroeper.rol === 'beheerder' || !aanroeper.teamId) return [REFERENTIE_SCOPE];
  return [REFERENTIE_SCOPE, teamScope(aanroeper.teamId)];
}

type Standen = NonNullable<ScopesAntwoord['standen']>;

/** The last seq and checksum of each of these scopes (a scope without changes has none). */
export async function standenVan(db: ServerDb | Tx, lijst: readonly string[]): Promise<Standen> {
  const standen: Standen = {};
  for (const r of await db
    .select({ scope: scopes.scope, seq: scopes.seq, hash: scopes.hash, aantal: scopes.aantal })
    .from(scopes)
    .where(inArray(scopes.scope, [...lijst])))
    standen[r.scope] = { seq: Number(r.seq), hash: r.hash, aantal: Number(r.aantal) };
  return standen;
}

export function scopesAntwoord(aanroeper: Aanroeper, standen: Standen, nu: Date): ScopesAntwoord {
  const lijst = scopesVoor(aanroeper);
  return {
    nu: nu.toISOString(),
    scopes: lijst,
    standen: Object.fromEntries(lijst.flatMap((s) => (standen[s] ? [[s, standen[s]]] : []))),
  };
}

/** The caller's scopes with their last seq and checksum. */
export async function scopesMetStand(
  db: ServerDb,
  aanroeper: Aanroeper,
  nu: Date,
): Promise<ScopesAntwoord> {
  return scopesAntwoord(aanroeper, await standenVan(db, scopesVoor(aanroeper)), nu);
}
