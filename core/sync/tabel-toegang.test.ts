/**
 * A row stored without its registers beside it must read back as exactly those registers: only
 * values that survive the trip through SQLite unchanged, and every field of the table, qualify.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { syncTabel } from '../../db/sync-tabellen';
import { tabelToegang } from './tabel-toegang';

describe('a first write kept only in its table row', () => {
  const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
  const spec = syncTabel('toewijzingen')!;
  const toegang = tabelToegang(store.sqlite, spec);
  const voorbeeld = (soort: string) =>
    soort === 'number' ? 12 : soort === 'boolean' ? true : 'tekst';
  const alles = Object.fromEntries([...spec.velden].map(([veld, v]) => [veld, voorbeeld(v.soort)]));
  const veldVan = (soort: string) => [...spec.velden].find(([, v]) => v.soort === soort)![0];

  it('qualifies when every field is there with a value of its own kind', () => {
    expect(toegang.bewaartPrecies(alles)).toBe(true);
    const nullbaar = [...spec.velden].find(([, v]) => v.nullable)![0];
    expect(toegang.bewaartPrecies({ ...alles, [nullbaar]: null })).toBe(true);
  });

  it('does not when a field is missing, unknown, or would be converted by SQLite', () => {
    const { [veldVan('string')]: _weg, ...zonder } = alles;
    expect(toegang.bewaartPrecies(zonder)).toBe(false);
    expect(toegang.bewaartPrecies({ ...alles, onbekend: 'x' })).toBe(false);
    expect(toegang.bewaartPrecies({ ...alles, id: 'x' })).toBe(false);
    expect(toegang.bewaartPrecies({ ...alles, [veldVan('string')]: 5 })).toBe(false);
    expect(toegang.bewaartPrecies({ ...alles, [veldVan('number')]: '5' })).toBe(false);
    expect(toegang.bewaartPrecies({ ...alles, [veldVan('boolean')]: 1 })).toBe(false);
  });
});
