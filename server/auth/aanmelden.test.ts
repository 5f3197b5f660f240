/**
 * Issue 22, items 4 to 6: sign-in, tokens and accounts under attack, against the real service on
 * PGlite and on the real PostgreSQL at 127.0.0.1:5432 (without it this fails, it never skips).
 * Every refusal is checked to write nothing. The service's clock is the test's (`klok`), so
 * delays are waited out without waiting and concurrent requests meet at one moment.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AANMELD_POGINGEN, bouwServer } from '../app';
import { gebruikers } from '../db/schema';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  WACHTWOORD,
  type Account,
  type Omgeving,
} from '../sync/test-omgeving';

/** Wrong sign-ins one address may make in 15 minutes (across accounts), then 429. */
const ADRES_POGINGEN = 30;
/** The longest delay between checks of one account's password after wrong tries (seconds). */
const MAX_WACHT_SECONDEN = 300;

type Antwoord = Awaited<ReturnType<Omgeving['app']['inject']>>;

describe.each(['pglite', 'postgresql'] as const)('sign-in, tokens and accounts on %s', (soort) => {
  let o: Omgeving;
  let klok = Date.now();
  const now = () => new Date(klok);
  let team: string;
  let teamB: string;
  let beheer: Account;

  beforeAll(async () => {
    o = await maakOmgeving(soort, now);
    team = await maakTeam(o.store, 'Jeugdteam Alblasserdam');
    teamB = await maakTeam(o.store, 'Jeugdteam Hendrik-Ido-Ambacht');
    beheer = await maakAccount(o.store, 'beheerder', null);
  }, 120_000);
  afterAll(() => o?.sluit());
  // Each case on a quarter of an hour of its own: the address limit of one does not reach the next.
  beforeEach(() => {
    klok += 20 * 60_000;
  });

  const aanmelden = (
    email: string,
    wachtwoord = WACHTWOORD,
    apparaat: object = { naam: 'Laptop' },
    headers: Record<string, string> = {},
    app = o.app,
  ) =>
    app.inject({
      method: 'POST',
      url: '/auth/aanmelden',
      headers,
      payload: { email, wachtwoord, apparaat },
    });
  const vernieuwen = (vernieuwtoken: string) =>
    o.app.inject({ method: 'POST', url: '/auth/vernieuwen', payload: { vernieuwtoken } });
  const beheerToken = async () => (await aanmelden(beheer.email)).json().toegangstoken as string;
  const als = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    o.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const rijen = async (query: ReturnType<typeof sql>) =>
    (await o.store.db.execute(query)) as unknown as { rows: unknown[] };
  /**
   * Everything a refused request could have written: accounts, teams, devices (but their last
   * contact, which a revoked laptop's knock updates on purpose) and refresh tokens.
   */
  const stand = async () =>
    JSON.stringify([
      (await rijen(sql`SELECT id, email, naam, rol, team_id, actief FROM gebruikers ORDER BY id`))
        .rows,
      (await rijen(sql`SELECT id, naam FROM teams ORDER BY id`)).rows,
      (
        await rijen(
          sql`SELECT id, gebruiker_id, naam, intrekking, ingetrokken_op FROM apparaten ORDER BY id`,
        )
      ).rows,
      (await rijen(sql`SELECT * FROM vernieuw_tokens ORDER BY hash`)).rows,
    ]);
  const telCodes = (antwoorden: Antwoord[]) => {
    const tellen: Record<number, number> = {};
    for (const a of antwoorden) tellen[a.statusCode] = (tellen[a.statusCode] ?? 0) + 1;
    return tellen;
  };

  it('40 concurrent wrong passwords: at most 5 are checked, the rest refused unchecked (429); nothing written', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const voor = await stand();
    const antwoorden = await Promise.all(
      Array.from({ length: 40 }, (_, i) => aanmelden(pro.email, `geraden wachtwoord ${i}`)),
    );
    const tellen = telCodes(antwoorden);
    // Only a checked password gets 401; a refusal before the check is 429.
    expect(tellen[401]).toBeLessThanOrEqual(AANMELD_POGINGEN);
    expect((tellen[401] ?? 0) + (tellen[429] ?? 0)).toBe(40);
    for (const a of antwoorden.filter((a) => a.statusCode === 429)) {
      expect(a.json().code).toBe('te-veel-pogingen');
      expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(await stand()).toBe(voor);
  });

  it("someone else's wrong tries never lock the owner out: the own laptop signs in at once, a new one after a short, growing delay", async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const eigen = (await aanmelden(pro.email, WACHTWOORD, { naam: 'Eigen laptop' })).json();
    // Someone guesses, through the same reverse proxy (so from the same address), and waits out
    // every delay: the delays grow, but never beyond a few minutes.
    const wachttijden: number[] = [];
    let geprobeerd = 0;
    while (geprobeerd < 14) {
      const res = await aanmelden(pro.email, `raden ${geprobeerd}`, { naam: 'Aanvaller' });
      if (res.statusCode === 429) {
        const wacht = Number(res.headers['retry-after']);
        expect(wacht).toBeGreaterThan(0);
        wachttijden.push(wacht);
        klok += wacht * 1000;
        continue;
      }
      expect(res.statusCode).toBe(401);
      geprobeerd++;
    }
    expect(wachttijden.length).toBeGreaterThan(5);
    expect(wachttijden).toEqual([...wachttijden].sort((a, b) => a - b));
    expect(Math.max(...wachttijden)).toBeGreaterThan(wachttijden[0]!);
    expect(Math.max(...wachttijden)).toBeLessThanOrEqual(MAX_WACHT_SECONDEN);

    // The owner's own laptop (its device id) is not held up by any of it.
    const opEigenLaptop = await aanmelden(pro.email, WACHTWOORD, {
      id: eigen.apparaatId,
      naam: 'Eigen laptop',
    });
    expect(opEigenLaptop.statusCode).toBe(200);
    expect(opEigenLaptop.json().apparaatId).toBe(eigen.apparaatId);

    // On a new laptop the owner waits at most the longest delay, never a quarter of an hour.
    const nieuw = () => aanmelden(pro.email, WACHTWOORD, { naam: 'Nieuwe laptop' });
    const eerst = await nieuw();
    if (eerst.statusCode === 429) {
      const wacht = Number(eerst.headers['retry-after']);
      expect(wacht).toBeGreaterThan(0);
      expect(wacht).toBeLessThanOrEqual(MAX_WACHT_SECONDEN);
      klok += wacht * 1000;
      expect((await nieuw()).statusCode).toBe(200);
    } else expect(eerst.statusCode).toBe(200);
  }, 120_000);

  it('limits wrong sign-ins per source address, trusting X-Forwarded-For only from a configured proxy', async () => {
    const rondje = async (
      app: Omgeving['app'],
      adres: (i: number) => string | undefined,
      aantal = ADRES_POGINGEN + 1,
    ) => {
      const codes: number[] = [];
      for (let i = 0; i < aantal; i++) {
        const xff = adres(i);
        codes.push(
          (
            await aanmelden(
              `onbekend.${randomUUID().slice(0, 8)}@voorbeeld.nl`,
              'fout wachtwoord',
              { naam: 'x' },
              xff ? { 'x-forwarded-for': xff } : {},
              app,
            )
          ).statusCode,
        );
      }
      return codes;
    };
    const voor = await stand();
    // Not configured: a header any client can send changes nothing; the address is the peer's.
    const zonder = await rondje(o.app, (i) => `203.0.113.${i}`);
    expect(zonder.slice(0, ADRES_POGINGEN).every((c) => c === 401)).toBe(true);
    expect(zonder.at(-1)).toBe(429);

    // Behind the documented reverse proxy (TRUST_PROXY=127.0.0.1), each client is its own
    // address: many clients are not limited together, one client is.
    const opties = { store: o.store, geheim: o.geheim, now, vertrouwProxy: '127.0.0.1' };
    const achterProxy = await bouwServer(opties);
    try {
      expect((await rondje(achterProxy, (i) => `198.51.100.${i}`)).every((c) => c === 401)).toBe(
        true,
      );
      const eenClient = await rondje(achterProxy, () => '192.0.2.44');
      expect(eenClient.at(-1)).toBe(429);
      // A client that sends its own header cannot pick its address: the proxy adds the real one
      // at the end, and that one counts.
      klok += 20 * 60_000;
      const vervalst = await rondje(achterProxy, (i) => `198.51.100.${i}, 192.0.2.45`);
      expect(vervalst.at(-1)).toBe(429);
    } finally {
      await achterProxy.close();
    }
    expect(await stand()).toBe(voor);
  }, 180_000);

  it('a refresh token sent again within the grace gives the same pair and writes nothing; a spent token used after its successor revokes the whole family', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const eerste = (await aanmelden(pro.email)).json();
    const a = eerste.vernieuwtoken as string;
    const r1 = await vernieuwen(a);
    expect(r1.statusCode).toBe(200);
    const b = r1.json().vernieuwtoken as string;
    // The answer was lost on the way: the laptop sends the same token again, moments later.
    klok += 5_000;
    const voor = await stand();
    const opnieuw = await vernieuwen(a);
    expect(opnieuw.statusCode).toBe(200);
    expect(opnieuw.json().vernieuwtoken).toBe(b);
    expect(await stand()).toBe(voor);
    // Two requests of the laptop that cross (both with a fresh token) get one answer.
    const vers = (await aanmelden(pro.email, WACHTWOORD, { naam: 'Tweede laptop' })).json();
    const gekruist = await Promise.all([
      vernieuwen(vers.vernieuwtoken),
      vernieuwen(vers.vernieuwtoken),
    ]);
    expect(gekruist.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(gekruist[0]!.json().vernieuwtoken).toBe(gekruist[1]!.json().vernieuwtoken);

    // The laptop goes on with its new token a quarter of an hour later.
    klok += 15 * 60_000;
    const r2 = await vernieuwen(b);
    expect(r2.statusCode).toBe(200);
    const c = r2.json().vernieuwtoken as string;

    // A copy of the first token turns up: refused, and every token of that sign-in with it.
    klok += 60_000;
    const kopie = await vernieuwen(a);
    expect(kopie.statusCode).toBe(401);
    expect(kopie.json().toegangstoken).toBeUndefined();
    expect((await vernieuwen(c)).statusCode).toBe(401);
    expect((await vernieuwen(b)).statusCode).toBe(401);
    // The laptop's user signs in again (with the password) and goes on, on the same device.
    const weer = await aanmelden(pro.email, WACHTWOORD, {
      id: eerste.apparaatId,
      naam: 'Laptop',
    });
    expect(weer.statusCode).toBe(200);
    expect((await vernieuwen(weer.json().vernieuwtoken)).statusCode).toBe(200);
  });

  it('a lost answer never locks a laptop out, however late it asks again; the lost token, used later, revokes the family', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const a = (await aanmelden(pro.email)).json().vernieuwtoken as string;
    const verloren = (await vernieuwen(a)).json().vernieuwtoken as string;
    // The answer never arrived; the laptop was offline for a while and tries again.
    klok += 10 * 60_000;
    const laat = await vernieuwen(a);
    expect(laat.statusCode).toBe(200);
    const b = laat.json().vernieuwtoken as string;
    const volgende = await vernieuwen(b);
    expect(volgende.statusCode).toBe(200);
    const c = volgende.json().vernieuwtoken as string;
    // Whoever holds the answer that went astray (had it been taken, not lost) is found out when
    // using it, and the family goes: the laptop signs in again, the other holder is out.
    klok += 60_000;
    expect((await vernieuwen(verloren)).statusCode).toBe(401);
    expect((await vernieuwen(c)).statusCode).toBe(401);
  });

  it('refusing the refresh of a revoked device or an inactive account uses nothing up and writes nothing', async () => {
    const beheerder = await beheerToken();
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const laptop = (await aanmelden(pro.email)).json();
    await o.store.db.update(gebruikers).set({ actief: false }).where(eq(gebruikers.id, pro.id));
    let voor = await stand();
    const inactief = await vernieuwen(laptop.vernieuwtoken);
    expect(inactief.statusCode).toBe(401);
    expect(await stand()).toBe(voor);
    // Active again (an account put on hold in an earlier version) well after the grace: the
    // token was not used up by the refusal.
    await o.store.db.update(gebruikers).set({ actief: true }).where(eq(gebruikers.id, pro.id));
    klok += 5 * 60_000;
    const weer = await vernieuwen(laptop.vernieuwtoken);
    expect(weer.statusCode).toBe(200);

    const ingetrokken = (await aanmelden(pro.email, WACHTWOORD, { naam: 'Gestolen' })).json();
    expect(
      (
        await als(beheerder, 'POST', `/beheer/apparaten/${ingetrokken.apparaatId}/intrekken`, {
          soort: 'verloren',
        })
      ).statusCode,
    ).toBe(200);
    voor = await stand();
    for (let i = 0; i < 2; i++) {
      klok += 5 * 60_000;
      const res = await vernieuwen(ingetrokken.vernieuwtoken);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('apparaat-ingetrokken');
      expect(res.json().logtoken).toBeTruthy();
      expect(res.json().vernieuwtoken).toBeUndefined();
    }
    expect(await stand()).toBe(voor);
  });

  it('a beheerder changes role and team: at once on the service, the laptops of someone moving team revoked as replaced; refusals write nothing', async () => {
    const token = await beheerToken();
    const wijzig = (id: string, payload: object, met = token) =>
      als(met, 'POST', `/beheer/gebruikers/${id}/rol`, payload);

    // A beheerder demoted to the team: the token still in hand no longer opens beheer.
    const oudBeheer = await maakAccount(o.store, 'beheerder', null);
    const oudToken = (await aanmelden(oudBeheer.email)).json().toegangstoken as string;
    expect((await als(oudToken, 'GET', '/beheer/gebruikers')).statusCode).toBe(200);
    const res = await wijzig(oudBeheer.id, { rol: 'jeugdprofessional', teamId: team });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: oudBeheer.id, rol: 'jeugdprofessional', teamId: team });
    expect((await als(oudToken, 'GET', '/beheer/gebruikers')).statusCode).toBe(403);
    expect((await als(oudToken, 'GET', '/ik')).json()).toMatchObject({
      rol: 'jeugdprofessional',
      teamId: team,
    });

    // A teamcoach becomes a jeugdprofessional in the same team: the laptop stays.
    const coach = await maakAccount(o.store, 'teamcoach', team);
    const coachLaptop = (await aanmelden(coach.email)).json();
    const terug = await wijzig(coach.id, { rol: 'jeugdprofessional', teamId: team });
    expect(terug.statusCode).toBe(200);
    expect(terug.json().apparaten).toMatchObject([{ id: coachLaptop.apparaatId, staat: 'actief' }]);
    expect((await als(coachLaptop.toegangstoken, 'GET', '/ik')).json().rol).toBe(
      'jeugdprofessional',
    );

    // Moving to another team: the laptop holds the old team's families, so it is replaced (its
    // log and work go out, then it wipes); signed in anew, the account gets the new team.
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const proLaptop = (await aanmelden(pro.email)).json();
    const verhuisd = await wijzig(pro.id, { rol: 'teamcoach', teamId: teamB });
    expect(verhuisd.statusCode).toBe(200);
    expect(verhuisd.json()).toMatchObject({ rol: 'teamcoach', teamId: teamB });
    expect(verhuisd.json().apparaten).toMatchObject([
      { id: proLaptop.apparaatId, staat: 'wordt-vervangen', intrekking: 'vervangen' },
    ]);
    const scopes = await als(proLaptop.toegangstoken, 'GET', '/sync/scopes');
    expect(scopes.statusCode).toBe(403);
    expect(scopes.json().intrekking).toEqual({ soort: 'vervangen', laatsteSync: true });
    const nieuw = (await aanmelden(pro.email, WACHTWOORD, { naam: 'Nieuwe laptop' })).json();
    const nieuweScopes = (await als(nieuw.toegangstoken, 'GET', '/sync/scopes')).json();
    expect(nieuweScopes.scopes).toContain(`team:${teamB}`);
    expect(nieuweScopes.scopes).not.toContain(`team:${team}`);

    // Refused: the own account, an unknown one, a beheerder with a team or a team member
    // without, an unknown team, a field too many. Nothing is written.
    const eigenId = (await als(token, 'GET', '/ik')).json().gebruikerId as string;
    const voor = await stand();
    for (const [id, payload, status] of [
      [eigenId, { rol: 'jeugdprofessional', teamId: team }, 400],
      [randomUUID(), { rol: 'jeugdprofessional', teamId: team }, 404],
      [coach.id, { rol: 'beheerder', teamId: team }, 400],
      [coach.id, { rol: 'teamcoach', teamId: null }, 400],
      [coach.id, { rol: 'teamcoach', teamId: randomUUID() }, 400],
      [coach.id, { rol: 'teamcoach', teamId: team, actief: true }, 400],
      [coach.id, { rol: 'opperhoofd', teamId: team }, 400],
    ] as const) {
      const r = await wijzig(id, payload);
      expect({ payload, status: r.statusCode }).toEqual({ payload, status });
    }
    expect(await stand()).toBe(voor);
  });

  it('refuses a password that is short, one of the most common, a repetition, a sequence or the e-mail itself; nothing written', async () => {
    const token = await beheerToken();
    const maak = (email: string, wachtwoord: string) =>
      als(token, 'POST', '/beheer/gebruikers', {
        email,
        naam: 'Nieuwe Collega',
        rol: 'jeugdprofessional',
        teamId: team,
        wachtwoord,
      });
    const voor = await stand();
    for (const wachtwoord of [
      'kort',
      'aaaaaaaaaaaa',
      'aaaaaaaaaaaaaaaaaaaaaaaa',
      '123456789012',
      'abcdefghijkl',
      'qwertyuiop12',
      'wachtwoord123',
      'Wachtwoord2024!',
      'W@chtw00rd2024',
      'welkom01welkom01',
      'password1234',
      'iloveyou1234',
      'Feyenoord1908',
      'abcabcabcabcabc',
      'nieuwe.collega@voorbeeld.nl',
      'nieuwe.collega1234',
    ]) {
      const res = await maak('nieuwe.collega@voorbeeld.nl', wachtwoord);
      expect({ wachtwoord, status: res.statusCode }).toEqual({ wachtwoord, status: 400 });
      expect(res.json().message.length, wachtwoord).toBeGreaterThan(10);
    }
    expect(await stand()).toBe(voor);
    for (const [i, goed] of ['paars konijn fietst door Gouda', 'Tr0mp3t-Vl1nder-Zucht'].entries())
      expect((await maak(`goed.${i}@voorbeeld.nl`, goed)).statusCode).toBe(201);
  });

  it('refuses a NUL byte in a team name, an account, a device name or a password with 400; nothing written', async () => {
    const token = await beheerToken();
    const voor = await stand();
    const gevallen: [string, () => Promise<Antwoord>][] = [
      ['team', () => als(token, 'POST', '/beheer/teams', { naam: 'Jeugdteam\u0000Zwijndrecht' })],
      [
        'account',
        () =>
          als(token, 'POST', '/beheer/gebruikers', {
            email: 'nul@voorbeeld.nl',
            naam: 'Nul\u0000Byte',
            rol: 'jeugdprofessional',
            teamId: team,
            wachtwoord: 'paars konijn fietst door Gouda',
          }),
      ],
      ['device', () => aanmelden(beheer.email, WACHTWOORD, { naam: 'Laptop\u0000' })],
      [
        'app version',
        () => aanmelden(beheer.email, WACHTWOORD, { naam: 'Laptop', versie: '1.0\u0000' }),
      ],
      ['password', () => aanmelden(beheer.email, `${WACHTWOORD}\u0000`)],
    ];
    for (const [naam, doe] of gevallen) {
      const res = await doe();
      expect({ naam, status: res.statusCode, code: res.json().code }).toEqual({
        naam,
        status: 400,
        code: 'ongeldige-invoer',
      });
    }
    expect(await stand()).toBe(voor);
  });
});
