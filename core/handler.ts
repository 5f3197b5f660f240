/**
 * The shape of a handler, derived from the contract's declaration of its method: a method
 * declared `lezen` is given a context without the writer, one declared `schrijven` the writer
 * too; a method that waits (`wacht`) returns a promise and may call other methods (`roep`).
 * Each area's handlers.ts `satisfies` Handlers of its part of the contract.
 */
import type {
  ApiInput,
  ApiMethod,
  ApiOutput,
  ApiResult,
  AsyncMethod,
  ReadMethod,
} from '../shared/api';
import type { Ctx, ReadCtx } from './context';

/** Another method of the contract, as the same session (its own transaction and checks). */
export type Roep = <M extends ApiMethod>(method: M, input: unknown) => ApiResult<M>;

/** The context a method's handler is given: no writer for a read. */
export type CtxFor<M extends ApiMethod> = M extends ReadMethod ? ReadCtx : Ctx;

export type Handler<M extends ApiMethod> = M extends AsyncMethod
  ? (ctx: CtxFor<M>, input: ApiInput<M>, roep: Roep) => Promise<ApiOutput<M>>
  : (ctx: CtxFor<M>, input: ApiInput<M>) => ApiOutput<M>;

/** The handlers of one part of the contract (e.g. `typeof gezinMethods`), one per method. */
export type Handlers<Part> = { [M in keyof Part & ApiMethod]: Handler<M> };
