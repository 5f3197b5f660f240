/**
 * The API client the renderer is given: window.eenplan in Electron (preload), HTTP to the
 * browser host otherwise. Both speak the same contract from shared/api.
 */
import type {
  ApiErrorBody,
  ApiMethod,
  ApiOutput,
  ApiRequest,
  ApiResult,
} from '../../../shared/api';

export interface EenplanBridge {
  call(method: string, input: unknown, professionalId: string | null): Promise<unknown>;
}

declare global {
  interface Window {
    eenplan?: EenplanBridge;
  }
}

export class ApiCallError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
  }
}

async function viaHttp(
  method: string,
  input: unknown,
  professionalId: string | null,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(professionalId ? { 'X-Eenplan-Profiel': professionalId } : {}),
      },
      body: JSON.stringify({ input }),
    });
  } catch {
    return {
      ok: false,
      error: {
        code: 'interne-fout',
        message: 'Eenplan is niet bereikbaar. Draait de browser-host nog?',
      },
    };
  }
  return response.json();
}

export async function callApi<M extends ApiMethod>(
  method: M,
  input: ApiRequest<M>,
  professionalId: string | null,
): Promise<ApiOutput<M>> {
  const transport = window.eenplan ? window.eenplan.call.bind(window.eenplan) : viaHttp;
  const result = (await transport(method, input, professionalId)) as ApiResult<M>;
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data;
}
