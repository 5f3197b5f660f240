import { expect } from 'vitest';
import type { Core } from '../../core/core';
import { legPersoonVast } from '../../core/sessie/session';
import type { Sqlite } from '../../db/connection';
import type { ApiErrorBody, ApiMethod, ApiOutput, ApiRequest } from '../../shared/api';

/**
 * Makes `professionalId` the person of this (demo) profile, as `sessie.kiezen` does once in the
 * app. Tests that act as several people on one database switch with it; the core itself never
 * takes a person from a call.
 */
export function alsPersoon(store: { sqlite: Sqlite }, professionalId: string): void {
  legPersoonVast(store.sqlite, professionalId);
}

/** Calls the core as one professional; `ok` expects success, `fails` expects a typed error. */
export function clientFor(core: Core, store: { sqlite: Sqlite }, professionalId: string) {
  return {
    ok<M extends ApiMethod>(method: M, input: ApiRequest<M>): ApiOutput<M> {
      alsPersoon(store, professionalId);
      const result = core.call(method, input);
      if (!result.ok) expect.fail(`${method} faalde: ${result.error.message}`);
      return result.data;
    },
    fails<M extends ApiMethod>(method: M, input: unknown): ApiErrorBody {
      alsPersoon(store, professionalId);
      const result = core.call(method, input);
      if (result.ok) expect.fail(`${method} had moeten falen`);
      return result.error;
    },
    /** Any method, also those that wait (files, network). */
    async async<M extends ApiMethod>(method: M, input: unknown) {
      alsPersoon(store, professionalId);
      return core.callAsync(method, input);
    },
  };
}
