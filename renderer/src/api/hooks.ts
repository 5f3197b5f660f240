import { useCallback, useEffect, useState } from 'react';
import type { ApiMethod, ApiOutput, ApiRequest } from '../../../shared/api';
import { useSaveState } from '../store';
import { callApi, ApiCallError } from './client';

/**
 * Calls the API as the profile's person: the host knows who that is, so the function never
 * changes (another profile reloads the page).
 */
export function useCall() {
  return callApi;
}

/** Loads data and reloads it on demand or when `key` changes. */
export function useQuery<M extends ApiMethod>(method: M, input: ApiRequest<M> | null, key: string) {
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
        setData(d);
        setError(null);
      },
      (e: Error) =>
        current &&
        setError({ message: e.message, code: e instanceof ApiCallError ? e.body.code : null }),
    );
    return () => {
      current = false;
    };
  }, [call, method, inputJson, key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error: error?.message ?? null, errorCode: error?.code ?? null, reload };
}

/** A write that reports to the global save state and returns the Dutch error, if any. */
export function useMutation() {
  const call = useCall();
  const { start, klaar } = useSaveState();
  return useCallback(
    async <M extends ApiMethod>(
      method: M,
      input: ApiRequest<M>,
    ): Promise<{ data?: ApiOutput<M>; error?: ApiCallError['body'] }> => {
      start();
      try {
        const data = await call(method, input);
        klaar();
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
