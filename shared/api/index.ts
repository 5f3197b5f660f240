/**
 * The API contract: the single source of truth for what the UI can ask (ARCHITECTURE.md
 * "One API, two hosts"). Each method has a zod input and output schema, the roles that may call
 * it and whether it reads or writes (./method.ts); both hosts validate against it before the core
 * runs. One file per area declares its methods; this index puts them together.
 */
import type { z } from 'zod';
import { actieplanMethods } from './actieplan';
import { agendaMethods } from './agenda';
import { akkoordMethods } from './akkoord';
import { auditMethods } from './audit';
import { bestandenMethods } from './bestanden';
import { budgetMethods } from './budget';
import { conceptenMethods } from './concepten';
import { gesprekkenMethods } from './gesprekken';
import { gezinMethods } from './gezin';
import { gezinsplanMethods } from './gezinsplan';
import { ijwMethods } from './ijw';
import { kluisMethods } from './kluis';
import { sessieMethods } from './sessie';
import { socialeKaartMethods } from './sociale-kaart';
import { sojMethods } from './soj';
import { syncMethods } from './sync';
import { takenMethods } from './taken';
import { toewijzingMethods } from './toewijzing';

export * from './actieplan';
export * from './agenda';
export * from './akkoord';
export * from './audit';
export * from './bestanden';
export * from './budget';
export * from './concepten';
export * from './doel-scores';
export * from './gesprekken';
export * from './gezin';
export * from './gezinsplan';
export * from './ijw';
export * from './kluis';
export * from './sessie';
export * from './sociale-kaart';
export * from './soj';
export * from './sync';
export * from './taken';
export * from './toewijzing';
export type { MethodSpec, Soort } from './method';

export const API = {
  ...kluisMethods,
  ...sessieMethods,
  ...bestandenMethods,
  ...sojMethods,
  ...syncMethods,
  ...gezinMethods,
  ...auditMethods,
  ...gezinsplanMethods,
  ...gesprekkenMethods,
  ...conceptenMethods,
  ...socialeKaartMethods,
  ...agendaMethods,
  ...ijwMethods,
  ...actieplanMethods,
  ...toewijzingMethods,
  ...akkoordMethods,
  ...takenMethods,
  ...budgetMethods,
} as const;

export type ApiMethod = keyof typeof API;
export type ApiInput<M extends ApiMethod> = z.output<(typeof API)[M]['input']>;
export type ApiRequest<M extends ApiMethod> = z.input<(typeof API)[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<(typeof API)[M]['output']>;

/** The methods declared `lezen`: they change nothing. */
export type ReadMethod = {
  [M in ApiMethod]: (typeof API)[M]['soort'] extends 'lezen' ? M : never;
}[ApiMethod];
/** The methods declared `schrijven`. */
export type WriteMethod = Exclude<ApiMethod, ReadMethod>;
/** The methods that wait (network, building a file): the core's `callAsync` runs them. */
export type AsyncMethod = {
  [M in ApiMethod]: (typeof API)[M]['wacht'] extends true ? M : never;
}[ApiMethod];
/** The lock's methods, which the host answers itself. */
export type KluisMethod = keyof typeof kluisMethods;

export const API_ERROR_CODES = [
  'ongeldige-invoer',
  'niet-aangemeld',
  'geen-toegang',
  'niet-gevonden',
  'conflict',
  /** A teamcoach must first give a reason to read this dossier (`inzage.reden`). */
  'reden-nodig',
  /** The profile is locked: unlock it with the passphrase first. */
  'vergrendeld',
  /** Too many tries: wait `wachtMs` before the next one. */
  'even-wachten',
  'interne-fout',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  /** Dutch, for the user. */
  message: string;
  /** The input field the message is about, when there is one. */
  field?: string;
  /** With `even-wachten`: how long before the next try is taken. */
  wachtMs?: number;
}

export type ApiResult<M extends ApiMethod> =
  { ok: true; data: ApiOutput<M> } | { ok: false; error: ApiErrorBody };

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(API, name);
}
