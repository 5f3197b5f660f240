/**
 * Aanval (issue 22 item 1): `sync.verbinden` to a server the page names that answers "this
 * device is revoked" (403 apparaat-ingetrokken) makes the core wipe the whole profile
 * (`wisLokaleGegevens`): the families, the demo's choice of person, and the access log
 * (audit_log), whose unsent lines only went to that server. No passphrase, no account needed:
 * a professional can read dossiers and then erase the trail (NEN 7513), or anyone who reaches
 * the browser host can destroy unsynced work.
 *
 * Fails today; passes once only the host's own central service can revoke this profile.
 */
import { expect, it } from 'vitest';
import { createCore } from '../../core/core';
import { DEMO_TODAY, demoStore } from '../helpers/demo-store';
import { nepDienst, onbereikbaar } from './nep-dienst';

const ECHT = 'http://centraal.test';

it('keeps the profile and its access log when a server the page names says "revoked"', async () => {
  const { store, data } = demoStore();
  const floris = data.professionals.find(
    (x) => x.teamId === data.teams[0]!.id && x.rol === 'jeugdprofessional',
  )!;
  const ingetrokken = {
    soort: 'verloren',
    laatsteSync: false,
  };
  const elders = nepDienst((v) =>
    v.pad === '/sync/toegangslog'
      ? { status: 200, body: { opgeslagen: 0, intrekking: ingetrokken } }
      : {
          status: 403,
          body: {
            code: 'apparaat-ingetrokken',
            message: 'weg',
            intrekking: ingetrokken,
            // A token good only for sending the access log, as the real service gives.
            logtoken: 'nep',
          },
        },
  );
  const core = createCore(store, {
    now: () => new Date(`${DEMO_TODAY}T10:00:00Z`),
    log: () => {},
    standaardServer: ECHT,
    transport: (server) => (server === ECHT ? onbereikbaar : elders),
  });
  core.sync.stop();
  const logregels = () =>
    (store.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  try {
    expect(core.call('sessie.kiezen', { professionalId: floris.id })).toMatchObject({ ok: true });
    const lijst = core.call('gezinnen.lijst', {});
    if (!lijst.ok) throw new Error(lijst.error.message);
    const gezin = lijst.data.gezinnen[0]!;
    expect(core.call('gezin.dossier', { gezinId: gezin.id })).toMatchObject({ ok: true });
    const voor = logregels();
    expect(voor).toBeGreaterThan(0);

    await core.callAsync('sync.verbinden', {
      server: 'https://elders.example',
      email: 'aanvaller@elders.example',
      wachtwoord: 'geraden',
    });

    expect(logregels()).toBe(voor);
    expect(core.call('sessie.wie', {})).toMatchObject({ ok: true, data: { id: floris.id } });
    expect(core.call('gezin.dossier', { gezinId: gezin.id })).toMatchObject({ ok: true });
  } finally {
    core.close();
  }
});
