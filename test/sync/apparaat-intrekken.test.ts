/**
 * Issue 21, item 3: revoking a laptop keeps its trace. Real sync engines on their own encrypted
 * stores against the real service, on PGlite and on the real PostgreSQL at 127.0.0.1:5432
 * (without it this fails, it never skips).
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pakket from '../../package.json';
import { Toegangslog } from '../../core/audit/toegangslog';
import type { Transport } from '../../core/sync/transport';
import { rijen, toegangslog } from '../../server/db/schema';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  WACHTWOORD,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { injectTransport, maakLaptop, nieuwGezin, type Laptop } from '../helpers/laptop';

describe.each(['pglite', 'postgresql'] as const)('revoking a laptop on %s', (soort) => {
  let o: Omgeving;
  let team: string;
  let beheerToken: string;

  beforeAll(async () => {
    o = await maakOmgeving(soort);
    team = await maakTeam(o.store, 'Jeugdteam Gorinchem');
    const beheer = await maakAccount(o.store, 'beheerder', null);
    beheerToken = (
      await o.app.inject({
        method: 'POST',
        url: '/auth/aanmelden',
        payload: { email: beheer.email, wachtwoord: WACHTWOORD, apparaat: { naam: 'Beheer' } },
      })
    ).json().toegangstoken;
  }, 120_000);
  afterAll(() => o?.sluit());

  const beheer = (method: 'GET' | 'POST', url: string, payload?: object) =>
    o.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${beheerToken}` },
      ...(payload ? { payload } : {}),
    });
  const instelling = (l: Laptop, sleutel: string) =>
    (
      l.store.sqlite.prepare('SELECT waarde FROM instellingen WHERE sleutel = ?').get(sleutel) as
        { waarde: string } | undefined
    )?.waarde;
  const tel = (l: Laptop, tabel: string) =>
    (l.store.sqlite.prepare(`SELECT count(*) AS n FROM ${tabel}`).get() as { n: number }).n;
  /** Lines of the laptop's access log, as a dossier view writes them. */
  const kijk = (l: Laptop, chain: string, gezinId: string, n: number) =>
    new Toegangslog(l.store.sqlite, chain, () => new Date().toISOString()).schrijf(
      l.account.id,
      Array.from({ length: n }, () => ({
        actie: 'inzien' as const,
        gezinId,
        onderdeel: 'gezin.dossier',
      })),
    );
  const centraal = (chain: string) =>
    o.store.db
      .select()
      .from(toegangslog)
      .where(eq(toegangslog.laptop, chain))
      .orderBy(toegangslog.seq);
  const gewist = (l: Laptop) => {
    for (const tabel of ['gezinnen', 'professionals', 'outbox', 'audit_log', 'instellingen'])
      expect(tel(l, tabel), tabel).toBe(0);
    expect(l.engine.status().verbonden).toBe(false);
  };
  /** The transport to the service, remembering every token the laptop sent. */
  const opgenomen = () => {
    const tokens: string[] = [];
    const via = injectTransport(o);
    const transport: Transport = (verzoek) => {
      if (verzoek.token) tokens.push(verzoek.token);
      return via(verzoek);
    };
    return { transport, laatste: () => tokens.at(-1)! };
  };
  const met = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    o.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const opDienst = async (tabel: string, rijId: string) =>
    (
      await o.store.db
        .select()
        .from(rijen)
        .where(and(eq(rijen.tabel, tabel), eq(rijen.rijId, rijId)))
    ).length;
  const apparatenVan = async (a: Account) => {
    const res = await beheer('GET', `/beheer/apparaten?gebruikerId=${a.id}`);
    expect(res.statusCode).toBe(200);
    const [account] = res.json() as {
      gebruiker: { id: string; actief: boolean };
      apparaten: Record<string, string | null>[];
    }[];
    expect(account!.gebruiker.id).toBe(a.id);
    return account!;
  };
  const keten = () => `lap-${randomUUID().slice(0, 8)}`;

  it('revoking a laptop loses no access-log line', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const a = await maakLaptop(injectTransport(o), pro);
    const { gezinId } = nieuwGezin(a, 'Familie Spoor');
    await a.engine.synchroniseer();
    const chain = keten();
    kijk(a, chain, gezinId, 4);
    const apparaatId = instelling(a, 'sync.apparaat')!;
    expect(
      (await beheer('POST', `/beheer/apparaten/${apparaatId}/intrekken`, { soort: 'verloren' }))
        .statusCode,
    ).toBe(200);

    await expect(a.engine.synchroniseer()).rejects.toMatchObject({ soort: 'unauthorised' });
    const regels = await centraal(chain);
    expect(regels.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(regels.map((r) => r.intrekking)).toEqual([
      'verloren',
      'verloren',
      'verloren',
      'verloren',
    ]);
    expect(regels.every((r) => r.apparaatId === apparaatId)).toBe(true);
    gewist(a);
  });

  it("'verloren': after its session ran out the laptop sends only its log lines, then wipes; the service takes nothing else from it", async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const { transport, laatste } = opgenomen();
    const a = await maakLaptop(transport, pro);
    const { gezinId } = nieuwGezin(a, 'Familie Verzonden');
    await a.engine.synchroniseer();
    // The session's access token, still unexpired when the beheerder revokes.
    const sessie = laatste();
    const chain = keten();
    kijk(a, chain, gezinId, 3);
    const onverzonden = nieuwGezin(a, 'Familie Onverzonden');
    const apparaatId = instelling(a, 'sync.apparaat')!;
    const intrek = await beheer('POST', `/beheer/apparaten/${apparaatId}/intrekken`, {
      soort: 'verloren',
    });
    expect(intrek.json()).toMatchObject({
      id: apparaatId,
      staat: 'ingetrokken',
      intrekking: 'verloren',
    });

    // The laptop was switched off meanwhile: no access token, only its refresh token.
    a.herstart();
    const vernieuwtoken = instelling(a, 'sync.vernieuwtoken')!;
    await expect(a.engine.synchroniseer()).rejects.toThrow(/ingetrokken.*gewist/);
    expect((await centraal(chain)).map((r) => [r.seq, r.intrekking])).toEqual([
      [1, 'verloren'],
      [2, 'verloren'],
      [3, 'verloren'],
    ]);
    expect(await opDienst('gezinnen', gezinId)).toBe(1);
    expect(await opDienst('gezinnen', onverzonden.gezinId)).toBe(0);
    gewist(a);

    // Its refresh token gives no session again, only a token for the log; that token opens
    // nothing else, and neither push nor pull is taken from the device.
    const vernieuwd = await o.app.inject({
      method: 'POST',
      url: '/auth/vernieuwen',
      payload: { vernieuwtoken },
    });
    expect(vernieuwd.statusCode).toBe(403);
    expect(vernieuwd.json()).toMatchObject({
      code: 'apparaat-ingetrokken',
      intrekking: { soort: 'verloren', laatsteSync: false },
    });
    expect(vernieuwd.json().toegangstoken).toBeUndefined();
    expect(vernieuwd.json().logtoken).toEqual(expect.any(String));
    // The token the laptop handed its log in with.
    const logtoken = laatste();
    for (const [method, url] of [
      ['GET', '/sync/scopes'],
      ['GET', '/sync/pull?scope=referentie&na=0'],
      ['GET', `/sync/pull?scope=team:${team}&na=0`],
      ['POST', '/sync/afronden'],
      ['GET', '/ik'],
      ['GET', '/beheer/apparaten'],
    ] as const) {
      const res = await met(logtoken, method, url);
      expect([url, res.statusCode, res.json().code]).toEqual([url, 403, 'apparaat-ingetrokken']);
    }
    for (const token of [logtoken, sessie]) {
      const push = await met(token, 'POST', '/sync/push', {
        wijzigingen: [
          {
            wijzigingId: randomUUID(),
            tabel: 'gezinnen',
            rijId: gezinId,
            hlc: a.clock.tick(),
            auteur: pro.id,
            velden: { adres: { waarde: 'Gestolen 1', basis: [] } },
          },
        ],
      });
      expect([push.statusCode, push.json().code]).toEqual([403, 'apparaat-ingetrokken']);
      const pull = await met(token, 'GET', `/sync/pull?scope=team:${team}&na=0`);
      expect([pull.statusCode, pull.json().code]).toEqual([403, 'apparaat-ingetrokken']);
    }
    expect(await opDienst('gezinnen', gezinId)).toBe(1);
  });

  it("'vervangen': the laptop pushes its unsent work and log lines, confirms, and wipes; then it is revoked", async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const { transport, laatste } = opgenomen();
    const a = await maakLaptop(transport, pro);
    const { gezinId } = nieuwGezin(a, 'Familie Oud');
    await a.engine.synchroniseer();
    const onverzonden = nieuwGezin(a, 'Familie Nieuw');
    const chain = keten();
    kijk(a, chain, onverzonden.gezinId, 2);
    const apparaatId = instelling(a, 'sync.apparaat')!;
    const intrek = await beheer('POST', `/beheer/apparaten/${apparaatId}/intrekken`, {
      soort: 'vervangen',
    });
    expect(intrek.json()).toMatchObject({ staat: 'wordt-vervangen', intrekking: 'vervangen' });

    // Until its last sync it receives nothing more.
    const scopes = await met(laatste(), 'GET', '/sync/scopes');
    expect([scopes.statusCode, scopes.json().intrekking]).toEqual([
      403,
      { soort: 'vervangen', laatsteSync: true },
    ]);

    a.herstart();
    await expect(a.engine.synchroniseer()).rejects.toThrow(/vervangen.*verstuurd.*gewist/);
    expect(await opDienst('gezinnen', gezinId)).toBe(1);
    expect(await opDienst('gezinnen', onverzonden.gezinId)).toBe(1);
    expect(await opDienst('gezinsplannen', onverzonden.planId)).toBe(1);
    expect((await centraal(chain)).map((r) => [r.seq, r.intrekking])).toEqual([
      [1, 'vervangen'],
      [2, 'vervangen'],
    ]);
    gewist(a);
    const [apparaat] = (await apparatenVan(pro)).apparaten;
    expect(apparaat).toMatchObject({
      id: apparaatId,
      staat: 'ingetrokken',
      intrekking: 'vervangen',
    });
    expect(apparaat!.ingetrokkenOp).not.toBeNull();

    // Now revoked: its last token gets no push in.
    const push = await met(laatste(), 'POST', '/sync/push', {
      wijzigingen: [
        {
          wijzigingId: randomUUID(),
          tabel: 'gezinnen',
          rijId: gezinId,
          hlc: a.clock.tick(),
          auteur: pro.id,
          velden: { adres: { waarde: 'Te laat 1', basis: [] } },
        },
      ],
    });
    expect([push.statusCode, push.json().code]).toEqual([403, 'apparaat-ingetrokken']);
  });

  it('lists every account with its devices: name, first and last contact, app version, state', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    await maakLaptop(injectTransport(o), pro);
    const { gebruiker, apparaten } = await apparatenVan(pro);
    expect(gebruiker).toMatchObject({ id: pro.id, actief: true, rol: 'jeugdprofessional' });
    expect(apparaten).toHaveLength(1);
    const [apparaat] = apparaten;
    expect(apparaat).toMatchObject({
      naam: 'Testlaptop',
      appVersie: pakket.version,
      staat: 'actief',
      intrekking: null,
      ingetrokkenOp: null,
    });
    expect(Date.parse(apparaat!.eersteContact!)).toBeLessThanOrEqual(
      Date.parse(apparaat!.laatsteContact!),
    );
    const alle = (await beheer('GET', '/beheer/apparaten')).json() as {
      gebruiker: Record<string, unknown>;
    }[];
    expect(alle.map((a) => a.gebruiker.id)).toContain(pro.id);
    expect(JSON.stringify(alle)).not.toMatch(/scrypt|wachtwoord/i);
    expect((await beheer('GET', `/beheer/apparaten?gebruikerId=${randomUUID()}`)).statusCode).toBe(
      404,
    );
  });

  it('revokes all devices of an account at once; each hands in its log and wipes', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const laptops = [
      await maakLaptop(injectTransport(o), pro),
      await maakLaptop(injectTransport(o), pro),
    ];
    const { gezinId } = nieuwGezin(laptops[0]!, 'Familie Twee Laptops');
    await laptops[0]!.engine.synchroniseer();
    const ketens = laptops.map((l) => {
      const chain = keten();
      kijk(l, chain, gezinId, 2);
      return chain;
    });
    const res = await beheer('POST', `/beheer/gebruikers/${pro.id}/apparaten/intrekken`, {
      soort: 'verloren',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().apparaten.map((a: { staat: string }) => a.staat)).toEqual([
      'ingetrokken',
      'ingetrokken',
    ]);
    for (const [i, l] of laptops.entries()) {
      await expect(l.engine.synchroniseer()).rejects.toMatchObject({ soort: 'unauthorised' });
      expect((await centraal(ketens[i]!)).map((r) => r.intrekking)).toEqual([
        'verloren',
        'verloren',
      ]);
      gewist(l);
    }
    expect(
      (
        await beheer('POST', `/beheer/gebruikers/${randomUUID()}/apparaten/intrekken`, {
          soort: 'verloren',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a deactivated account cannot sign in again on any device; its refresh tokens are refused; its laptop still hands in its log', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const a = await maakLaptop(injectTransport(o), pro);
    const { gezinId } = nieuwGezin(a, 'Familie Vertrek');
    await a.engine.synchroniseer();
    const chain = keten();
    kijk(a, chain, gezinId, 2);
    const apparaatId = instelling(a, 'sync.apparaat')!;
    const vernieuwtoken = instelling(a, 'sync.vernieuwtoken')!;

    const res = await beheer('POST', `/beheer/gebruikers/${pro.id}/deactiveren`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: pro.id, actief: false });
    expect(res.json().apparaten).toMatchObject([{ id: apparaatId, staat: 'ingetrokken' }]);

    const aanmelden = (apparaat: object) =>
      o.app.inject({
        method: 'POST',
        url: '/auth/aanmelden',
        payload: { email: pro.email, wachtwoord: WACHTWOORD, apparaat },
      });
    for (const apparaat of [{ naam: 'Nieuwe laptop' }, { id: apparaatId, naam: 'Testlaptop' }]) {
      const weer = await aanmelden(apparaat);
      expect(weer.statusCode).toBe(401);
      expect(weer.json().toegangstoken).toBeUndefined();
    }
    const vernieuwd = await o.app.inject({
      method: 'POST',
      url: '/auth/vernieuwen',
      payload: { vernieuwtoken },
    });
    expect(vernieuwd.statusCode).toBe(403);
    expect(vernieuwd.json().toegangstoken).toBeUndefined();
    expect(vernieuwd.json().vernieuwtoken).toBeUndefined();
    expect((await apparatenVan(pro)).apparaten).toHaveLength(1);

    a.herstart();
    await expect(a.engine.synchroniseer()).rejects.toMatchObject({ soort: 'unauthorised' });
    expect((await centraal(chain)).map((r) => r.intrekking)).toEqual(['verloren', 'verloren']);
    gewist(a);
    // After the wipe the laptop knows no device: signing in again registers none.
    await expect(
      a.engine.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Testlaptop'),
    ).rejects.toMatchObject({ soort: 'unauthorised' });
    expect((await apparatenVan(pro)).apparaten).toHaveLength(1);

    const eigen = (await beheer('GET', '/ik')).json().gebruikerId as string;
    expect((await beheer('POST', `/beheer/gebruikers/${eigen}/deactiveren`)).statusCode).toBe(400);
    expect(
      (await beheer('POST', `/beheer/gebruikers/${randomUUID()}/deactiveren`)).statusCode,
    ).toBe(404);
  });

  it('only a beheerder lists, revokes and deactivates', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const ander = await maakAccount(o.store, 'jeugdprofessional', team);
    const doelLaptop = await maakLaptop(injectTransport(o), ander, { eersteSync: false });
    const doel = instelling(doelLaptop, 'sync.apparaat')!;
    for (const rol of ['jeugdprofessional', 'teamcoach'] as const) {
      const wie = rol === 'jeugdprofessional' ? pro : await maakAccount(o.store, rol, team);
      const token = (
        await o.app.inject({
          method: 'POST',
          url: '/auth/aanmelden',
          payload: { email: wie.email, wachtwoord: WACHTWOORD, apparaat: { naam: 'Laptop' } },
        })
      ).json().toegangstoken as string;
      for (const [method, url, payload] of [
        ['GET', '/beheer/apparaten'],
        ['POST', `/beheer/apparaten/${doel}/intrekken`, { soort: 'verloren' }],
        ['POST', `/beheer/gebruikers/${ander.id}/apparaten/intrekken`, { soort: 'verloren' }],
        ['POST', `/beheer/gebruikers/${ander.id}/deactiveren`],
      ] as const) {
        const res = await met(token, method, url, payload);
        expect([rol, url, res.statusCode]).toEqual([rol, url, 403]);
      }
    }
    expect((await apparatenVan(ander)).apparaten).toMatchObject([{ id: doel, staat: 'actief' }]);
    expect((await apparatenVan(ander)).gebruiker.actief).toBe(true);
  });
});
