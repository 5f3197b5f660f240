/**
 * Offline sign-in: once a profile signed in with the central service, the same e-mail and
 * password open it on the road without a connection, with the same limit on guessing as the
 * passphrase; the passphrase keeps working, and a later sign-in with a new password replaces the
 * old one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../core/core';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  WACHTWOORD,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { injectTransport } from '../helpers/laptop';
import { gebruikers } from '../../server/db/schema';
import { hashWachtwoord } from '../../server/auth/wachtwoord';
import { eq } from 'drizzle-orm';
import { kluisActie } from '../../core/kluis/acties';
import { Kluizen } from '../../core/kluis/kluizen';

const ZIN = 'Zeven blauwe fietsen op de dijk';
const NIEUW_WACHTWOORD = 'Een nieuw en lang wachtwoord 2027';
const SERVER = 'http://dienst.test';
let omgeving: Omgeving;
let account: Account;
const map = mkdtempSync(join(tmpdir(), 'eenplan-offline-'));

beforeAll(async () => {
  omgeving = await maakOmgeving('pglite');
  account = await maakAccount(
    omgeving.store,
    'jeugdprofessional',
    await maakTeam(omgeving.store, 'Jeugdteam Offline'),
  );
}, 60_000);
afterAll(async () => {
  await omgeving?.sluit();
  rmSync(map, { recursive: true, force: true });
});

const kluis = new Kluizen({
  dataDir: map,
  maakCore: (store, naAanmelding) =>
    createCore(store, {
      naAanmelding,
      transport: () => injectTransport(omgeving),
      // The laptop is set up for this service (EENPLAN_SERVER_URL); it connects with no other.
      standaardServer: SERVER,
      log: () => {},
    }),
});

const sleutelPad = () => join(map, kluis.lijst()[0]!.id, 'eenplan.sleutel.json');

async function verbind(wachtwoord: string) {
  const r = await kluis
    .core()!
    .callAsync('sync.verbinden', { server: SERVER, email: account.email, wachtwoord });
  if (!r.ok) throw new Error(r.error.message);
}

describe('signing in offline with the last synced account', () => {
  it('opens the profile with the account after one online sign-in, and only then', async () => {
    kluis.maak('Sanne', ZIN);
    expect(kluisActie(kluis, 'kluis.staat', undefined)).toMatchObject({
      data: { staat: 'open', profielen: [{ naam: 'Sanne', metAccount: false }] },
    });
    kluis.vergrendel();
    // Before any sign-in the account opens nothing (and says no more than a wrong password).
    expect(
      kluisActie(kluis, 'kluis.aanmelden', { email: account.email, wachtwoord: WACHTWOORD }),
    ).toMatchObject({
      ok: false,
      error: { code: 'niet-aangemeld', message: 'E-mailadres of wachtwoord klopt niet.' },
    });

    expect(kluisActie(kluis, 'kluis.ontgrendelen', { wachtwoord: ZIN }).ok).toBe(true);
    await verbind(WACHTWOORD);
    expect(kluisActie(kluis, 'kluis.staat', undefined)).toMatchObject({
      data: { profielen: [{ metAccount: true }] },
    });
    // The key file holds the key wrapped, never the password, and nothing that names the
    // account: the wrap is found by trying the e-mail and password typed (issue 23 item 6).
    const tekst = readFileSync(sleutelPad(), 'utf8');
    expect(tekst).not.toContain(WACHTWOORD);
    expect(tekst.toLowerCase()).not.toContain(account.email.toLowerCase());
    expect(tekst.toLowerCase()).not.toContain(account.email.split('@')[0]!.toLowerCase());
    expect((JSON.parse(tekst) as { account: object }).account).toEqual({
      zout: expect.any(String),
      verpakt: { iv: expect.any(String), tag: expect.any(String), data: expect.any(String) },
    });
    kluis.vergrendel();

    // Offline: the service is not asked (it could be gone); e-mail in any case.
    const open = kluisActie(kluis, 'kluis.aanmelden', {
      email: account.email.toUpperCase(),
      wachtwoord: WACHTWOORD,
    });
    expect(open).toMatchObject({ ok: true, data: { staat: 'open' } });
    kluis.vergrendel();
    expect(kluisActie(kluis, 'kluis.ontgrendelen', { wachtwoord: ZIN }).ok).toBe(true);
    kluis.vergrendel();
  });

  it('counts wrong account tries with the passphrase tries, and follows a new password', async () => {
    for (let i = 0; i < 5; i++)
      expect(
        kluisActie(kluis, 'kluis.aanmelden', { email: account.email, wachtwoord: `fout ${i}` }).ok,
      ).toBe(false);
    const wacht = kluisActie(kluis, 'kluis.ontgrendelen', { wachtwoord: ZIN });
    expect(wacht).toMatchObject({ ok: false, error: { code: 'even-wachten' } });
    // After the wait has passed (the key file's last try moved back), the passphrase opens.
    const bestand = JSON.parse(readFileSync(sleutelPad(), 'utf8')) as {
      pogingen: { laatste: string };
    };
    bestand.pogingen.laatste = '2020-01-01T00:00:00.000Z';
    writeFileSync(sleutelPad(), JSON.stringify(bestand));
    expect(kluisActie(kluis, 'kluis.ontgrendelen', { wachtwoord: ZIN }).ok).toBe(true);

    // The password changes centrally; the next online sign-in rewraps, the old one stops working.
    const nieuw = NIEUW_WACHTWOORD;
    await omgeving.store.db
      .update(gebruikers)
      .set({ wachtwoordHash: await hashWachtwoord(nieuw) })
      .where(eq(gebruikers.id, account.id));
    await verbind(nieuw);
    kluis.vergrendel();
    expect(
      kluisActie(kluis, 'kluis.aanmelden', { email: account.email, wachtwoord: WACHTWOORD }).ok,
    ).toBe(false);
    expect(
      kluisActie(kluis, 'kluis.aanmelden', { email: account.email, wachtwoord: nieuw }).ok,
    ).toBe(true);
    kluis.vergrendel();
  });

  it('drops the e-mail an earlier version kept in the clear at the next unlock, and still opens with the account', () => {
    const oud = JSON.parse(readFileSync(sleutelPad(), 'utf8')) as {
      account: Record<string, unknown>;
    };
    oud.account.email = account.email.toLowerCase();
    writeFileSync(sleutelPad(), JSON.stringify(oud));
    expect(kluisActie(kluis, 'kluis.ontgrendelen', { wachtwoord: ZIN }).ok).toBe(true);
    kluis.vergrendel();
    expect(readFileSync(sleutelPad(), 'utf8').toLowerCase()).not.toContain(
      account.email.toLowerCase(),
    );
    expect(
      kluisActie(kluis, 'kluis.aanmelden', { email: account.email, wachtwoord: NIEUW_WACHTWOORD })
        .ok,
    ).toBe(true);
    kluis.vergrendel();
  });

  it('refuses an empty e-mail or password with a Dutch reason', () => {
    expect(kluisActie(kluis, 'kluis.aanmelden', { wachtwoord: 'x' })).toMatchObject({
      error: { code: 'ongeldige-invoer', field: 'email', message: 'Vul uw e-mailadres in.' },
    });
    expect(kluisActie(kluis, 'kluis.aanmelden', { email: account.email })).toMatchObject({
      error: { code: 'ongeldige-invoer', field: 'wachtwoord', message: 'Vul uw wachtwoord in.' },
    });
  });
});
