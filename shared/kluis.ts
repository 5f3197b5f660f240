/**
 * The lock as the renderer sees it through either host: the profiles on this laptop, making
 * one, unlocking and locking. These are methods of the one contract (`kluis.*` in
 * shared/api/kluis.ts); the host answers them itself, since while locked there is no core.
 */
import { z } from 'zod';
import type { ApiErrorBody } from './api';

export const KLUIS_STATEN = ['nieuw', 'vergrendeld', 'open'] as const;
export type KluisStaat = (typeof KLUIS_STATEN)[number];

export const LaptopProfiel = z.object({
  id: z.string(),
  /** The name its owner chose for the lock screen. */
  naam: z.string(),
  /** The central service's account opens it too (offline sign-in). */
  metAccount: z.boolean(),
});
export type LaptopProfiel = z.infer<typeof LaptopProfiel>;

export const KluisStand = z.object({
  staat: z.enum(KLUIS_STATEN),
  profielen: z.array(LaptopProfiel),
  /** The open profile, or null while locked. */
  actief: z.string().nullable(),
});
export type KluisStand = z.infer<typeof KluisStand>;

const tekst = (message: string) =>
  z.string({ error: message }).min(1, { message }).max(1_000, { message: 'Dit is te lang' });
const profiel = tekst('Kies uw profiel.').optional();
const zin = tekst('Vul uw wachtwoordzin in.');

/** The inputs of the lock's methods; without `profiel`, the only one on the laptop is meant. */
export const KluisInvoer = {
  staat: z.object({}).strict(),
  vergrendelen: z.object({}).strict(),
  /** The user is at the keyboard: the host's idle lock starts counting again. */
  actief: z.object({}).strict(),
  /** A new profile on this laptop, opened at once. */
  instellen: z
    .object({ naam: z.string({ error: 'Geef het profiel een naam.' }), wachtwoord: zin })
    .strict(),
  /** The passphrase. */
  ontgrendelen: z.object({ profiel, wachtwoord: zin }).strict(),
  /** Offline, with the account the profile last signed in with online. */
  aanmelden: z
    .object({
      profiel,
      email: tekst('Vul uw e-mailadres in.'),
      wachtwoord: tekst('Vul uw wachtwoord in.'),
    })
    .strict(),
  /** The open profile's passphrase. */
  wijzigen: z.object({ wachtwoord: zin, nieuw: tekst('Vul de nieuwe wachtwoordzin in.') }).strict(),
} as const;

export type KluisActie = keyof typeof KluisInvoer;
export type KluisInvoerVan<A extends KluisActie> = z.input<(typeof KluisInvoer)[A]>;

/** What the renderer reads after a lock action. */
export type KluisAntwoord =
  ({ ok: true } & KluisStand) | { ok: false; error: ApiErrorBody; wachtMs: number };
