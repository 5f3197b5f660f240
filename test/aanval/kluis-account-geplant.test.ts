/**
 * Aanval (issue 22 item 1): while a profile is open, the page (or any process that reaches the
 * browser host) calls `sync.verbinden` with a server of its own that accepts any password. The
 * core then calls `naAanmelding`, and the vault wraps the profile's key under that e-mail and
 * password (`koppelAccount`). From then on `kluis.aanmelden` with those made-up credentials
 * opens the profile, without its passphrase: a way in that no real service ever checked.
 *
 * Fails today; passes once only a sign-in the host's own central service accepted can be
 * given the key (or a profile is not re-pointed by the page).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createCore } from '../../core/core';
import { deur } from '../../core/deur';
import { Kluizen } from '../../core/kluis/kluizen';
import { nepDienst, onbereikbaar, tokens } from './nep-dienst';

const ECHT = 'http://centraal.test';
const ZIN = 'Zeven blauwe fietsen op de dijk';
const dataDir = mkdtempSync(join(tmpdir(), 'eenplan-aanval-kluis-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('does not open with an account only a server the page named accepted', async () => {
  const elders = nepDienst((v) =>
    v.pad === '/auth/aanmelden'
      ? tokens({ id: 'wie-dan-ook', naam: 'x', rol: 'jeugdprofessional', teamId: null })
      : undefined,
  );
  const kluizen = new Kluizen({
    dataDir,
    maakCore: (store, naAanmelding) =>
      createCore(store, {
        naAanmelding,
        log: () => {},
        standaardServer: ECHT,
        transport: (server) => (server === ECHT ? onbereikbaar : elders),
      }),
  });
  try {
    expect(await deur(kluizen, 'kluis.instellen', { naam: 'Werk', wachtwoord: ZIN })).toMatchObject(
      { ok: true },
    );
    kluizen.core()!.sync.stop();
    await deur(kluizen, 'sync.verbinden', {
      server: 'https://elders.example',
      email: 'aanvaller@elders.example',
      wachtwoord: 'zelf verzonnen',
    });
    expect(await deur(kluizen, 'kluis.vergrendelen', {})).toMatchObject({ ok: true });
    const open = await deur(kluizen, 'kluis.aanmelden', {
      email: 'aanvaller@elders.example',
      wachtwoord: 'zelf verzonnen',
    });
    expect(open.ok).toBe(false);
    expect(kluizen.core()).toBeNull();
  } finally {
    kluizen.vergrendel();
  }
});
