import { expect } from 'vitest';
import type { Core } from '../../core/core';
import type { ApiErrorBody, ApiMethod, ApiOutput, ApiRequest } from '../../shared/api';

/** Calls the core as one professional; `ok` expects success, `fails` expects a typed error. */
export function clientFor(core: Core, professionalId: string) {
  return {
    ok<M extends ApiMethod>(method: M, input: ApiRequest<M>): ApiOutput<M> {
      const result = core.call(method, input, { professionalId });
      if (!result.ok) expect.fail(`${method} faalde: ${result.error.message}`);
      return result.data;
    },
    fails<M extends ApiMethod>(method: M, input: unknown): ApiErrorBody {
      const result = core.call(method, input, { professionalId });
      if (result.ok) expect.fail(`${method} had moeten falen`);
      return result.error;
    },
  };
}
