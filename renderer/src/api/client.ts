/**
 * The API client the renderer is given: window.eenplan in Electron (preload), HTTP to the
 * browser host otherwise. Both are one door: a method of the contract in shared/api and its
 * input. Nothing says who is calling; the host's open profile knows.
 */
import type {
  ApiErrorBody,
  ApiMethod,
  ApiOutput,
  ApiRequest,
  ApiResult,
} from '../../../shared/api';
import type { BestandExport } from '../../../shared/api';
import type { KluisActie, KluisAntwoord, KluisInvoerVan } from '../../../shared/kluis';
import { vergrendeldGemeld } from '../kluis-store';

export interface EenplanBridge {
  call(method: string, input: unknown): Promise<unknown>;
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

const ONBEREIKBAAR: ApiErrorBody = {
  code: 'interne-fout',
  message: 'Eenplan is niet bereikbaar. Draait de browser-host nog?',
};

async function deur<M extends ApiMethod>(method: M, input: unknown): Promise<ApiResult<M>> {
  if (window.eenplan) return (await window.eenplan.call(method, input)) as ApiResult<M>;
  try {
    const response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input }),
    });
    return (await response.json()) as ApiResult<M>;
  } catch {
    return { ok: false, error: ONBEREIKBAAR };
  }
}

export async function callApi<M extends ApiMethod>(
  method: M,
  input: ApiRequest<M>,
): Promise<ApiOutput<M>> {
  const result = await deur(method, input);
  if (!result.ok) {
    if (result.error.code === 'vergrendeld') vergrendeldGemeld();
    throw new ApiCallError(result.error);
  }
  return result.data;
}

/**
 * The lock (`kluis.*` in the contract): the profiles on this laptop, making one, unlocking with
 * the passphrase or offline with the account, changing the passphrase, locking.
 */
export async function kluis<A extends KluisActie>(
  actie: A,
  invoer?: KluisInvoerVan<A>,
): Promise<KluisAntwoord> {
  const result = await deur(`kluis.${actie}`, invoer ?? {});
  if (result.ok) return { ok: true, ...result.data };
  return { ok: false, error: result.error, wachtMs: result.error.wachtMs ?? 0 };
}

/** A file as base64, read by the browser itself (fast, and without a copy per character). */
function alsBase64(file: Blob): Promise<string> {
  return new Promise((klaar, mislukt) => {
    const lezer = new FileReader();
    lezer.onload = () => klaar(String(lezer.result).replace(/^data:[^,]*,/, ''));
    lezer.onerror = () => mislukt(new ApiCallError(ONBEREIKBAAR));
    lezer.readAsDataURL(file);
  });
}

/** Sends an SOJ file to the core; the import then runs in the background. */
export async function sojImporteren(file: File): Promise<ApiOutput<'soj.importStatus'>> {
  return callApi('soj.importeren', { naam: file.name, inhoud: await alsBase64(file) });
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

/** Exports a table, a plan, the inzage or a JW301 and saves it through the browser's download. */
export async function exporteren(input: BestandExport): Promise<void> {
  const bestand = await callApi('bestand.exporteren', input);
  const tekens = atob(bestand.inhoud);
  const bytes = new Uint8Array(tekens.length);
  for (let i = 0; i < tekens.length; i++) bytes[i] = tekens.charCodeAt(i);
  download(bytes, bestand.naam, bestand.mime);
}
