/**
 * ToewijzingNummers (issue 24, ADR 0005): "a ToewijzingNummer unique per gemeente even when two
 * laptops allocate offline". Real cores, the real service: each laptop holds blocks of its own
 * after its first sync, so numbers taken offline on two laptops never meet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blokkenMetRuimte, neemToewijzingNummer } from '../../core/toewijzing/toewijzingnummers';
import { blokVan } from '../../shared/toewijzingnummer';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { maakKern } from '../helpers/sync-kern';

describe('two laptops allocating offline (pglite)', () => {
  let omgeving: Omgeving;
  let accounts: Account[];
  beforeAll(async () => {
    omgeving = await maakOmgeving('pglite');
    const team = await maakTeam(omgeving.store, 'Team Nummers');
    accounts = [
      await maakAccount(omgeving.store, 'jeugdprofessional', team),
      await maakAccount(omgeving.store, 'jeugdprofessional', team),
    ];
  }, 120_000);
  afterAll(() => omgeving?.sluit());

  it('each holds two blocks of its own after connecting, and their numbers never meet', async () => {
    const a = await maakKern(omgeving, accounts[0]!);
    const b = await maakKern(omgeving, accounts[1]!);
    try {
      expect(blokkenMetRuimte(a.store.sqlite)).toBe(2);
      expect(blokkenMetRuimte(b.store.sqlite)).toBe(2);
      // Offline, a day's work on each: 300 numbers, all different, each from its own blocks.
      const neem = (s: typeof a.store) => {
        const n = neemToewijzingNummer(s.sqlite, { demo: false });
        if (n === null) throw new Error('geen nummer');
        return n;
      };
      const vanA = Array.from({ length: 150 }, () => neem(a.store));
      const vanB = Array.from({ length: 150 }, () => neem(b.store));
      expect(new Set([...vanA, ...vanB]).size).toBe(300);
      const blokkenA = new Set(vanA.map(blokVan));
      expect(vanB.some((n) => blokkenA.has(blokVan(n)))).toBe(false);
      expect([...vanA, ...vanB].every((n) => n > 0 && n <= 999_999_999)).toBe(true);
      // Another sync keeps two blocks with room; nothing more is asked while there are.
      await a.sync();
      expect(blokkenMetRuimte(a.store.sqlite)).toBe(2);
    } finally {
      a.core.close();
      b.core.close();
    }
  });
});
