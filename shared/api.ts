/**
 * The API contract: the single source of truth for what the UI can ask (ARCHITECTURE.md
 * "One API, two hosts"). Each method has a zod input and output schema and the roles that
 * may call it; both hosts validate against it before the core runs.
 */
import { z } from 'zod';
import { GEZIN_STATUSSEN, ROLLEN, type Rol } from './domain';

z.config(z.locales.nl());

const id = z.string().min(1).max(64);

export const Profiel = z.object({
  id,
  naam: z.string(),
  rol: z.enum(ROLLEN.codes),
  teamId: id.nullable(),
  teamNaam: z.string().nullable(),
});
export type Profiel = z.infer<typeof Profiel>;

export const GezinRegel = z.object({
  id,
  naam: z.string(),
  woonplaats: z.string(),
  status: z.enum(GEZIN_STATUSSEN.codes),
  regisseurNaam: z.string(),
  aangemeldOp: z.string(),
  jeugdigen: z.array(z.object({ voornaam: z.string(), geboortedatum: z.string() })),
});
export type GezinRegel = z.infer<typeof GezinRegel>;

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Roles allowed to call it; null means "before sign-in" (the profile choice). */
  roles: readonly Rol[] | null;
}

function method<I extends z.ZodType, O extends z.ZodType>(
  spec: MethodSpec<I, O>,
): MethodSpec<I, O> {
  return spec;
}

export const API = {
  'profielen.lijst': method({
    input: z.object({}).strict(),
    output: z.array(Profiel),
    roles: null,
  }),
  'gezinnen.lijst': method({
    input: z
      .object({
        /** Name, date of birth (dd-mm-jjjj) or BSN. */
        zoek: z.string().trim().max(100).optional(),
        status: z.enum(GEZIN_STATUSSEN.codes).optional(),
        alleenEigen: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ gezinnen: z.array(GezinRegel), totaal: z.number().int() }),
    roles: ['jeugdprofessional', 'teamcoach'],
  }),
} as const;

export type ApiMethod = keyof typeof API;
export type ApiInput<M extends ApiMethod> = z.input<(typeof API)[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<(typeof API)[M]['output']>;

export const API_ERROR_CODES = [
  'ongeldige-invoer',
  'niet-aangemeld',
  'geen-toegang',
  'niet-gevonden',
  'interne-fout',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  /** Dutch, for the user. */
  message: string;
  /** The input field the message is about, when there is one. */
  field?: string;
}

export type ApiResult<M extends ApiMethod> =
  { ok: true; data: ApiOutput<M> } | { ok: false; error: ApiErrorBody };

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(API, name);
}
