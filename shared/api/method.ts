/**
 * How the contract declares a method: its input and output, who may call it, and whether it
 * reads (`lezen`) or writes (`schrijven`). The core gives a read no writer and logs it as
 * "inzien", a write as "wijzigen"; the renderer's hooks take reads for queries and writes for
 * mutations. `wacht` marks a method that waits (network, building a file): it runs outside a
 * database transaction, through the core's `callAsync`.
 */
import type { z } from 'zod';
import type { Rol } from '../domain';
import { KluisStand } from '../kluis';

export type Soort = 'lezen' | 'schrijven';

export interface MethodSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  S extends Soort = Soort,
  W extends boolean = boolean,
> {
  input: I;
  output: O;
  /**
   * Roles allowed to call it; null means also without a person (the lock, the profile's one
   * choice of who it belongs to, connecting).
   */
  roles: readonly Rol[] | null;
  /** The largest request a host accepts for it (JSON, base64 files included); 1 MB otherwise. */
  maxBytes?: number;
  soort: S;
  wacht: W;
  /**
   * Writes only tables of this laptop that never sync (drafts): a read may tidy them, and
   * nothing is pushed after it.
   */
  lokaal?: boolean;
}

type Declaratie<I extends z.ZodType, O extends z.ZodType, W extends boolean> = Omit<
  MethodSpec<I, O>,
  'soort' | 'wacht'
> & { wacht?: W };

/** A method that only reads: its handler is given no writer. */
export function lezen<I extends z.ZodType, O extends z.ZodType, W extends boolean = false>(
  spec: Declaratie<I, O, W>,
): MethodSpec<I, O, 'lezen', W> {
  return { ...spec, soort: 'lezen', wacht: (spec.wacht ?? false) as W };
}

/** A method that writes: its handler is given the writer, stamped with the caller. */
export function schrijven<I extends z.ZodType, O extends z.ZodType, W extends boolean = false>(
  spec: Declaratie<I, O, W>,
): MethodSpec<I, O, 'schrijven', W> {
  return { ...spec, soort: 'schrijven', wacht: (spec.wacht ?? false) as W };
}

/** The lock's methods: the host answers them itself (there is no core while locked). */
export const kluisMethode = <S extends Soort, I extends z.ZodType>(soort: S, input: I) =>
  (soort === 'lezen'
    ? lezen({ input, output: KluisStand, roles: null })
    : schrijven({ input, output: KluisStand, roles: null })) as MethodSpec<
    I,
    typeof KluisStand,
    S,
    false
  >;

export const team = ['jeugdprofessional', 'teamcoach'] as const;
export const professional = ['jeugdprofessional'] as const;
/** Budget figures: the teamcoach for the own team, the beheerder for any team and the region. */
export const budget = ['teamcoach', 'beheerder'] as const;
/** The access log: the teamcoach for the own team, the beheerder (privacy officer) for all. */
export const toezicht = ['teamcoach', 'beheerder'] as const;
export const iedereen = ['jeugdprofessional', 'teamcoach', 'beheerder'] as const;
