/**
 * How the sync engine reaches the central service. Over HTTP in the app; tests put a faulty
 * transport in between (drop, duplicate, delay) or call the server in-process.
 */

export interface Verzoek {
  methode: 'GET' | 'POST';
  /** Path with query string, e.g. /sync/pull?scope=referentie&na=0. */
  pad: string;
  body?: unknown;
  token?: string;
}

export interface Antwoord {
  status: number;
  body: unknown;
}

/** Throws `GeenVerbinding` when the service cannot be reached at all. */
export type Transport = (verzoek: Verzoek) => Promise<Antwoord>;

export class GeenVerbinding extends Error {
  constructor(message = 'Geen verbinding met de centrale dienst.') {
    super(message);
    this.name = 'GeenVerbinding';
  }
}

const TIMEOUT_MS = 30_000;

export function httpTransport(basisUrl: string): Transport {
  const basis = basisUrl.replace(/\/+$/, '');
  return async ({ methode, pad, body, token }) => {
    let res: Response;
    try {
      res = await fetch(basis + pad, {
        method: methode,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new GeenVerbinding();
    }
    const tekst = await res.text();
    try {
      return { status: res.status, body: tekst ? JSON.parse(tekst) : null };
    } catch {
      return { status: res.status, body: { code: 'interne-fout', message: tekst.slice(0, 200) } };
    }
  };
}
