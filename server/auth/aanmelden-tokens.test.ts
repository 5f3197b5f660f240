/**
 * Issue 22, items 4 to 6: refresh tokens under attack (sent again, lost answers, revoked
 * devices and inactive accounts), against the real service on PGlite and on the real PostgreSQL
 * at 127.0.0.1:5432 (without it this fails, it never skips). Every refusal is checked to write
 * nothing. The service's clock is the test's (`klok`). Sign-in attempts:
 * aanmelden-pogingen.test.ts; accounts: aanmelden-accounts.test.ts.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { gebruikers } from '../db/schema';
import { maakAccount, WACHTWOORD, type Omgeving } from '../../test/helpers/dienst-omgeving';
import { zetAanmeldenOp } from '../../test/helpers/aanmeld-opzet';

describe.each(['pglite', 'postgresql'] as const)('sign-in, tokens and accounts on %s', (soort) => {
  const dienst = zetAanmeldenOp(soort);
  const { aanmelden, vernieuwen, beheerToken, als, stand } = dienst;
  let o: Omgeving;
  let team: string;
  beforeAll(() => {
    ({ o, team } = dienst);
  });

  it('a refresh token sent again within the grace gives the same pair and writes nothing; a spent token used after its successor revokes the whole family', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const eerste = (await aanmelden(pro.email)).json();
    const a = eerste.vernieuwtoken as string;
    const r1 = await vernieuwen(a);
    expect(r1.statusCode).toBe(200);
    const b = r1.json().vernieuwtoken as string;
    // The answer was lost on the way: the laptop sends the same token again, moments later.
    dienst.klokVooruit(5_000);
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
    dienst.klokVooruit(15 * 60_000);
    const r2 = await vernieuwen(b);
    expect(r2.statusCode).toBe(200);
    const c = r2.json().vernieuwtoken as string;

    // A copy of the first token turns up: refused, and every token of that sign-in with it.
    dienst.klokVooruit(60_000);
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
    dienst.klokVooruit(10 * 60_000);
    const laat = await vernieuwen(a);
    expect(laat.statusCode).toBe(200);
    const b = laat.json().vernieuwtoken as string;
    const volgende = await vernieuwen(b);
    expect(volgende.statusCode).toBe(200);
    const c = volgende.json().vernieuwtoken as string;
    // Whoever holds the answer that went astray (had it been taken, not lost) is found out when
    // using it, and the family goes: the laptop signs in again, the other holder is out.
    dienst.klokVooruit(60_000);
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
    dienst.klokVooruit(5 * 60_000);
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
      dienst.klokVooruit(5 * 60_000);
      const res = await vernieuwen(ingetrokken.vernieuwtoken);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('apparaat-ingetrokken');
      expect(res.json().logtoken).toBeTruthy();
      expect(res.json().vernieuwtoken).toBeUndefined();
    }
    expect(await stand()).toBe(voor);
  });
});
