import { useCallback, useEffect, useState } from 'react';
import type {
  ApiMethod,
  ApiOutput,
  ApiRequest,
  ReadMethod,
  WriteMethod,
} from '../../../shared/api';
import { useSaveState } from '../store';
import { callApi, ApiCallError } from './client';

/**
 * Calls the API as the profile's person: the host knows who that is, so the function never
 * changes (another profile reloads the page).
 */
export function useCall() {
  return callApi;
}

const luisteraars = new Set<() => void>();

/** A read of one family's data: reading it is logged as an access to that family. */
function overEenGezin(input: unknown): boolean {
  return typeof (input as { gezinId?: unknown } | null)?.gezinId === 'string';
}

/**
 * The one rule that keeps lists and badges current: a write invalidates the reads it affects,
 * and they fetch again at once. Those are the reads across families: the lists, the counts in
 * the menu (Akkoorden), tasks and signals, the agenda, the budget. A family's own screens reload
 * what they show after their own writes: each read of a family is written to the access log,
 * so it is never repeated behind the user's back (an autosave every few seconds would log a
 * "looked at" line each time). useMutation calls this after each write that succeeded; a
 * screen that writes with useCall calls it itself.
 */
export function invalideer() {
  for (const l of luisteraars) l();
}

/**
 * Loads data and reloads it on demand, when `key` changes or when a write affects it (see
 * invalideer). An answer equal to the one shown keeps its identity (nothing re-renders); a
 * failed load shows no data, never the answer to an earlier input under the error (a search
 * for an invalid BSN lists no family).
 */
export function useQuery<M extends ReadMethod>(
  method: M,
  input: ApiRequest<M> | null,
  key: string,
) {
  const call = useCall();
  const [data, setData] = useState<ApiOutput<M> | null>(null);
  const [error, setError] = useState<{ message: string; code: string | null } | null>(null);
  const [version, setVersion] = useState(0);
  const inputJson = JSON.stringify(input);
  useEffect(() => {
    const parsed = JSON.parse(inputJson) as ApiRequest<M> | null;
    if (!parsed) return;
    let current = true;
    call(method, parsed).then(
      (d) => {
        if (!current) return;
        setData((vorig) => (JSON.stringify(vorig) === JSON.stringify(d) ? vorig : d));
        setError(null);
      },
      (e: Error) => {
        if (!current) return;
        setData(null);
        setError({ message: e.message, code: e instanceof ApiCallError ? e.body.code : null });
      },
    );
    return () => {
      current = false;
    };
  }, [call, method, inputJson, key, version]);
  useEffect(() => {
    if (overEenGezin(JSON.parse(inputJson))) return;
    const luister = () => setVersion((v) => v + 1);
    luisteraars.add(luister);
    return () => {
      luisteraars.delete(luister);
    };
  }, [inputJson]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error: error?.message ?? null, errorCode: error?.code ?? null, reload };
}

/**
 * A call on the user's action that reports to the global save state and returns the Dutch error,
 * if any. When it succeeds, the reads it affects load again (see invalideer).
 */
function useActie<Ms extends ApiMethod>() {
  const call = useCall();
  const { start, klaar } = useSaveState();
  return useCallback(
    async <M extends Ms>(
      method: M,
      input: ApiRequest<M>,
    ): Promise<{ data?: ApiOutput<M>; error?: ApiCallError['body'] }> => {
      start();
      try {
        const data = await call(method, input);
        klaar();
        invalideer();
        return { data };
      } catch (e) {
        const body =
          e instanceof ApiCallError
            ? e.body
            : { code: 'interne-fout' as const, message: (e as Error).message };
        klaar(body.message);
        return { error: body };
      }
    },
    [call, start, klaar],
  );
}

/** A write (a method the contract declares `schrijven`), see useActie. */
export function useMutation() {
  return useActie<WriteMethod>();
}

/**
 * A read on the user's action (a method declared `lezen`: a proposal computed, a BSN shown),
 * reported like a write so the screen shows it is busy, see useActie.
 */
export function useOpvragen() {
  return useActie<ReadMethod>();
}
