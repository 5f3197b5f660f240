/**
 * Several professionals share one laptop: each profile has its own database, key and
 * passphrase, one passphrase opens one profile only, and a profile of an earlier version (a
 * single vault) is taken over with its data.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../core';
import type { ProfileStore } from './profile-store';
import { kluisActie } from './acties';
import { Kluis } from './kluis';
import { Kluizen } from './kluizen';

const ZIN_A = 'Zeven blauwe fietsen op de dijk';
const ZIN_B = 'Acht rode boten in de haven';
const mappen: string[] = [];
const geopend: ProfileStore[] = [];
const opties = (dataDir: string) => ({
  dataDir,
  maakCore: (store: ProfileStore) => {
    geopend.push(store);
    return createCore(store);
  },
});
const nieuweMap = () => {
  const map = mkdtempSync(join(tmpdir(), 'eenplan-kluizen-'));
  mappen.push(map);
  return map;
};
afterEach(() => {
  for (const m of mappen.splice(0)) rmSync(m, { recursive: true, force: true });
  geopend.length = 0;
});

/** Every file under `map`, with its contents. */
function bestanden(map: string): [string, Buffer][] {
  return readdirSync(map, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => [join(d.parentPath, d.name), readFileSync(join(d.parentPath, d.name))]);
}

describe('profiles on a shared laptop', () => {
  it('keeps each professional in a vault of their own, opened by their own passphrase only', () => {
    const map = nieuweMap();
    const kluizen = new Kluizen(opties(map));
    expect(kluizen.staat()).toBe('nieuw');

    const a = kluizen.maak('  Sanne   de Vries ', ZIN_A);
    geopend
      .at(-1)!
      .sqlite.exec(
        "CREATE TABLE notitie (tekst TEXT); INSERT INTO notitie VALUES ('Geheim van Sanne')",
      );
    expect(kluizen.lijst()).toEqual([{ id: a, naam: 'Sanne de Vries', metAccount: false }]);
    kluizen.vergrendel();

    const b = kluizen.maak('Youssef', ZIN_B);
    const storeB = geopend.at(-1)!;
    expect(storeB.path).not.toBe(geopend[0]!.path);
    // B's database knows nothing of A's.
    expect(
      storeB.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'notitie'").get(),
    ).toEqual({ n: 0 });
    kluizen.vergrendel();
    expect(kluizen.staat()).toBe('vergrendeld');
    expect(kluizen.core()).toBeNull();

    // Each passphrase opens its own profile and no other.
    const antwoord = kluisActie(kluizen, 'kluis.ontgrendelen', { profiel: b, wachtwoord: ZIN_A });
    expect(antwoord).toMatchObject({ ok: false, error: { code: 'niet-aangemeld' } });
    expect(kluizen.core()).toBeNull();
    expect(
      kluisActie(kluizen, 'kluis.ontgrendelen', { profiel: a, wachtwoord: ZIN_A }),
    ).toMatchObject({
      ok: true,
      data: { staat: 'open', actief: a },
    });
    const storeA = geopend.at(-1)!;
    expect(storeA.sqlite.prepare('SELECT tekst FROM notitie').get()).toEqual({
      tekst: 'Geheim van Sanne',
    });

    // While A works, a wrong try at B leaves A open; the right one closes A.
    expect(
      kluisActie(kluizen, 'kluis.ontgrendelen', {
        profiel: b,
        wachtwoord: 'Negen foute woorden hier',
      }).ok,
    ).toBe(false);
    expect(kluizen.actiefProfiel()).toBe(a);
    expect(storeA.sqlite.open).toBe(true);
    expect(kluisActie(kluizen, 'kluis.ontgrendelen', { profiel: b, wachtwoord: ZIN_B }).ok).toBe(
      true,
    );
    expect(storeA.sqlite.open).toBe(false);
    expect(kluizen.actiefProfiel()).toBe(b);
    kluizen.vergrendel();

    // Nothing on disk reads as A's note, and the list holds only the chosen names.
    for (const [pad, inhoud] of bestanden(map))
      expect(inhoud.includes(Buffer.from('Geheim van Sanne')), pad).toBe(false);
    expect(readFileSync(join(map, 'profielen.json'), 'utf8')).not.toMatch(/wachtwoord|sleutel/i);

    // With two profiles the lock screen must say whose it is.
    expect(kluisActie(kluizen, 'kluis.ontgrendelen', { wachtwoord: ZIN_A })).toMatchObject({
      ok: false,
      error: {
        code: 'ongeldige-invoer',
        field: 'profiel',
        message: 'Kies uw profiel op deze laptop.',
      },
    });
    expect(
      kluisActie(kluizen, 'kluis.ontgrendelen', { profiel: 'elders', wachtwoord: ZIN_A }),
    ).toMatchObject({
      ok: false,
      error: { field: 'profiel' },
    });
  });

  it('refuses a bad name or a weak passphrase and leaves nothing behind', () => {
    const map = nieuweMap();
    const kluizen = new Kluizen(opties(map));
    kluizen.maak('Sanne', ZIN_A);
    kluizen.vergrendel();
    const voor = readdirSync(map).sort();
    for (const [naam, zin, veld] of [
      ['', ZIN_B, 'naam'],
      ['x'.repeat(61), ZIN_B, 'naam'],
      ['SANNE', ZIN_B, 'naam'],
      ['Youssef', 'welkom123', 'wachtwoord'],
    ] as const) {
      const antwoord = kluisActie(kluizen, 'kluis.instellen', { naam, wachtwoord: zin });
      expect(antwoord, naam).toMatchObject({
        ok: false,
        error: { code: 'ongeldige-invoer', field: veld },
      });
    }
    expect(readdirSync(map).sort()).toEqual(voor);
    expect(kluizen.lijst().map((p) => p.naam)).toEqual(['Sanne']);
    expect(kluizen.staat()).toBe('vergrendeld');
  });

  it('changes the open profile passphrase: the old one stops, the data stays', () => {
    const kluizen = new Kluizen(opties(nieuweMap()));
    kluizen.maak('Sanne', ZIN_A);
    geopend
      .at(-1)!
      .sqlite.exec("CREATE TABLE notitie (tekst TEXT); INSERT INTO notitie VALUES ('blijft')");
    expect(
      kluisActie(kluizen, 'kluis.wijzigen', { wachtwoord: ZIN_A, nieuw: 'kort' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'nieuw' },
    });
    expect(
      kluisActie(kluizen, 'kluis.wijzigen', { wachtwoord: ZIN_B, nieuw: ZIN_B }),
    ).toMatchObject({
      ok: false,
      error: { code: 'niet-aangemeld', field: 'wachtwoord' },
    });
    expect(kluisActie(kluizen, 'kluis.wijzigen', { wachtwoord: ZIN_A, nieuw: ZIN_B }).ok).toBe(
      true,
    );
    kluizen.vergrendel();
    expect(kluisActie(kluizen, 'kluis.ontgrendelen', { wachtwoord: ZIN_A }).ok).toBe(false);
    expect(kluisActie(kluizen, 'kluis.ontgrendelen', { wachtwoord: ZIN_B }).ok).toBe(true);
    expect(geopend.at(-1)!.sqlite.prepare('SELECT tekst FROM notitie').get()).toEqual({
      tekst: 'blijft',
    });
  });

  it.each([
    ['straight in the data folder (browser host)', ''],
    ['in standaard/ (desktop app)', 'standaard'],
  ])('takes over the single vault of an earlier version %s', (_soort, sub) => {
    const map = nieuweMap();
    mkdirSync(join(map, sub), { recursive: true });
    const oud = new Kluis(opties(join(map, sub)));
    oud.instellen(ZIN_A);
    geopend
      .at(-1)!
      .sqlite.exec("CREATE TABLE notitie (tekst TEXT); INSERT INTO notitie VALUES ('van vroeger')");
    oud.vergrendel();

    const kluizen = new Kluizen(opties(map));
    expect(kluizen.lijst()).toEqual([{ id: 'standaard', naam: 'Profiel', metAccount: false }]);
    expect(readdirSync(map).filter((b) => b.startsWith('eenplan.'))).toEqual([]);
    expect(kluisActie(kluizen, 'kluis.ontgrendelen', { wachtwoord: ZIN_A }).ok).toBe(true);
    expect(geopend.at(-1)!.sqlite.prepare('SELECT tekst FROM notitie').get()).toEqual({
      tekst: 'van vroeger',
    });
    // A second start finds the list and changes nothing.
    kluizen.vergrendel();
    expect(new Kluizen(opties(map)).lijst()).toHaveLength(1);
  });
});
