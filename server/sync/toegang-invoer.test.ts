/**
 * What bad sync input gets at the central service: a clear 4xx, and nothing stored; on both
 * databases it runs on (PGlite, and the real PostgreSQL at 127.0.0.1:5432: without it this
 * fails, it never skips). Who may do what: toegang-matrix.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { BEGIN_HASH, regelHash } from '../../shared/audit/keten';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_KLOK_VOORSPRONG_MS } from '../../shared/sync/protocol';
import { MAX_BODY_BYTES } from '../app';
import type { Account, Omgeving } from '../../test/helpers/dienst-omgeving';
import {
  gezinVelden,
  hlc,
  maakLogregels,
  meldAan,
  wijziging,
  zetToegangOp,
  type Doel,
  type ToegangOpzet,
} from '../../test/helpers/toegang-opzet';

describe.each(['pglite', 'postgresql'] as const)('sync access and input on %s', (soort) => {
  let o: Omgeving;
  let teams: Record<Doel, string>;
  let accounts: ToegangOpzet['accounts'];
  let gezin: Record<Doel, string>;
  const t = zetToegangOp(soort);
  beforeAll(() => {
    ({ o, teams, accounts, gezin } = t);
  });
  const aanmelden = (a: Account, naam?: string) => meldAan(o, a, naam);
  const logregel = maakLogregels();

  it('refuses bad sync input with a clear 4xx and stores nothing', async () => {
    const pro = accounts.jeugdprofessional;
    const { toegangstoken } = await aanmelden(pro);
    const auth = { authorization: `Bearer ${toegangstoken}` };
    const tel = async () => {
      const r = await o.store.db.execute(
        sql`SELECT (SELECT count(*) FROM wijzigingen_log) AS log, (SELECT count(*) FROM rijen) AS rijen, (SELECT count(*) FROM ontvangen) AS ontvangen, (SELECT count(*) FROM toegangslog) AS toegangslog`,
      );
      return JSON.stringify((r as unknown as { rows: unknown[] }).rows[0]);
    };
    const push = (wijzigingen: unknown[]) =>
      o.app.inject({ method: 'POST', url: '/sync/push', headers: auth, payload: { wijzigingen } });
    const goed = () => wijziging(pro.id, 'gezinnen', gezin.eigen, { adres: 'Veerplein 9' });

    // Accepted once; the same change again (a retry) is answered the same and stores nothing new.
    const eenmaal = goed();
    const eerste = await push([eenmaal]);
    expect(eerste.statusCode).toBe(200);
    const voor = await tel();
    const herhaald = await push([eenmaal]);
    // The same answer, but for the service's clock at the moment it answers.
    const zonderKlok = (a: { stand: { nu?: string } }) => ({ ...a, stand: { ...a.stand, nu: '' } });
    expect(zonderKlok(herhaald.json())).toEqual(zonderKlok(eerste.json()));
    expect(await tel()).toBe(voor);

    const gevallen: [
      string,
      () => Promise<{ statusCode: number; json(): { code: string; message: string } }>,
      number,
      string,
    ][] = [
      [
        'malformed JSON',
        () =>
          o.app.inject({
            method: 'POST',
            url: '/sync/push',
            headers: { ...auth, 'content-type': 'application/json' },
            payload: '{"wijzigingen": [',
          }),
        400,
        'ongeldige-invoer',
      ],
      [
        'oversized body',
        () =>
          o.app.inject({
            method: 'POST',
            url: '/sync/push',
            headers: { ...auth, 'content-type': 'application/json' },
            payload: JSON.stringify({
              wijzigingen: [{ ...goed(), rijId: 'x'.repeat(MAX_BODY_BYTES) }],
            }),
          }),
        413,
        'ongeldige-invoer',
      ],
      [
        'wrong schema: no fields object',
        () => push([{ ...goed(), velden: 'adres' }]),
        400,
        'ongeldige-invoer',
      ],
      [
        'wrong schema: extra property',
        () => push([{ ...goed(), team: 'x' }]),
        400,
        'ongeldige-invoer',
      ],
      ['empty batch', () => push([]), 400, 'ongeldige-invoer'],
      [
        'access-log line whose hash does not fit its content',
        () =>
          o.app.inject({
            method: 'POST',
            url: '/sync/toegangslog',
            headers: auth,
            payload: { regels: [{ ...logregel(pro.id, gezin.eigen), reden: 'Verzonnen' }] },
          }),
        400,
        'ongeldige-logregel',
      ],
      [
        'access-log line of another shape',
        () =>
          o.app.inject({
            method: 'POST',
            url: '/sync/toegangslog',
            headers: auth,
            payload: { regels: [{ ...logregel(pro.id, gezin.eigen), hash: 'abc' }] },
          }),
        400,
        'ongeldige-invoer',
      ],
      [
        'forged author',
        () => push([{ ...goed(), auteur: accounts.teamcoach.id }]),
        403,
        'geen-toegang',
      ],
      [
        'forged team',
        () => push([wijziging(pro.id, 'gezinnen', randomUUID(), gezinVelden(teams.ander, pro.id))]),
        403,
        'geen-toegang',
      ],
      [
        'replayed change id, other content',
        () => push([{ ...goed(), wijzigingId: eenmaal.wijzigingId }]),
        409,
        'herhaalde-wijziging',
      ],
      [
        'HLC far in the future',
        () => push([{ ...goed(), hlc: hlc(Date.now() + MAX_KLOK_VOORSPRONG_MS + 60_000) }]),
        400,
        'klok-afwijking',
      ],
      ['malformed HLC', () => push([{ ...goed(), hlc: 'morgen' }]), 400, 'ongeldige-invoer'],
      [
        'unknown table',
        () => push([wijziging(pro.id, 'wachtwoorden', randomUUID(), { x: 1 })]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'unknown field',
        () => push([wijziging(pro.id, 'gezinnen', gezin.eigen, { rol: 'beheerder' })]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'wrong type',
        () => push([wijziging(pro.id, 'gezinnen', gezin.eigen, { oordeelCijfer: 'tien' })]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'unknown code',
        () => push([wijziging(pro.id, 'gezinnen', gezin.eigen, { status: 'verdwenen' })]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'new row without required fields',
        () => push([wijziging(pro.id, 'gezinnen', randomUUID(), { naam: 'Half' })]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'child of an unknown family',
        () =>
          push([
            wijziging(pro.id, 'netwerkleden', randomUUID(), {
              gezinId: randomUUID(),
              naam: 'Oma',
              relatie: 'oma',
            }),
          ]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'one bad change spoils the batch',
        () => push([goed(), wijziging(pro.id, 'gezinnen', gezin.eigen, { status: 'verdwenen' })]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'pull with a bad cursor',
        () => o.app.inject({ url: `/sync/pull?scope=team:${teams.eigen}&na=-1`, headers: auth }),
        400,
        'ongeldige-invoer',
      ],
      [
        'pull of no lines',
        () =>
          o.app.inject({
            url: `/sync/pull?scope=team:${teams.eigen}&na=0&limiet=0`,
            headers: auth,
          }),
        400,
        'ongeldige-invoer',
      ],
      [
        'pull of more lines than a page holds',
        () =>
          o.app.inject({
            url: `/sync/pull?scope=team:${teams.eigen}&na=0&limiet=99999`,
            headers: auth,
          }),
        400,
        'ongeldige-invoer',
      ],
      [
        'access-log line with a NUL byte (its hash right)',
        () => {
          const metNul = {
            id: randomUUID(),
            seq: 1,
            at: new Date().toISOString(),
            userId: pro.id,
            namensId: null,
            actie: 'inzien' as const,
            gezinId: gezin.eigen,
            onderdeel: 'gezin.dossier\u0000',
            reden: null,
            apparaat: randomUUID().slice(0, 8),
            prevHash: BEGIN_HASH,
          };
          return o.app.inject({
            method: 'POST',
            url: '/sync/toegangslog',
            headers: auth,
            payload: { regels: [{ ...metNul, hash: regelHash(metNul) }] },
          });
        },
        400,
        'ongeldige-invoer',
      ],
      [
        'quarantine report with a NUL byte',
        () =>
          o.app.inject({
            method: 'POST',
            url: '/sync/quarantaine',
            headers: auth,
            payload: { regels: [{ tabel: 'afspraken', rijId: 'a\u0000b', reden: 'Kapot' }] },
          }),
        400,
        'ongeldige-invoer',
      ],
      [
        'row id with a NUL byte',
        () => push([{ ...goed(), rijId: `${gezin.eigen}\u0000` }]),
        400,
        'ongeldige-invoer',
      ],
      [
        'pull past the log',
        () =>
          o.app.inject({ url: `/sync/pull?scope=team:${teams.eigen}&na=999999`, headers: auth }),
        409,
        'cursor-onbekend',
      ],
    ];
    for (const [naam, doe, status, code] of gevallen) {
      const res = await doe();
      expect({ naam, status: res.statusCode, code: res.json().code }).toEqual({
        naam,
        status,
        code,
      });
      expect(res.json().message.length, naam).toBeGreaterThan(10);
      expect(await tel(), naam).toBe(voor);
    }
  }, 120_000);
});
