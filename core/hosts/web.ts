/**
 * The browser host: serves the built renderer and the core's API on 127.0.0.1, for demos on
 * machines without Electron and for the Playwright e2e tests. Same contract, same validation.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { isApiMethod, type ApiErrorBody, type ApiErrorCode } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Kluizen } from '../kluis/kluizen';
import { kluisActie, VERGRENDELD } from '../kluis/acties';

export { CONTENT_SECURITY_POLICY };

export const MAX_BODY_BYTES = 1024 * 1024;
/** A year of SOJ lines for the whole region stays well under this. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
export const PROFILE_HEADER = 'x-eenplan-profiel';

const STATUS: Record<ApiErrorCode, number> = {
  'ongeldige-invoer': 400,
  'niet-aangemeld': 401,
  'geen-toegang': 403,
  'niet-gevonden': 404,
  conflict: 409,
  'reden-nodig': 403,
  vergrendeld: 423,
  'interne-fout': 500,
};

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

export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const root = resolve(options.staticDir);
  let port = 0;

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
        message: `Onbekende functie: ${method}.`,
      });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(res, 415, {
        code: 'ongeldige-invoer',
        message: 'Stuur de invoer als JSON.',
      });
    }
    const body = await readBody(req);
    if (body === null)
      return sendError(res, 413, {
        code: 'ongeldige-invoer',
        message: 'De invoer is te groot (maximaal 1 MB).',
      });
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
    const core = options.kluis.core();
    if (!core) return sendError(res, 423, VERGRENDELD);
    const result = await core.callAsync(method, input, profileOf(req));
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  const profileOf = (req: IncomingMessage) => {
    const profile = req.headers[PROFILE_HEADER];
    return { professionalId: typeof profile === 'string' ? profile : null };
  };

  /** Files: the SOJ upload (raw bytes) and table exports (a file in the response). */
  async function handleBestand(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST')
      return sendError(res, 405, { code: 'ongeldige-invoer', message: 'Gebruik POST.' });
    const core = options.kluis.core();
    if (!core) return sendError(res, 423, VERGRENDELD);
    if (url.pathname === '/bestand/soj-import') {
      const body = await readBody(req, MAX_UPLOAD_BYTES);
      if (body === null)
        return sendError(res, 413, {
          code: 'ongeldige-invoer',
          message: 'Het bestand is te groot (maximaal 64 MB).',
        });
      const naam = url.searchParams.get('naam') ?? 'soj-bestand';
      const result = core.sojImporteren(new Uint8Array(body), naam, profileOf(req));
      return sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
    }
    if (url.pathname === '/bestand/export') {
      const body = await readBody(req);
      if (body === null)
        return sendError(res, 413, { code: 'ongeldige-invoer', message: 'De invoer is te groot.' });
      let input: unknown;
      try {
        input = (JSON.parse(body.toString('utf8')) as { input?: unknown } | null)?.input;
      } catch {
        return sendError(res, 400, {
          code: 'ongeldige-invoer',
          message: 'De invoer is geen geldige JSON.',
        });
      }
      const result = await core.exporteren(input, profileOf(req));
      if (!result.ok) return sendError(res, STATUS[result.error.code], result.error);
      res.writeHead(200, {
        'Content-Type': result.bestand.mime,
        'Content-Disposition': `attachment; filename="${result.bestand.naam}"`,
        'Cache-Control': 'no-store',
      });
      res.end(Buffer.from(result.bestand.bytes));
      return;
    }
    return sendError(res, 404, { code: 'niet-gevonden', message: 'Onbekend adres.' });
  }

  /** The lock: GET /kluis for its state, POST /kluis/<actie> with its input (see kluisActie). */
  async function handleKluis(req: IncomingMessage, res: ServerResponse, pad: string) {
    if (pad === '/kluis' && req.method === 'GET')
      return sendJson(res, 200, kluisActie(options.kluis, 'staat', undefined));
    if (req.method !== 'POST')
      return sendError(res, 405, { code: 'ongeldige-invoer', message: 'Gebruik POST.' });
    // JSON only: a page of another site cannot send that without a CORS preflight, which this
    // host never grants, so it can neither lock the profile nor guess the passphrase.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return sendError(res, 415, {
        code: 'ongeldige-invoer',
        message: 'Stuur de invoer als JSON.',
      });
    const body = await readBody(req);
    let invoer: unknown;
    try {
      invoer = JSON.parse(body?.toString('utf8') || '{}');
    } catch {
      invoer = undefined;
    }
    const antwoord = kluisActie(options.kluis, pad.slice('/kluis/'.length), invoer);
    return sendJson(res, antwoord.ok ? 200 : antwoord.status, antwoord);
  }

  function handleStatic(res: ServerResponse, pathname: string): void {
    const requested = normalize(join(root, decodeURIComponent(pathname)));
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
      'Cache-Control': file.endsWith('index.html')
        ? 'no-cache'
        : 'public, max-age=31536000, immutable',
    });
    createReadStream(file).pipe(res);
  }

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
    if (url.pathname === '/kluis' || url.pathname.startsWith('/kluis/')) {
      handleKluis(req, res, url.pathname).catch(() =>
        sendError(res, 500, {
          code: 'interne-fout',
          message: 'Het profiel kon niet worden geopend.',
        }),
      );
      return;
    }
    if (url.pathname.startsWith('/bestand/')) {
      handleBestand(req, res, url).catch(() =>
        sendError(res, 500, {
          code: 'interne-fout',
          message: 'Er ging iets mis bij het verwerken van het bestand.',
        }),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, { code: 'ongeldige-invoer', message: 'Niet toegestaan.' });
    handleStatic(res, url.pathname);
  });

  return new Promise((resolveHost, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolveHost({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
