/**
 * Sync end to end in one process: laptops with their own encrypted stores and sync engines
 * against the central service (PGlite here; the PostgreSQL path is covered by the server tests).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gezinnen, gezinsplannen, outbox } from '../../db/schema';
import { leesRegisters } from '../../core/sync/registers';
import { conflictenVan } from '../../shared/sync/rij';
import {
  injectTransport,
  maakAccount,
  maakLaptop,
  maakOmgeving,
  maakTeam,
  nieuwGezin,
  type Account,
  type Laptop,
  type Omgeving,
} from './test-omgeving';

const plan = (l: Laptop, id: string) =>
  l.store.db.select().from(gezinsplannen).where(eq(gezinsplannen.id, id)).get();

describe('sync between laptops and the central service', () => {
  let omgeving: Omgeving;
  let team: string;
  let ander: string;
  let pro: Account;
  let collega: Account;
  let buur: Account;

  beforeAll(async () => {
    omgeving = await maakOmgeving('pglite');
    team = await maakTeam(omgeving.store, 'Jeugdteam Dordrecht-West');
    ander = await maakTeam(omgeving.store, 'Jeugdteam Sliedrecht');
    pro = await maakAccount(omgeving.store, 'jeugdprofessional', team);
    collega = await maakAccount(omgeving.store, 'jeugdprofessional', team);
    buur = await maakAccount(omgeving.store, 'jeugdprofessional', ander);
  }, 60_000);
  afterAll(() => omgeving?.sluit());

  it('brings a family to a colleague, keeps concurrent edits as a conflict, and resolves it', async () => {
    const transport = injectTransport(omgeving);
    const a = await maakLaptop(transport, pro);
    const b = await maakLaptop(transport, collega);
    const { planId } = nieuwGezin(a);
    expect((await a.engine.synchroniseer()).verstuurd).toBe(2);
    await b.engine.synchroniseer();
    expect(plan(b, planId)?.eigenWoorden).toBe('Rust in huis');

    // Both edit the family's own words offline.
    a.schrijf((w) => w.update(gezinsplannen, planId, { eigenWoorden: 'Rust en regelmaat' }));
    b.schrijf((w) => w.update(gezinsplannen, planId, { eigenWoorden: 'Samen eten' }));
    await a.engine.synchroniseer();
    await b.engine.synchroniseer();
    await a.engine.synchroniseer();

    for (const l of [a, b]) {
      const registers = leesRegisters(l.store.sqlite, 'gezinsplannen', planId, undefined);
      const [conflict] = conflictenVan(registers, ['eigenWoorden']);
      expect(conflict).toBeDefined();
      expect([conflict!.huidig.waarde, ...conflict!.anders.map((v) => v.waarde)].sort()).toEqual([
        'Rust en regelmaat',
        'Samen eten',
      ]);
      expect(l.engine.status().conflicten).toBe(1);
    }
    expect(plan(a, planId)?.eigenWoorden).toBe(plan(b, planId)?.eigenWoorden);

    // A resolves it with a combined text; B receives the resolution and the conflict is gone.
    a.schrijf((w) =>
      w.update(gezinsplannen, planId, { eigenWoorden: 'Rust, regelmaat en samen eten' }),
    );
    await a.engine.synchroniseer();
    await b.engine.synchroniseer();
    expect(plan(b, planId)?.eigenWoorden).toBe('Rust, regelmaat en samen eten');
    expect(b.engine.status().conflicten).toBe(0);
    expect(a.engine.status()).toMatchObject({ wachtend: 0, conflicten: 0, fout: null });
  });

  it('never gives a family to another team, and moves it whole on verhuizing', async () => {
    const transport = injectTransport(omgeving);
    const a = await maakLaptop(transport, pro);
    const c = await maakLaptop(transport, buur);
    const { gezinId, planId } = nieuwGezin(a, 'Familie Verhuis');
    await a.engine.synchroniseer();
    await c.engine.synchroniseer();
    expect(
      c.store.db.select().from(gezinnen).where(eq(gezinnen.id, gezinId)).get(),
    ).toBeUndefined();

    // The regisseur hands the family to the other team (its new regisseur is there).
    a.schrijf((w) => w.update(gezinnen, gezinId, { teamId: ander, regisseurId: buur.id }));
    await a.engine.synchroniseer();
    await c.engine.synchroniseer();
    expect(c.store.db.select().from(gezinnen).where(eq(gezinnen.id, gezinId)).get()?.naam).toBe(
      'Familie Verhuis',
    );
    expect(plan(c, planId)?.eigenWoorden).toBe('Rust in huis');
    // ... and it left the old team's laptops.
    expect(
      a.store.db.select().from(gezinnen).where(eq(gezinnen.id, gezinId)).get(),
    ).toBeUndefined();
    expect(a.store.db.select().from(outbox).all()).toEqual([]);
  });
});
