/**
 * Issue 22, items 4 to 6: accounts under attack (role and team changes, weak passwords, NUL
 * bytes), against the real service on PGlite and on the real PostgreSQL at 127.0.0.1:5432 (without
 * it this fails, it never skips). Every refusal is checked to write nothing. The service's clock
 * is the test's (`klok`). Sign-in attempts: aanmelden-pogingen.test.ts; tokens:
 * aanmelden-tokens.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  maakAccount,
  WACHTWOORD,
  type Account,
  type Omgeving,
} from '../../test/helpers/dienst-omgeving';
import { zetAanmeldenOp, type Antwoord } from '../../test/helpers/aanmeld-opzet';

describe.each(['pglite', 'postgresql'] as const)('sign-in, tokens and accounts on %s', (soort) => {
  const dienst = zetAanmeldenOp(soort);
  const { aanmelden, beheerToken, als, stand } = dienst;
  let o: Omgeving;
  let team: string;
  let teamB: string;
  let beheer: Account;
  beforeAll(() => {
    ({ o, team, teamB, beheer } = dienst);
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
