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
import type { KluisActie, KluisAntwoord, KluisInvoer } from '../../../shared/kluis';
import { vergrendeldGemeld } from '../kluis-store';

export interface EenplanBridge {
  call(method: string, input: unknown, professionalId: string | null): Promise<unknown>;
  sojImporteren(bytes: Uint8Array, naam: string, professionalId: string | null): Promise<unknown>;
  exporteren(input: unknown, professionalId: string | null): Promise<unknown>;
  kluis(actie: KluisActie, invoer?: KluisInvoer): Promise<unknown>;
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
  if (!result.ok) {
    if (result.error.code === 'vergrendeld') vergrendeldGemeld();
    throw new ApiCallError(result.error);
  }
  return result.data;
}

/**
 * The lock (see kluisActie in the core): the profiles on this laptop, making one, unlocking
 * with the passphrase or offline with the account, changing the passphrase, locking.
 */
export async function kluis(actie: KluisActie, invoer?: KluisInvoer): Promise<KluisAntwoord> {
  if (window.eenplan) return (await window.eenplan.kluis(actie, invoer)) as KluisAntwoord;
  try {
    const response =
      actie === 'staat'
        ? await fetch('./kluis')
        : await fetch(`./kluis/${actie}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(invoer ?? {}),
          });
    return (await response.json()) as KluisAntwoord;
  } catch {
    return { ok: false, error: ONBEREIKBAAR, wachtMs: 0 };
  }
}

const profielHeader = (professionalId: string | null): Record<string, string> =>
  professionalId ? { 'X-Eenplan-Profiel': professionalId } : {};

const ONBEREIKBAAR: ApiErrorBody = {
  code: 'interne-fout',
  message: 'Eenplan is niet bereikbaar. Draait de browser-host nog?',
};

/** Sends an SOJ file to the core; the import then runs in the background. */
export async function sojImporteren(
  file: File,
  professionalId: string | null,
): Promise<ApiOutput<'soj.importStatus'>> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let result: ApiResult<'soj.importStatus'>;
  if (window.eenplan) {
    result = (await window.eenplan.sojImporteren(
      bytes,
      file.name,
      professionalId,
    )) as typeof result;
  } else {
    try {
      const response = await fetch(`./bestand/soj-import?naam=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', ...profielHeader(professionalId) },
        body: bytes,
      });
      result = (await response.json()) as typeof result;
    } catch {
      throw new ApiCallError(ONBEREIKBAAR);
    }
  }
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data;
}

/** Saves bytes as a file through the browser's download. */
export function download(bytes: BlobPart, naam: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = naam;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports a table as CSV or XLSX and saves it through the browser's download. */
export async function exporteren(input: unknown, professionalId: string | null): Promise<void> {
  if (window.eenplan) {
    const result = (await window.eenplan.exporteren(input, professionalId)) as
      | { ok: true; bestand: { naam: string; mime: string; bytes: Uint8Array } }
      | { ok: false; error: ApiErrorBody };
    if (!result.ok) throw new ApiCallError(result.error);
    download(result.bestand.bytes as BlobPart, result.bestand.naam, result.bestand.mime);
    return;
  }
  let response: Response;
  try {
    response = await fetch('./bestand/export', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...profielHeader(professionalId) },
      body: JSON.stringify({ input }),
    });
  } catch {
    throw new ApiCallError(ONBEREIKBAAR);
  }
  if (!response.ok)
    throw new ApiCallError(((await response.json()) as { error: ApiErrorBody }).error);
  const naam = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
  download(
    await response.arrayBuffer(),
    naam ?? 'eenplan-export',
    response.headers.get('Content-Type') ?? '',
  );
}
