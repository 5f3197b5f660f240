/**
 * Clocks (issue 21): "the laptop keeps its HLC physical part close to the service's clock …
 * The message only asks to fix the clock while it is wrong."
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeenVerbinding, type Transport } from '../../core/sync/transport';
import { decodeHlc } from '../../shared/hlc';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { gedeeldGezin, maakKern, type Kern } from '../helpers/sync-kern';

const DAG = 86_400_000;

describe('a clock that went ahead, then was set right while offline (pglite)', () => {
  let omgeving: Omgeving;
  let accounts: Account[];
  beforeAll(async () => {
    omgeving = await maakOmgeving('pglite');
    const team = await maakTeam(omgeving.store, 'Team Klok');
    accounts = [
      await maakAccount(omgeving.store, 'jeugdprofessional', team),
      await maakAccount(omgeving.store, 'jeugdprofessional', team),
    ];
  }, 120_000);
  afterAll(() => omgeving?.sluit());

  async function metNetwerk() {
    const net = { aan: true };
    const wrap =
      (t: Transport): Transport =>
      async (v) => {
        if (!net.aan) throw new GeenVerbinding();
        return t(v);
      };
    return { net, wrap };
  }

  it('the clock put right offline: no warning any more, and stamps by the right time', async () => {
    const { net, wrap } = await metNetwerk();
    const a = await maakKern(omgeving, accounts[0]!, wrap);
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Vooruit Achteruit');
    const { id } = a.call('afspraak.opslaan', {
      gezinId,
      wat: 'Naar de huisarts',
      wie: 'Moeder',
    }) as { id: string };
    await a.sync();
    await b.sync();

    // A's clock runs a day ahead; a sync learns it and warns.
    a.scheef.ms = DAG;
    expect((await a.sync()).waarschuwing).toMatch(/voor/);
    // The user sets the clock right and goes out, offline.
    a.scheef.ms = 0;
    net.aan = false;
    const offline = await a.sync();
    expect(offline.fout?.soort).toBe('offline');
    // Expected: the clock is right now; no message asking to fix it.
    const waarschuwing = offline.waarschuwing;

    // Meanwhile B marks the agreement done; an hour later (real time) A sets it to vervallen.
    b.call('afspraak.opslaan', {
      gezinId,
      id,
      wat: 'Naar de huisarts',
      wie: 'Moeder',
      status: 'gedaan',
    });
    await b.sync();
    a.core.sync.stop();
    a.call('afspraak.opslaan', {
      gezinId,
      id,
      wat: 'Naar de huisarts',
      wie: 'Moeder',
      status: 'vervallen',
    });
    const stempel = (
      a.store.sqlite
        .prepare(
          "SELECT hlc FROM outbox WHERE table_name = 'afspraken' ORDER BY rowid DESC LIMIT 1",
        )
        .get() as { hlc: string }
    ).hlc;
    const afwijking = Math.abs(decodeHlc(stempel).wallMs - Date.now());
    net.aan = true;
    await a.sync();
    await b.sync();
    const status = (k: Kern) =>
      (
        k.call('gezinsplan.ophalen', { gezinId }) as {
          inhoud: { afspraken: { id?: string; status: string }[] };
        }
      ).inhoud.afspraken[0]!.status;
    expect({
      waarschuwingTerwijlKlokGoed: waarschuwing,
      stempelAfwijkingUren: Math.round(afwijking / 3_600_000),
      statusA: status(a),
      statusB: status(b),
    }).toEqual({
      waarschuwingTerwijlKlokGoed: null,
      stempelAfwijkingUren: 0,
      statusA: 'vervallen',
      statusB: 'vervallen',
    });
    a.core.close();
    b.core.close();
  });

  it('a clock a day BEHIND from the start: edits made now are not outranked by older ones', async () => {
    const a = await maakKern(omgeving, accounts[0]!);
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Achter');
    const { id } = a.call('afspraak.opslaan', { gezinId, wat: 'Bellen', wie: 'Vader' }) as {
      id: string;
    };
    await a.sync();
    await b.sync();
    a.scheef.ms = -DAG;
    await a.sync(); // learns the service's time
    b.call('afspraak.opslaan', { gezinId, id, wat: 'Bellen', wie: 'Vader', status: 'gedaan' });
    await new Promise((r) => setTimeout(r, 20));
    a.call('afspraak.opslaan', { gezinId, id, wat: 'Bellen', wie: 'Vader', status: 'vervallen' });
    await b.sync();
    const st = await a.sync();
    await b.sync();
    expect(st.waarschuwing).toMatch(/achter/);
    for (const k of [a, b])
      expect(
        (
          k.call('gezinsplan.ophalen', { gezinId }) as {
            inhoud: { afspraken: { status: string }[] };
          }
        ).inhoud.afspraken[0]!.status,
      ).toBe('vervallen');
    a.core.close();
    b.core.close();
  });
});
