import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GeenVerbinding, httpTransport } from './transport';

let server: Server | undefined;
afterEach(() => new Promise<void>((klaar) => (server ? server.close(() => klaar()) : klaar())));

/** A service on a free loopback port; `behandel` answers, or returns false to drop the socket. */
async function dienst(behandel: (req: IncomingMessage, res: ServerResponse, n: number) => boolean) {
  let n = 0;
  server = createServer((req, res) => {
    const delen: Buffer[] = [];
    req.on('data', (d: Buffer) => delen.push(d));
    req.on('end', () => {
      n += 1;
      (req as IncomingMessage & { tekst: string }).tekst = Buffer.concat(delen).toString();
      if (!behandel(req, res, n)) req.socket.destroy();
    });
  });
  await new Promise<void>((klaar) => server!.listen(0, '127.0.0.1', klaar));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    verzoeken: () => n,
  };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  return true;
};

describe('the HTTP transport to the central service', () => {
  it('sends the body and token, and hands back status and JSON as the service answered', async () => {
    const { url } = await dienst((req, res) =>
      json(res, req.headers.authorization === 'Bearer abc' ? 409 : 500, {
        pad: req.url,
        methode: req.method,
        ontvangen: JSON.parse((req as IncomingMessage & { tekst: string }).tekst || 'null'),
      }),
    );
    const transport = httpTransport(url);
    expect(
      await transport({ methode: 'POST', pad: '/sync/push', body: { a: 'één' }, token: 'abc' }),
    ).toEqual({
      status: 409,
      body: { pad: '/sync/push', methode: 'POST', ontvangen: { a: 'één' } },
    });
    expect(await transport({ methode: 'GET', pad: '/sync/scopes' })).toMatchObject({
      status: 500,
      body: { methode: 'GET', ontvangen: null },
    });
  });

  it('turns an answer that is not JSON into an internal error, not a crash', async () => {
    const { url } = await dienst((_req, res) => {
      res.writeHead(502).end('<html>Bad gateway</html>');
      return true;
    });
    expect(await httpTransport(url)({ methode: 'GET', pad: '/health' })).toEqual({
      status: 502,
      body: { code: 'interne-fout', message: '<html>Bad gateway</html>' },
    });
  });

  it('sends a request again once when the kept connection was closed under it', async () => {
    // The second request on the first connection is dropped unanswered, as by a service that
    // closed an idle connection just as the laptop reused it.
    const { url, verzoeken } = await dienst((_req, res, n) => n !== 2 && json(res, 200, { n }));
    const transport = httpTransport(url);
    expect(await transport({ methode: 'GET', pad: '/a' })).toEqual({ status: 200, body: { n: 1 } });
    expect(await transport({ methode: 'POST', pad: '/b', body: {} })).toEqual({
      status: 200,
      body: { n: 3 },
    });
    expect(verzoeken()).toBe(3);
  });

  it('does not send again a request whose answer broke off halfway: the service had it', async () => {
    const { url, verzoeken } = await dienst((req, res, n) => {
      if (n === 1) return json(res, 200, { n });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"n":');
      setTimeout(() => req.socket.destroy(), 50);
      return true;
    });
    const transport = httpTransport(url);
    await transport({ methode: 'GET', pad: '/a' });
    await expect(transport({ methode: 'POST', pad: '/b', body: {} })).rejects.toBeInstanceOf(
      GeenVerbinding,
    );
    expect(verzoeken()).toBe(2);
  });

  it('reports no connection when the service drops a new connection or cannot be reached', async () => {
    const { url, verzoeken } = await dienst(() => false);
    await expect(httpTransport(url)({ methode: 'GET', pad: '/a' })).rejects.toBeInstanceOf(
      GeenVerbinding,
    );
    expect(verzoeken()).toBe(1);
    const weg = url;
    await new Promise<void>((klaar) => server!.close(() => klaar()));
    server = undefined;
    await expect(httpTransport(weg)({ methode: 'GET', pad: '/a' })).rejects.toBeInstanceOf(
      GeenVerbinding,
    );
  });
});
