/** Shared scaffolding for the breek tests: real cores over the injected transport. */
import { randomBytes } from 'node:crypto';
import { openDatabase, type OpenDatabase } from '../../db/connection';
import { createCore, type Core } from '../../core/core';
import { WACHTWOORD, type Account, type Omgeving } from './dienst-omgeving';
import { injectTransport } from './laptop';
import type { Transport } from '../../core/sync/transport';

const SERVER = 'http://centraal.test';

export interface Kern {
  core: Core;
  store: OpenDatabase;
  account: Account;
  scheef: { ms: number };
  call(method: string, input: unknown): unknown;
  probeer(
    method: string,
    input: unknown,
  ): { ok: boolean; data?: unknown; error?: { message: string } };
  sync(): Promise<ReturnType<Core['sync']['status']>>;
}

export async function maakKern(
  omgeving: Omgeving,
  account: Account,
  transport?: (t: Transport) => Transport,
): Promise<Kern> {
  const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
  const scheef = { ms: 0 };
  const core = createCore(store, {
    now: () => new Date(Date.now() + scheef.ms),
    transport: () => (transport ? transport(injectTransport(omgeving)) : injectTransport(omgeving)),
    // The laptop is set up for this service (EENPLAN_SERVER_URL); it connects with no other.
    standaardServer: SERVER,
    log: () => {},
  });
  core.sync.stop();
  const kern: Kern = {
    core,
    store,
    account,
    scheef,
    call(method, input) {
      const r = core.call(method as never, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.data;
    },
    probeer(method, input) {
      return core.call(method as never, input) as never;
    },
    async sync() {
      await core.sync.synchroniseer().catch(() => undefined);
      return core.sync.status();
    },
  };
  const verbonden = await core.callAsync('sync.verbinden', {
    server: SERVER,
    email: account.email,
    wachtwoord: WACHTWOORD,
  });
  if (!verbonden.ok) throw new Error(verbonden.error.message);
  return kern;
}

export async function tokenVan(omgeving: Omgeving, account: Account): Promise<string> {
  const res = await omgeving.app.inject({
    method: 'POST',
    url: '/auth/aanmelden',
    payload: { email: account.email, wachtwoord: WACHTWOORD, apparaat: { naam: 'Aanvaller' } },
  });
  return res.json().toegangstoken as string;
}

export async function gedeeldGezin(a: Kern, b: Kern, naam: string) {
  const { id: gezinId } = a.call('gezin.aanmaken', {
    naam,
    adres: 'Molenstraat 3',
    postcode: '3351 AB',
    woonplaats: 'Papendrecht',
    leden: [
      { rol: 'ouder', voornaam: 'Fatma', achternaam: 'Demir', geboortedatum: '1988-04-02' },
      { rol: 'jeugdige', voornaam: 'Emre', achternaam: 'Demir', geboortedatum: '2015-09-12' },
    ],
  }) as { id: string };
  a.call('gezin.medewerker', { gezinId, professionalId: b.account.id, actie: 'toevoegen' });
  a.call('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Weer rust in huis' });
  await a.sync();
  await b.sync();
  return gezinId;
}
