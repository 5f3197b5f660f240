import { useCallback } from 'react';
import type { ApiRequest, WriteMethod } from '../../../shared/api';
import { useMutation } from '../api/hooks';

/**
 * The submit of a dialog or an inline add-form: one write; its Dutch error stays in the form,
 * and only when it succeeded does `daarna` run (close the dialog, empty the form and reload).
 * Resolves to what FormDialog and InlineForm show: the error, or null.
 */
export function useSubmitMutation() {
  const mutate = useMutation();
  return useCallback(
    async <M extends WriteMethod>(
      method: M,
      input: ApiRequest<M>,
      daarna: () => void,
    ): Promise<string | null> => {
      const { error } = await mutate(method, input);
      if (error) return error.message;
      daarna();
      return null;
    },
    [mutate],
  );
}
