import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

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

/**
 * Connections are kept open between the requests of a round, in one pool per process (the
 * engine makes a transport per request). An idle connection is closed after a few seconds,
 * well before a service or proxy would close it (Fastify after 72 s, nginx after 75 s), so a
 * request rarely meets a connection closed under it; one that does is sent again (below).
 */
const POOL = { keepAlive: true, timeout: 4_000 };
const agents = { http: new HttpAgent(POOL), https: new HttpsAgent(POOL) };

/**
 * Over node:http(s), not fetch: a sync round is a few small requests, and fetch took two to
 * three times the processor time per request (0.6–1.1 ms against 0.2–0.3 ms on loopback), which
 * a laptop spends on every round.
 */
export function httpTransport(basisUrl: string): Transport {
  const basis = basisUrl.replace(/\/+$/, '');
  const versleuteld = basis.startsWith('https:');
  const stuur = versleuteld ? httpsRequest : httpRequest;
  const agent = versleuteld ? agents.https : agents.http;
  const eenmaal = (verzoek: Verzoek, tekst: string | undefined) =>
    new Promise<Antwoord>((klaar, mislukt) => {
      const req = stuur(basis + verzoek.pad, {
        method: verzoek.methode,
        agent,
        headers: {
          ...(tekst === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(tekst) }),
          ...(verzoek.token ? { authorization: `Bearer ${verzoek.token}` } : {}),
        },
      });
      const klok = setTimeout(() => req.destroy(new Error('timeout')), TIMEOUT_MS);
      let beantwoord = false;
      const fout = (error: NodeJS.ErrnoException) => {
        clearTimeout(klok);
        mislukt(new VerbindingWeg(req.reusedSocket && !beantwoord, error.code));
      };
      req.on('error', fout);
      req.on('response', (res) => {
        beantwoord = true;
        const delen: Buffer[] = [];
        res.on('data', (deel: Buffer) => delen.push(deel));
        res.on('error', fout);
        res.on('close', () => {
          if (!res.complete) fout(new Error('afgebroken'));
        });
        res.on('end', () => {
          clearTimeout(klok);
          klaar(antwoordVan(res.statusCode ?? 0, Buffer.concat(delen).toString('utf8')));
        });
      });
      req.end(tekst);
    });
  return async (verzoek) => {
    const tekst = verzoek.body === undefined ? undefined : JSON.stringify(verzoek.body);
    try {
      return await eenmaal(verzoek, tekst);
    } catch (error) {
      // A kept connection the service closed just as it was reused: the request never reached
      // it, so it goes once more on a new one (every sync request is safe to repeat: changes
      // and log lines carry their own ids).
      if (!(error instanceof VerbindingWeg && error.opnieuw)) throw new GeenVerbinding();
      return eenmaal(verzoek, tekst).catch(() => {
        throw new GeenVerbinding();
      });
    }
  };
}

/** `opnieuw`: a kept connection was reset before any answer came, so the service saw nothing. */
class VerbindingWeg extends Error {
  readonly opnieuw: boolean;
  constructor(hergebruikt: boolean, code: string | undefined) {
    super(code ?? 'verbinding weg');
    this.opnieuw = hergebruikt && code === 'ECONNRESET';
  }
}

function antwoordVan(status: number, tekst: string): Antwoord {
  try {
    return { status, body: tekst ? JSON.parse(tekst) : null };
  } catch {
    return { status, body: { code: 'interne-fout', message: tekst.slice(0, 200) } };
  }
}
