/**
 * Aanval (issue 23 item 3): `controleer()` is to report damage, but a head or log key that is no
 * longer what Eenplan writes (one SQL statement with the passphrase) makes it throw: the log view
 * (`toegangslog.lijst`, which calls it) then answers "interne-fout" instead of "the chain is
 * damaged", and the damage is never named.
 *
 * Fails today; passes once `controleer()` reports an unreadable head or key as damage.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { Toegangslog } from '../../core/audit/toegangslog';
import { openDatabase } from '../../db/connection';

const SABOTAGE = {
  'head not JSON': "UPDATE instellingen SET waarde = '{' WHERE sleutel = 'toegangslog-kop'",
  'log key a number': `INSERT OR REPLACE INTO instellingen (sleutel, waarde)
     VALUES ('toegangslog-sleutel', '{"sleutel":5,"vanaf":1}')`,
};

it.each(Object.entries(SABOTAGE))('reports, not throws, with the %s', (_naam, sql) => {
  const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
  const log = new Toegangslog(store.sqlite, 'lokaal01', () => new Date().toISOString());
  log.schrijf('p1', [{ actie: 'inzien', gezinId: randomUUID(), onderdeel: 'gezin.dossier' }]);
  store.sqlite.exec(sql);
  let uitkomst: unknown;
  try {
    uitkomst = log.controleer();
  } catch (error) {
    uitkomst = `werpt: ${(error as Error).message}`;
  }
  expect(uitkomst).toMatchObject({ intact: false });
  store.close();
});
