/**
 * The central service's PostgreSQL schema: accounts, the laptops they use and their refresh
 * tokens; the sync scopes, their change log and the current state of every synced row.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { ROLLEN } from '../../shared/domain';
import { INTREKKINGEN } from '../../shared/sync/protocol';

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

/**
 * A laptop registered to a user. A revoked device gets nothing more but the hand-over of its
 * access log, and wipes itself; one being replaced may first push its unsent work once more.
 */
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
    /** Last sign-in, token refresh or access-log hand-over: what the beheerder sees. */
    laatsteContact: timestamp('laatste_contact', { withTimezone: true }),
    /** The app version the laptop last reported. */
    appVersie: text('app_versie'),
    /** How the beheerder revoked it: replaced (last sync first) or lost/stolen (log only). */
    intrekking: text('intrekking', { enum: INTREKKINGEN }),
    intrekkingGevraagdOp: timestamp('intrekking_gevraagd_op', { withTimezone: true }),
    /** From here on nothing but its access log is accepted (a replaced one: after its last sync). */
    ingetrokkenOp: timestamp('ingetrokken_op', { withTimezone: true }),
  },
  (t) => [index('apparaten_gebruiker_idx').on(t.gebruikerId)],
);

/**
 * A family of refresh tokens: one sign-in on one device and every token rotated from it. A
 * spent or void token that comes back revokes the family (someone else holds a copy), as does a
 * new sign-in on the device.
 */
export const vernieuwFamilies = pgTable(
  'vernieuw_families',
  {
    id: text('id').primaryKey(),
    apparaatId: text('apparaat_id')
      .notNull()
      .references(() => apparaten.id),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull(),
    ingetrokkenOp: timestamp('ingetrokken_op', { withTimezone: true }),
    /** `hergebruik`: a spent or void token came back; `aanmelding`: the device signed in anew. */
    reden: text('reden', { enum: ['hergebruik', 'aanmelding'] }),
  },
  (t) => [index('vernieuw_families_apparaat_idx').on(t.apparaatId)],
);

/** Refresh tokens, stored only as their SHA-256; each is used once (rotation). */
export const vernieuwTokens = pgTable(
  'vernieuw_tokens',
  {
    hash: text('hash').primaryKey(),
    apparaatId: text('apparaat_id')
      .notNull()
      .references(() => apparaten.id),
    familieId: text('familie_id')
      .notNull()
      .references(() => vernieuwFamilies.id),
    verlooptOp: timestamp('verloopt_op', { withTimezone: true }).notNull(),
    /** When it was last answered with a successor (the first use, or a late ask again). */
    gebruiktOp: timestamp('gebruikt_op', { withTimezone: true }),
    /** The hash of its current successor, and which one that is (`opvolgerVan`). */
    opvolger: text('opvolger'),
    opvolgerNr: integer('opvolger_nr').notNull().default(0),
    /** Replaced as successor before anyone used it: whoever shows it holds a copy. */
    vervallenOp: timestamp('vervallen_op', { withTimezone: true }),
  },
  (t) => [
    index('vernieuw_tokens_apparaat_idx').on(t.apparaatId),
    index('vernieuw_tokens_familie_idx').on(t.familieId),
  ],
);

/**
 * One sync scope (a team's case data, or the reference data): its last sequence number and the
 * checksum of its rows (XOR of row hashes, with their count), kept up to date by every write.
 * Writers lock this row, so a scope's sequence numbers are committed in order.
 */
export const scopes = pgTable('scopes', {
  scope: text('scope').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  hash: text('hash').notNull().default('0000000000000000'),
  aantal: integer('aantal').notNull().default(0),
});

/** The change log per scope, read by clients as "changes since cursor". */
export const wijzigingenLog = pgTable(
  'wijzigingen_log',
  {
    scope: text('scope').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    tabel: text('tabel').notNull(),
    rijId: text('rij_id').notNull(),
    soort: text('soort', { enum: ['velden', 'weg'] }).notNull(),
    /** JSON: field -> register (partial state to merge); null for 'weg'. */
    velden: text('velden'),
    /**
     * `rijHash` of `velden`: a laptop that holds nothing of the row yet stores the line as it is,
     * so this is its row's hash and it need not compute it again. Null for 'weg' (and lines
     * written before it was kept).
     */
    hash: text('hash'),
  },
  (t) => [primaryKey({ columns: [t.scope, t.seq] })],
);

/** Every change id applied once: a retry with the same content is answered from here. */
export const ontvangen = pgTable('ontvangen', {
  wijzigingId: text('wijziging_id').primaryKey(),
  gebruikerId: text('gebruiker_id').notNull(),
  inhoudHash: text('inhoud_hash').notNull(),
  scope: text('scope').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
});

/** The current state of every synced row: its field registers and where it belongs. */
export const rijen = pgTable(
  'rijen',
  {
    tabel: text('tabel').notNull(),
    rijId: text('rij_id').notNull(),
    scope: text('scope').notNull(),
    /** The family the row belongs to (moves with it); null for reference and budget rows. */
    gezinId: text('gezin_id'),
    registers: text('registers').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tabel, t.rijId] }),
    index('rijen_scope_idx').on(t.scope),
    index('rijen_gezin_idx').on(t.gezinId),
  ],
);

/**
 * The laptops' access logs (NEN 7513), kept here so a lost laptop loses no trace: append-only,
 * each line with the hash chain of its device, never deleted by the service (retention: at least
 * five years). Who and which device are the access token's, never the line's say.
 */
export const toegangslog = pgTable(
  'toegangslog',
  {
    id: text('id').primaryKey(),
    /**
     * The label the laptop's own log gives itself (part of the line's hash, so kept as sent; the
     * laptop chose it, so it proves nothing).
     */
    laptop: text('laptop').notNull(),
    /** The registered device that sent the line (from the token): the key of its chain. */
    apparaatId: text('apparaat_id').notNull(),
    seq: integer('seq').notNull(),
    at: text('at').notNull(),
    gebruikerId: text('gebruiker_id').notNull(),
    namensId: text('namens_id'),
    actie: text('actie').notNull(),
    gezinId: text('gezin_id'),
    onderdeel: text('onderdeel').notNull(),
    reden: text('reden'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    ontvangenOp: timestamp('ontvangen_op', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the sending device was revoked (or being replaced): how it was revoked. */
    intrekking: text('intrekking', { enum: INTREKKINGEN }),
    /**
     * Whether the line's forward-secure MAC was checked on arrival (shared/audit/ratel.ts): false
     * for lines written before the device had a key, or after a key was replaced without proof
     * (`toegangslog_meldingen` says when), which the service took but could not check.
     */
    ratelGecontroleerd: boolean('ratel_gecontroleerd').notNull().default(false),
  },
  (t) => [
    index('toegangslog_apparaat_seq_idx').on(t.apparaatId, t.seq),
    index('toegangslog_laptop_seq_idx').on(t.laptop, t.seq),
    index('toegangslog_gezin_idx').on(t.gezinId),
  ],
);

/**
 * Each device's anchor: the seq and hash of the last line of its chain the service holds. A new
 * line must continue it; the laptop keeps the anchor it is told, to check its own log against.
 */
export const toegangslogAnkers = pgTable('toegangslog_ankers', {
  apparaatId: text('apparaat_id').primaryKey(),
  seq: integer('seq').notNull(),
  hash: text('hash').notNull(),
  bijgewerktOp: timestamp('bijgewerkt_op', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Each device's access-log key for the laptop's own check: given with every token; the laptop
 * writes `HMAC-SHA256(sleutel, hash)` beside each line and checks it itself (core/audit/
 * toegangslog.ts). What the service checks is the forward-secure chain (`toegangslog_ratels`).
 */
export const toegangslogSleutels = pgTable('toegangslog_sleutels', {
  apparaatId: text('apparaat_id')
    .primaryKey()
    .references(() => apparaten.id),
  /** 32 random bytes, base64url. */
  sleutel: text('sleutel').notNull(),
  uitgegevenOp: timestamp('uitgegeven_op', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Each device's forward-secure log key (shared/audit/ratel.ts), as far as the lines the service
 * received: `sleutel` is the key for `positie`, the seq of the next line that must carry a MAC
 * under it. `bewezenTot`: the furthest position the laptop proved its own key had reached; a
 * position beyond the lines received means lines exist on the laptop that have not come in.
 */
export const toegangslogRatels = pgTable('toegangslog_ratels', {
  apparaatId: text('apparaat_id')
    .primaryKey()
    .references(() => apparaten.id),
  sleutel: text('sleutel').notNull(),
  positie: integer('positie').notNull(),
  bewezenTot: integer('bewezen_tot').notNull(),
  /**
   * The key as it was at the start of the last batch of lines checked, and its position: a proof
   * the laptop sent before that batch arrived (a sign-in crossing a sync) still holds.
   */
  batchSleutel: text('batch_sleutel'),
  batchPositie: integer('batch_positie'),
  /**
   * Whether the laptop ever showed it holds this key (a line checked under it, or a proof): such
   * a key is never replaced without a note. One never used may be (a sign-in answer lost).
   */
  gebruikt: boolean('gebruikt').notNull().default(false),
  uitgegevenOp: timestamp('uitgegeven_op', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What the service could not check in a device's access log, kept for the privacy officer:
 * - `sleutel-vervangen`: the laptop came without proof of a key it had used; lines from `vanaf`
 *   on are taken unchecked, and lines written under the old key may have been removed;
 * - `stand-ongeldig`: a proof of how far the log had come that did not hold;
 * - `regel-geweigerd`: a line refused on arrival (its MAC or chain did not hold), from `vanaf`;
 * - `keten-voortgezet`: a newly registered device whose log continues another device's chain
 *   (`bewezenTot`: how far that device had proved its log), so lines may be missing between.
 */
export const toegangslogMeldingen = pgTable(
  'toegangslog_meldingen',
  {
    id: serial('id').primaryKey(),
    apparaatId: text('apparaat_id')
      .notNull()
      .references(() => apparaten.id),
    op: timestamp('op', { withTimezone: true }).notNull().defaultNow(),
    soort: text('soort', {
      enum: ['sleutel-vervangen', 'stand-ongeldig', 'regel-geweigerd', 'keten-voortgezet'],
    }).notNull(),
    /** The first seq the service could not check from then on. */
    vanaf: integer('vanaf').notNull(),
    /** How far the laptop had proved its log to be before (lines beyond `vanaf` it had). */
    bewezenTot: integer('bewezen_tot').notNull(),
  },
  (t) => [index('toegangslog_meldingen_apparaat_idx').on(t.apparaatId)],
);

/**
 * What the retention clean-up removed: enough to show that and when a family was deleted, and
 * on what ground, without any personal data (no name, BSN or content; the id is a random UUID).
 */
export const verwijderingen = pgTable('verwijderingen', {
  id: text('id').primaryKey(),
  gezinId: text('gezin_id').notNull(),
  scope: text('scope').notNull(),
  records: integer('records').notNull(),
  grond: text('grond').notNull(),
  verwijderdOp: timestamp('verwijderd_op', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Rows a laptop could not store (its quarantine, ADR 0003), as it last reported them: the
 * beheerder sees what is stuck where, the laptop's own list replaced on every report.
 */
export const quarantaineMeldingen = pgTable(
  'quarantaine_meldingen',
  {
    apparaatId: text('apparaat_id')
      .notNull()
      .references(() => apparaten.id),
    gebruikerId: text('gebruiker_id').notNull(),
    tabel: text('tabel').notNull(),
    rijId: text('rij_id').notNull(),
    reden: text('reden').notNull(),
    gemeldOp: timestamp('gemeld_op', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.apparaatId, t.tabel, t.rijId] })],
);

/**
 * The blocks of ToewijzingNummers the service issued (docs/adr/0005-toewijzingnummer.md): a block
 * is one laptop's, its numbers are `blok` × 10 000 plus 0–9 999.
 */
export const toewijzingnummerBlokken = pgTable(
  'toewijzingnummer_blokken',
  {
    blok: serial('blok').primaryKey(),
    apparaatId: text('apparaat_id')
      .notNull()
      .references(() => apparaten.id),
    uitgegevenOp: timestamp('uitgegeven_op', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('toewijzingnummer_blokken_apparaat_idx').on(t.apparaatId, t.uitgegevenOp)],
);

/**
 * Every ToewijzingNummer in use and the toewijzing that has it: the primary key is what keeps a
 * number from being given twice, whatever a laptop sends.
 */
export const toewijzingnummers = pgTable('toewijzingnummers', {
  nummer: integer('nummer').primaryKey(),
  rijId: text('rij_id').notNull(),
});
