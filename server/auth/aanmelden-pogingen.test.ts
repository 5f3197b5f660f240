/**
 * Issue 22, items 4 to 6: the sign-in brake under attack (wrong passwords per account, per
 * source address, the owner's own laptop), against the real service on PGlite and on the real
 * PostgreSQL at 127.0.0.1:5432 (without it this fails, it never skips). Every refusal is checked
 * to write nothing. The service's clock is the test's (`klok`), so delays are waited out without
 * waiting and concurrent requests meet at one moment. Tokens: aanmelden-tokens.test.ts; accounts:
 * aanmelden-accounts.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AANMELD_POGINGEN, bouwServer } from '../app';
import { maakAccount, WACHTWOORD, type Omgeving } from '../../test/helpers/dienst-omgeving';
import { zetAanmeldenOp, type Antwoord } from '../../test/helpers/aanmeld-opzet';

/** Wrong sign-ins one address may make in 15 minutes (across accounts), then 429. */
const ADRES_POGINGEN = 30;
/** The longest delay between checks of one account's password after wrong tries (seconds). */
const MAX_WACHT_SECONDEN = 300;

describe.each(['pglite', 'postgresql'] as const)('sign-in, tokens and accounts on %s', (soort) => {
  const dienst = zetAanmeldenOp(soort);
  const { aanmelden, stand } = dienst;
  let o: Omgeving;
  let team: string;
  beforeAll(() => {
    ({ o, team } = dienst);
  });
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
        dienst.klokVooruit(wacht * 1000);
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
      dienst.klokVooruit(wacht * 1000);
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
    const opties = { store: o.store, geheim: o.geheim, now: dienst.nu, vertrouwProxy: '127.0.0.1' };
    const achterProxy = await bouwServer(opties);
    try {
      expect((await rondje(achterProxy, (i) => `198.51.100.${i}`)).every((c) => c === 401)).toBe(
        true,
      );
      const eenClient = await rondje(achterProxy, () => '192.0.2.44');
      expect(eenClient.at(-1)).toBe(429);
      // A client that sends its own header cannot pick its address: the proxy adds the real one
      // at the end, and that one counts.
      dienst.klokVooruit(20 * 60_000);
      const vervalst = await rondje(achterProxy, (i) => `198.51.100.${i}, 192.0.2.45`);
      expect(vervalst.at(-1)).toBe(429);
    } finally {
      await achterProxy.close();
    }
    expect(await stand()).toBe(voor);
  }, 180_000);
});
