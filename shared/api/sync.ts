/** The sync status the screens show (typed errors shown as a sync status), the conflicts to resolve and the changes the service refused. */
import { z } from 'zod';
import { lezen, schrijven, team } from './method';

export const SYNC_FOUT_SOORTEN = [
  'offline',
  'unauthorised',
  'invalid-change',
  'clock-drift',
  'out-of-sync',
  'server-error',
  'mass-change',
] as const;
export type SyncFoutSoort = (typeof SYNC_FOUT_SOORTEN)[number];

export const SyncGebruiker = z.object({
  id: z.string(),
  naam: z.string(),
  rol: z.string(),
  teamId: z.string().nullable(),
});
export type SyncGebruiker = z.infer<typeof SyncGebruiker>;

export const SyncStatus = z.object({
  verbonden: z.boolean(),
  server: z.string().nullable(),
  /** Address offered in the connect dialog (EENPLAN_SERVER_URL), when not yet connected. */
  standaardServer: z.string().nullable(),
  gebruiker: SyncGebruiker.nullable(),
  bezig: z.boolean(),
  /** Whether the last attempt reached the central service (null: not tried yet). */
  online: z.boolean().nullable(),
  /** Local changes not yet accepted by the central service. */
  wachtend: z.number().int(),
  /** Changes the central service refused for good: kept and shown, never dropped. */
  geweigerd: z.number().int(),
  conflicten: z.number().int(),
  /** Rows from the service this laptop could not store: shown, reported, tried again. */
  quarantaine: z.number().int(),
  laatsteSync: z.string().nullable(),
  /** Something to put right that does not stop sync (a computer clock that is off). */
  waarschuwing: z.string().nullable(),
  fout: z.object({ soort: z.enum(SYNC_FOUT_SOORTEN), bericht: z.string() }).nullable(),
  volgendePoging: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncVerbinden = z
  .object({
    server: z
      .string()
      .trim()
      .url({ message: 'Vul een geldig adres in, bijvoorbeeld https://eenplan.regio.nl' })
      .refine((u) => /^https?:\/\//.test(u), { message: 'Het adres begint met https://' }),
    email: z.string().trim().toLowerCase().email({ message: 'Vul een geldig e-mailadres in' }),
    wachtwoord: z.string().min(1, { message: 'Vul uw wachtwoord in' }).max(200),
  })
  .strict();

export const ConflictVersie = z.object({
  hlc: z.string(),
  waarde: z.string().nullable(),
  auteur: z.string(),
  /** When it was typed (from the HLC), ISO. */
  op: z.string(),
  huidig: z.boolean(),
});

export const Conflict = z.object({
  tabel: z.string(),
  rijId: z.string(),
  veld: z.string(),
  onderdeel: z.string(),
  veldLabel: z.string(),
  gezinId: z.string().nullable(),
  gezinNaam: z.string().nullable(),
  versies: z.array(ConflictVersie),
  /** Deleted by someone while another rewrote it: keep it deleted, or restore it (herstellen). */
  verwijderd: z.boolean(),
});
export type Conflict = z.infer<typeof Conflict>;

/** What a person typed in a change that did not land: shown in full, to copy or export. */
export const GetypteTekst = z.object({ veld: z.string(), tekst: z.string() });

/** A row from the service this laptop could not store (quarantine, ADR 0003). */
export const Quarantaine = z.object({
  tabel: z.string(),
  rijId: z.string(),
  onderdeel: z.string(),
  gezinNaam: z.string().nullable(),
  reden: z.string(),
  teksten: z.array(GetypteTekst),
});

export const Geweigerd = z.object({
  wijzigingId: z.string(),
  onderdeel: z.string(),
  velden: z.array(z.string()),
  /** The text itself: nothing typed disappears silently. */
  teksten: z.array(GetypteTekst),
  reden: z.string(),
  op: z.string(),
});

export const SyncOverzicht = z.object({
  conflicten: z.array(Conflict),
  geweigerd: z.array(Geweigerd),
  quarantaine: z.array(Quarantaine),
});
export type SyncOverzicht = z.infer<typeof SyncOverzicht>;

export const ConflictOplossen = z
  .object({
    tabel: z.string().min(1).max(60),
    rijId: z.string().min(1).max(64),
    veld: z.string().min(1).max(60),
    waarde: z.string().trim().max(20_000),
    /** For a deleted row: bring it back with this text. */
    herstellen: z.boolean().optional(),
  })
  .strict();

export const syncMethods = {
  'sync.status': lezen({ input: z.object({}).strict(), output: SyncStatus, roles: null }),
  /** Asynchronous (network): the hosts run it through `callAsync`. */
  'sync.verbinden': schrijven({
    input: SyncVerbinden,
    output: SyncStatus,
    roles: null,
    wacht: true,
  }),
  /** Asynchronous (network); sync errors come back in the status, not as an error. */
  'sync.nu': schrijven({
    input: z.object({ bevestigMassa: z.boolean().optional() }).strict(),
    output: SyncStatus,
    roles: null,
    wacht: true,
  }),
  'sync.overzicht': lezen({ input: z.object({}).strict(), output: SyncOverzicht, roles: team }),
  'sync.oplossen': schrijven({ input: ConflictOplossen, output: SyncOverzicht, roles: team }),
} as const;
