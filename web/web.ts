/**
 * The browser host: serves the built renderer and the core's API on 127.0.0.1, for demos on
 * machines without Electron and for the Playwright e2e tests. Same contract, same validation.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { API, isApiMethod, type ApiErrorBody } from '../shared/api';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { deur, HTTP_STATUS } from '../core/deur';
import { VERGRENDELD } from '../core/kluis/acties';
import type { KluisStand } from '../shared/kluis';
import type { Kluizen } from '../core/kluis/kluizen';

export { CONTENT_SECURITY_POLICY };

export const MAX_BODY_BYTES = 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebHostOptions {
  /** The locked or unlocked profile; the core exists only while it is open. */
  kluis: Kluizen;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** How often the host checks whether the open profile has been idle too long (tests: short). */
  stilteControleMs?: number;
}

/** The cookie that carries this unlock's session secret (HttpOnly: no script reads it). */
export const SESSIE_COOKIE = 'eenplan-sessie';

/** What may be asked without the session secret: the lock's state, and unlocking. */
const ZONDER_GEHEIM = new Set([
  'kluis.staat',
  'kluis.instellen',
  'kluis.ontgrendelen',
  'kluis.aanmelden',
]);

function cookieWaarde(req: IncomingMessage, naam: string): string | null {
  for (const deel of (req.headers.cookie ?? '').split(';')) {
    const [sleutel, ...rest] = deel.trim().split('=');
    if (sleutel === naam) return rest.join('=');
  }
  return null;
}

/** Compared in constant time: the secret is not to be guessed byte by byte. */
function zelfdeGeheim(a: string | null, b: string | null): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, error: ApiErrorBody): void {
  sendJson(res, status, { ok: false, error });
}

function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolveBody(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function handleStatic(root: string, res: ServerResponse, pathname: string): void {
  let pad: string;
  try {
    pad = decodeURIComponent(pathname);
  } catch {
    // A malformed escape (any page can make the browser ask for /%ZZ) is a bad request.
    return sendError(res, 400, { code: 'ongeldige-invoer', message: 'Ongeldig adres.' });
  }
  const requested = normalize(join(root, pad));
  const inside = requested === root || requested.startsWith(root + sep);
  let file =
    inside && existsSync(requested) && statSync(requested).isFile()
      ? requested
      : join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('De schermen van Eenplan zijn nog niet gebouwd: voer "npm run build:renderer" uit.');
    return;
  }
  if (!inside) file = join(root, 'index.html');
  res.writeHead(200, {
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    // The page itself is never kept (what it shows comes from the API, also no-store).
    'Cache-Control': file.endsWith('index.html')
      ? 'no-store'
      : 'public, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(res);
}

/** What the one door remembers between requests. */
interface DeurStand {
  /** A large upload (the SOJ file) is being read. */
  grootBezig: boolean;
  /** The secret of the current unlock, handed to the page that unlocked (a cookie). */
  geheim: string | null;
}

/** Whether the request carries the secret of the current unlock. */
function geheimKlopt(kluis: Kluizen, stand: DeurStand, req: IncomingMessage): boolean {
  if (kluis.staat() !== 'open') stand.geheim = null;
  return zelfdeGeheim(cookieWaarde(req, SESSIE_COOKIE), stand.geheim);
}

/** The answer; unlocking hands this page the secret, to others an open profile is locked. */
function geefAntwoord(
  kluis: Kluizen,
  stand: DeurStand,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  result: Awaited<ReturnType<typeof deur>>,
): void {
  if (ZONDER_GEHEIM.has(method) && result.ok) {
    const kluisStand = result.data as KluisStand;
    if (method !== 'kluis.staat' && kluisStand.staat === 'open') {
      // This unlock's secret, for this page only; an earlier one stops working.
      stand.geheim = randomBytes(32).toString('base64url');
      res.setHeader(
        'Set-Cookie',
        `${SESSIE_COOKIE}=${stand.geheim}; HttpOnly; SameSite=Strict; Path=/`,
      );
    } else if (kluisStand.staat === 'open' && !geheimKlopt(kluis, stand, req)) {
      // Open, but not for this caller: to it the profile is locked.
      return sendJson(res, 200, {
        ok: true,
        data: { ...kluisStand, staat: 'vergrendeld', actief: null },
      });
    }
  }
  sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
}

/** The API door of the host, with the lock's secret and the one large upload at a time. */
function apiDeur(kluis: Kluizen) {
  const stand: DeurStand = { grootBezig: false, geheim: null };
  const heeftGeheim = (req: IncomingMessage) => geheimKlopt(kluis, stand, req);

  /**
   * The one door: POST /api/<method> with `{ input }` as JSON, the lock's methods and files
   * included. Nothing in the request says who is calling: the open profile knows its person.
   */
  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
  ): Promise<void> {
    if (req.method !== 'POST')
      return sendError(res, 405, { code: 'ongeldige-invoer', message: 'Gebruik POST.' });
    if (!isApiMethod(method))
      return sendError(res, 404, {
        code: 'niet-gevonden',
        message: `Onbekende functie: ${method.slice(0, 60)}.`,
      });
    // JSON only: a page of another site cannot send that without a CORS preflight, which this
    // host never grants, so it can neither lock the profile nor guess the passphrase.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(res, 415, {
        code: 'ongeldige-invoer',
        message: 'Stuur de invoer als JSON.',
      });
    }
    // Without this unlock's secret (another local program, a page from before the lock) the
    // profile is locked, whatever its state.
    if (!ZONDER_GEHEIM.has(method) && !heeftGeheim(req)) return sendError(res, 423, VERGRENDELD);
    const limiet = (API[method] as { maxBytes?: number }).maxBytes ?? MAX_BODY_BYTES;
    // Before a large body is read: nothing of it while locked, and one at a time.
    const groot = limiet > MAX_BODY_BYTES;
    if (groot && stand.grootBezig)
      return sendError(res, 429, {
        code: 'even-wachten',
        message: 'Er wordt al een bestand verwerkt. Probeer het zo opnieuw.',
      });
    stand.grootBezig ||= groot;
    let body: Buffer | null;
    try {
      body = await readBody(req, limiet);
    } finally {
      if (groot) stand.grootBezig = false;
    }
    if (body === null)
      return sendError(res, 413, {
        code: 'ongeldige-invoer',
        message: `De invoer is te groot (maximaal ${Math.round(limiet / 1024 / 1024)} MB).`,
      });
    // Again once the body is in: the profile may have been locked, or another one opened, while
    // a slow request was arriving.
    if (!ZONDER_GEHEIM.has(method) && !heeftGeheim(req)) return sendError(res, 423, VERGRENDELD);
    let parsed: unknown;
    try {
      parsed = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendError(res, 400, {
        code: 'ongeldige-invoer',
        message: 'De invoer is geen geldige JSON.',
      });
    }
    const input = (parsed as { input?: unknown } | null)?.input;
    const result = await deur(kluis, method, input);
    geefAntwoord(kluis, stand, req, res, method, result);
  }

  return handleApi;
}

export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const root = resolve(options.staticDir);
  let port = 0;
  const handleApi = apiDeur(options.kluis);
  // The idle lock lives here, not in a window: a host nobody uses locks by itself.
  const stilte = setInterval(
    () => options.kluis.vergrendelBijStilte(),
    options.stilteControleMs ?? 5_000,
  );
  stilte.unref();

  const server = createServer((req, res) => {
    securityHeaders(res);
    // Only our own origin: blocks DNS-rebinding pages from reaching the API.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return sendError(res, 421, { code: 'geen-toegang', message: 'Onbekende host.' });
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/health') return sendJson(res, 200, { ok: true });
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice('/api/'.length)).catch(() =>
        sendError(res, 500, {
          code: 'interne-fout',
          message: 'Er ging iets mis bij het verwerken van het verzoek.',
        }),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, { code: 'ongeldige-invoer', message: 'Niet toegestaan.' });
    handleStatic(root, res, url.pathname);
  });

  return new Promise((resolveHost, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolveHost({
        url: `http://127.0.0.1:${port}`,
        close: () => {
          clearInterval(stilte);
          return new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}
