/**
 * The sync wire format between a laptop and the central service (ARCHITECTURE.md "Data and
 * sync"). A push carries changes, each naming per field the versions its author saw; a pull
 * returns log lines of one scope after a cursor, each a partial state of a row's registers
 * (merged with `voegRijenSamen`) or the notice that a row left the scope.
 */
import { z } from 'zod';
import { AUDIT_ACTIES } from '../api/audit';
import type { EersteVersie, RijRegisters } from './rij';

export const HLC_PATROON = /^\d{15}-[0-9a-z]{5}-[A-Za-z0-9_-]{1,40}$/;
const Hlc = z.string().regex(HLC_PATROON, 'Ongeldige HLC');

export const MAX_PUSH = 500;
/** About five megabytes of JSON: a first sync asks for pages this large (fewer commits). */
export const MAX_PAGINA = 10_000;
/** A change stamped further ahead of the server's clock than this is refused (clock drift). */
export const MAX_KLOK_VOORSPRONG_MS = 5 * 60 * 1000;

const Veldwaarde = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const Wijziging = z
  .object({
    wijzigingId: z.string().uuid(),
    tabel: z.string().min(1).max(60),
    rijId: z.string().min(1).max(60),
    hlc: Hlc,
    auteur: z.string().min(1).max(60),
    velden: z.record(
      z.string().min(1).max(60),
      z.object({ waarde: Veldwaarde, basis: z.array(Hlc).max(64) }).strict(),
    ),
  })
  .strict();
export type Wijziging = z.infer<typeof Wijziging>;

/**
 * The rules the service checks every pushed change against (shared/regels/, the same the core
 * decides by). A refused change is answered `regel-geschonden` with the rule's name: 400 for a
 * value the app would not store, 403 for what the caller's role may not do, 409 for a decision
 * already taken.
 */
export const REGELS = [
  /** A BSN that fails the 11-proef. */
  'waarde-bsn',
  /** A date that is not an ISO date (jjjj-mm-dd). */
  'waarde-datum',
  /** A moment that is not an ISO date or date-time. */
  'waarde-moment',
  /** An amount that is not whole cents from 0 up to the highest the app accepts. */
  'waarde-bedrag',
  /** A number outside the range the app accepts (a volume, a year, a mark). */
  'waarde-bereik',
  /** A code outside its code list. */
  'waarde-code',
  /** A request for approval made in someone else's name, or its requester rewritten. */
  'akkoord-aanvrager',
  /** A decision on a vier-ogen request by its own requester. */
  'akkoord-eigen-verzoek',
  /** A decision naming someone other than the caller, or by a role that does not decide. */
  'akkoord-beoordelaar',
  /** A decision on a request already decided. */
  'akkoord-al-besloten',
  /** A decision on a toewijzing that took the forecast over the budget, by anyone but a teamcoach. */
  'akkoord-teamcoach',
  /** A toewijzing toegewezen or started without the vier-ogen approval it needs. */
  'toewijzing-zonder-akkoord',
  /**
   * A toewijzing run with an aanbieder not contracted for its zorgprofiel and perceel, or a
   * product that does not fit its zorgprofiel.
   */
  'toewijzing-keuze',
  /** A toewijzing moved back from ended, withdrawn or started. */
  'toewijzing-status',
  /** A toewijzing's finding that it took the forecast over the budget, cleared. */
  'toewijzing-boven-budget',
  /** A team budget or budget change by anyone but the team's teamcoach or a beheerder. */
  'budget-rol',
  /** A budget change logged in someone else's name. */
  'budget-door',
  /** A regisseur (or an overdracht to someone) not of the family's team. */
  'regisseur-team',
  /** A medewerker not of the family's team. */
  'medewerker-team',
  /** A record of history (a note's earlier wording, a correction) changed, or not in the caller's name. */
  'geschiedenis-vast',
  /** A phone number or e-mail address the app would not store. */
  'waarde-contact',
] as const;
export type Regel = (typeof REGELS)[number];

/**
 * Every `code` the central service answers an error with: the one vocabulary of the wire, thrown
 * by the service (server/http/errors.ts) and matched by the laptop's engine (core/sync/errors.ts).
 */
export const FOUT_CODES = [
  'ongeldige-invoer',
  'niet-aangemeld',
  'geen-toegang',
  'apparaat-ingetrokken',
  'niet-gevonden',
  'te-veel-pogingen',
  'zwak-wachtwoord',
  'interne-fout',
  'ongeldige-wijziging',
  /** The laptop's clock is too far ahead: the answer carries the service's time (`nu`). */
  'klok-afwijking',
  'herhaalde-wijziging',
  /** The pull cursor is older than what the service still keeps: the scope starts over. */
  'cursor-onbekend',
  'ongeldige-logregel',
  'herhaalde-logregel',
  /** An access-log line whose MAC does not hold, or is missing where the device sends them. */
  'logregel-mac',
  'verhuisd',
  /** ToewijzingNummers (ADR 0005): this laptop had its blocks for the day, or none are left. */
  'te-veel-nummerblokken',
  'nummers-op',
  /** A change the caller's role may not make, or a value the app would refuse (`regel`). */
  'regel-geschonden',
] as const;
export type FoutCode = (typeof FOUT_CODES)[number];

/** The answer to a push whose change `index` breaks a rule. */
export const RegelWeigering = z.object({
  code: z.literal('regel-geschonden'),
  regel: z.enum(REGELS),
  message: z.string(),
  index: z.number().int().optional(),
});
export type RegelWeigering = z.infer<typeof RegelWeigering>;

export const PushVerzoek = z
  .object({ wijzigingen: z.array(Wijziging).min(1).max(MAX_PUSH) })
  .strict();
export type PushVerzoek = z.infer<typeof PushVerzoek>;

export interface PushAntwoord {
  /** Per change, in order: the server sequence number in its scope. */
  verwerkt: { wijzigingId: string; scope: string; seq: number }[];
  /**
   * The caller's scopes as they stand with this push written, as `GET /sync/scopes` would
   * answer right after it: a sync round that pushed needs no request of its own for them.
   */
  stand: ScopesAntwoord;
}

export const PullVraag = z
  .object({
    scope: z.string().min(1).max(60),
    na: z
      .string()
      .regex(/^\d{1,15}$/)
      .transform(Number),
    limiet: z
      .string()
      .regex(/^\d{1,5}$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(MAX_PAGINA))
      .default(500),
  })
  .strict();

const VersieWire = z.object({
  hlc: z.string(),
  basis: z.array(z.string()),
  waarde: Veldwaarde,
  auteur: z.string(),
});
const RegisterWire = z.object({ koppen: z.array(VersieWire), vervangen: z.array(z.string()) });

const RijHashWire = z.string().regex(/^[0-9a-f]{16}$/);

/** A row written once and not changed since, sent as that one write (`naarOpslag`). */
const KortWire = z.object({
  $: z.tuple([z.string(), z.string(), z.record(z.string(), Veldwaarde)]),
});

export const LogRegel = z.object({
  seq: z.number().int(),
  tabel: z.string(),
  rijId: z.string(),
  /** 'velden': merge these registers; 'weg': the row left this scope (verhuizing). */
  soort: z.enum(['velden', 'weg']),
  /** On the wire either registers or the short form (`naarOpslag`). */
  velden: z.union([z.record(z.string(), RegisterWire), KortWire]).optional(),
  /** `rijHash` of `velden`, the row's hash where the laptop holds nothing of it yet. */
  hash: RijHashWire.optional(),
});
export type LogRegel = z.infer<typeof LogRegel>;

export const PullAntwoord = z.object({
  scope: z.string(),
  regels: z.array(LogRegel),
  /** Cursor to ask from next time. */
  tot: z.number().int(),
  meer: z.boolean(),
  /** The scope's last sequence number, so a laptop asks for no page beyond it. */
  laatste: z.number().int().optional(),
  /** The scope's checksum as of `tot`; only on the last page. */
  checksum: z.object({ hash: z.string(), aantal: z.number().int() }).optional(),
});
export type PullAntwoord = z.infer<typeof PullAntwoord>;

/**
 * Scopes this caller receives, in the order to pull them (reference data first), with each
 * scope's last sequence number and checksum: a laptop at that seq whose own checksum is that
 * one has nothing to pull there.
 */
const ScopeStand = z.object({ seq: z.number().int(), hash: z.string(), aantal: z.number().int() });
export type ScopeStand = z.infer<typeof ScopeStand>;
export const ScopesAntwoord = z.object({
  scopes: z.array(z.string()),
  standen: z.record(z.string(), ScopeStand).optional(),
  /** The service's clock when it answered (ISO): laptops stamp changes by it (HlcClock). */
  nu: z.string().optional(),
});
export type ScopesAntwoord = z.infer<typeof ScopesAntwoord>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isRegister(v: unknown): boolean {
  if (!isObject(v) || !Array.isArray(v.koppen) || !Array.isArray(v.vervangen)) return false;
  return v.koppen.every(
    (k) =>
      isObject(k) &&
      typeof k.hlc === 'string' &&
      typeof k.auteur === 'string' &&
      Array.isArray(k.basis) &&
      'waarde' in k,
  );
}

/** The short form's parts, or null when `velden` is not in it. */
function kort(velden: Record<string, unknown>): EersteVersie | null {
  const k = velden.$;
  if (!Array.isArray(k) || k.length !== 3) return null;
  const [hlc, auteur, waarden] = k as unknown[];
  if (typeof hlc !== 'string' || typeof auteur !== 'string' || !isObject(waarden)) return null;
  return [hlc, auteur, waarden];
}

/**
 * Checks a pull page's shape; a line in the short form is given as `eerste`, the others as
 * registers.
 * Hand-written rather than `PullAntwoord.safeParse`: a page holds thousands of nested
 * registers and the schema walk cost more than applying them.
 */
export function leesPullAntwoord(body: unknown): PullPagina | null {
  if (!isObject(body) || !Array.isArray(body.regels)) return null;
  const kop = PullAntwoord.omit({ regels: true }).safeParse({ ...body, regels: undefined });
  if (!kop.success) return null;
  for (const r of body.regels as unknown[]) {
    if (!isObject(r) || !Number.isInteger(r.seq)) return null;
    if (typeof r.tabel !== 'string' || typeof r.rijId !== 'string') return null;
    if (r.soort === 'weg') continue;
    if (r.soort !== 'velden' || !isObject(r.velden)) return null;
    if (r.hash !== undefined && !RijHashWire.safeParse(r.hash).success) return null;
    const k = '$' in r.velden ? kort(r.velden) : null;
    if (k) {
      r.eerste = k;
      delete r.velden;
    } else if (!Object.values(r.velden).every(isRegister)) return null;
  }
  return body as unknown as PullPagina;
}

/** A pull page as the laptop applies it: a line's fields as registers or as one first write. */
export type PullPagina = Omit<PullAntwoord, 'regels'> & {
  regels: (Omit<LogRegel, 'velden'> & { velden?: RijRegisters; eerste?: EersteVersie })[];
};

/** Access-log lines a laptop sends for safekeeping (NEN 7513: kept centrally, 5 years or more). */
export const MAX_LOGREGELS = 500;
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Ongeldige hash');
export const LogregelWire = z
  .object({
    id: z.string().uuid(),
    seq: z.number().int().min(1),
    at: z.string().min(10).max(40),
    userId: z.string().min(1).max(64),
    namensId: z.string().min(1).max(64).nullable(),
    actie: z.enum(AUDIT_ACTIES),
    gezinId: z.string().min(1).max(64).nullable(),
    onderdeel: z.string().min(1).max(160),
    reden: z.string().max(500).nullable(),
    apparaat: z.string().min(1).max(40),
    prevHash: Sha256,
    hash: Sha256,
    /**
     * HMAC-SHA256 of `hash` under the device's log key (given with its tokens): sent by a laptop
     * that has one, checked by the service (`400 logregel-mac` when it does not hold).
     */
    mac: Sha256.optional(),
    /**
     * HMAC of `hash` under the forward-secure key of the line's own position (shared/audit/ratel.ts),
     * from the position the service issued its key for on: the service checks it, and refuses a
     * line that should have one and has none.
     */
    ratelMac: Sha256.optional(),
  })
  .strict();
export type LogregelWire = z.infer<typeof LogregelWire>;

/**
 * How far a laptop's access log has come: `positie` is the seq its next line will have (its
 * key's position), `bewijs` proves it holds the key for that position (absent without a key).
 * Sent at sign-in, token refresh and every log upload.
 */
export const LogStand = z
  .object({ positie: z.number().int().min(1).max(2_147_483_647), bewijs: Sha256.optional() })
  .strict();
export type LogStand = z.infer<typeof LogStand>;

/** A new forward-secure log key: the key for position `positie` (the seq of a line to come). */
export const LogRatel = z
  .object({ sleutel: z.string().regex(/^[A-Za-z0-9_-]{43}$/), positie: z.number().int().min(1) })
  .strict();
export type LogRatel = z.infer<typeof LogRatel>;

export const ToegangslogPush = z
  .object({ regels: z.array(LogregelWire).max(MAX_LOGREGELS), stand: LogStand.optional() })
  .strict();

/**
 * How a beheerder revokes a laptop. `vervangen`: it is handed in, so it pushes its unsent work
 * once more before it wipes itself; `verloren` (lost or stolen): it sends only its access log,
 * then wipes. Either way the access log goes out first: a revocation never costs a NEN 7513 line.
 */
export const INTREKKINGEN = ['vervangen', 'verloren'] as const;
export type Intrekking = (typeof INTREKKINGEN)[number];

/** What the service tells a revoked laptop (code `apparaat-ingetrokken`, and with its log). */
export const IntrekkingWire = z.object({
  soort: z.enum(INTREKKINGEN),
  /**
   * Replaced and its last sync not yet done: it may push its outbox, then confirms with
   * `POST /sync/afronden` and wipes. False: nothing but its access log is accepted.
   */
  laatsteSync: z.boolean(),
});
export type IntrekkingWire = z.infer<typeof IntrekkingWire>;

/** The 403 answer to a revoked laptop. */
export const IngetrokkenAntwoord = z.object({
  code: z.literal('apparaat-ingetrokken'),
  message: z.string(),
  intrekking: IntrekkingWire.optional(),
  /**
   * An access token good only for `POST /sync/toegangslog`, given where the laptop proved
   * itself with its refresh token or password: its session is over, its log may still come in.
   */
  logtoken: z.string().optional(),
});

/**
 * The seq and hash of the last line of a device's access-log chain that the service holds: the
 * laptop keeps it to check its own log against (a line the service has cannot go unnoticed).
 */
export const LogAnker = z.object({ seq: z.number().int().min(0), hash: Sha256 });
export type LogAnker = z.infer<typeof LogAnker>;

/**
 * The answer to `POST /sync/toegangslog`: the device's anchor after the batch, and `intrekking`
 * when the sending device is revoked. (A service of an earlier version sends no anchor.)
 */
export const ToegangslogAntwoord = z.object({
  opgeslagen: z.number().int(),
  anker: LogAnker.optional(),
  intrekking: IntrekkingWire.optional(),
});
export type ToegangslogAntwoord = z.infer<typeof ToegangslogAntwoord>;

/** At most this many quarantined rows in one report (more are counted, not listed). */
export const MAX_QUARANTAINE_MELDINGEN = 500;

/** A laptop's quarantine as it is now (`POST /sync/quarantaine`); an empty list clears it. */
export const QuarantaineMelding = z
  .object({
    regels: z
      .array(
        z
          .object({
            tabel: z.string().min(1).max(60),
            rijId: z.string().min(1).max(64),
            reden: z.string().min(1).max(1_000),
          })
          .strict(),
      )
      .max(MAX_QUARANTAINE_MELDINGEN),
  })
  .strict();
export type QuarantaineMelding = z.infer<typeof QuarantaineMelding>;
