/**
 * The central service's PostgreSQL schema: accounts, the laptops they use and their refresh
 * tokens. Case data and the change log follow with the sync engine.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ROLLEN } from '../../shared/domain';

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  naam: text('naam').notNull().unique(),
});

export const gebruikers = pgTable(
  'gebruikers',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    naam: text('naam').notNull(),
    rol: text('rol', { enum: ROLLEN.codes }).notNull(),
    /** A beheerder works region-wide and has no team. */
    teamId: text('team_id').references(() => teams.id),
    /** scrypt, as `scrypt$N$r$p$salt$hash` (base64). */
    wachtwoordHash: text('wachtwoord_hash').notNull(),
    actief: boolean('actief').notNull().default(true),
  },
  (t) => [index('gebruikers_team_idx').on(t.teamId)],
);

/** A laptop registered to a user; a revoked device gets nothing more and wipes itself. */
export const apparaten = pgTable(
  'apparaten',
  {
    id: text('id').primaryKey(),
    gebruikerId: text('gebruiker_id')
      .notNull()
      .references(() => gebruikers.id),
    naam: text('naam').notNull(),
    geregistreerdOp: timestamp('geregistreerd_op', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    ingetrokkenOp: timestamp('ingetrokken_op', { withTimezone: true }),
  },
  (t) => [index('apparaten_gebruiker_idx').on(t.gebruikerId)],
);

/** Refresh tokens, stored only as their SHA-256; each is used once (rotation). */
export const vernieuwTokens = pgTable(
  'vernieuw_tokens',
  {
    hash: text('hash').primaryKey(),
    apparaatId: text('apparaat_id')
      .notNull()
      .references(() => apparaten.id),
    verlooptOp: timestamp('verloopt_op', { withTimezone: true }).notNull(),
    gebruiktOp: timestamp('gebruikt_op', { withTimezone: true }),
  },
  (t) => [index('vernieuw_tokens_apparaat_idx').on(t.apparaatId)],
);
