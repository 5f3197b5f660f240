/**
 * Pushes that arrive together are written in one transaction (group commit); to the laptops it
 * must look exactly as if they had come one after the other.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushAntwoord, PushVerzoek } from '../../shared/sync/protocol';
import { GeenVerbinding, type Transport } from '../../core/sync/transport';
import { rijen, wijzigingenLog } from '../../server/db/schema';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { injectTransport, maakLaptop, nieuwGezin } from '../helpers/laptop';
import { PushWachtrij } from '../../server/sync/push-wachtrij';

interface Vastgehouden {
  body: PushVerzoek;
  token: string;
}

describe('pushes that arrive together', () => {
  let omgeving: Omgeving;
  let pro: Account;
  let collega: Account;

  beforeAll(async () => {
    omgeving = await maakOmgeving('pglite');
    const team = await maakTeam(omgeving.store, 'Jeugdteam Zwijndrecht');
    pro = await maakAccount(omgeving.store, 'jeugdprofessional', team);
    collega = await maakAccount(omgeving.store, 'jeugdprofessional', team);
  }, 60_000);
  afterAll(() => omgeving?.sluit());

  /** A laptop whose push is held back (as if the line dropped), so a test can send it itself. */
  async function vastgehoudenPush(account: Account, naam: string) {
    const echt = injectTransport(omgeving);
    let vast: Vastgehouden | undefined;
    const transport: Transport = (v) => {
      if (v.pad !== '/sync/push') return echt(v);
      vast = { body: v.body as PushVerzoek, token: v.token! };
      throw new GeenVerbinding();
    };
    const laptop = await maakLaptop(transport, account);
    const { gezinId } = nieuwGezin(laptop, naam);
    await laptop.engine.synchroniseer().catch(() => undefined);
    expect(vast).toBeDefined();
    return { ...vast!, gezinId };
  }

  const stuur = (p: Vastgehouden) =>
    omgeving.app.inject({
      method: 'POST',
      url: '/sync/push',
      payload: p.body,
      headers: { authorization: `Bearer ${p.token}` },
    });

  it('gives each push its own answer: a refused one stores nothing and holds up no other', async () => {
    const eigen = await vastgehoudenPush(pro, 'Familie Vermeulen');
    const ander = await vastgehoudenPush(collega, 'Familie Kok');
    // The colleague's batch, claiming to be written by someone else.
    const vervalst: Vastgehouden = {
      token: ander.token,
      body: { wijzigingen: ander.body.wijzigingen.map((w) => ({ ...w, auteur: pro.id })) },
    };
    const [a, b, c] = await Promise.all([stuur(eigen), stuur(vervalst), stuur(eigen)]);

    expect(b.statusCode).toBe(403);
    expect(b.json()).toMatchObject({ code: 'geen-toegang' });
    expect(
      await omgeving.store.db.select().from(rijen).where(eq(rijen.rijId, ander.gezinId)),
    ).toEqual([]);

    // The same batch twice at once (a retry that overtook the first): stored once, one answer.
    expect(a.statusCode).toBe(200);
    expect(c.statusCode).toBe(200);
    const verwerkt = (a.json() as PushAntwoord).verwerkt;
    expect(verwerkt).toHaveLength(eigen.body.wijzigingen.length);
    expect((c.json() as PushAntwoord).verwerkt).toEqual(verwerkt);
    const regels = await omgeving.store.db
      .select()
      .from(wijzigingenLog)
      .where(eq(wijzigingenLog.rijId, eigen.gezinId));
    expect(regels).toHaveLength(1);
  });

  it('lets a read that comes after a queued push wait for it, so the read sees it', async () => {
    const push = await vastgehoudenPush(pro, 'Familie Aydin');
    const wachtrij = new PushWachtrij(omgeving.store.db, () => new Date());
    const geschreven = wachtrij.push({
      aanroeper: { gebruikerId: pro.id, rol: pro.rol, teamId: pro.teamId },
      wijzigingen: push.body.wijzigingen,
    });
    await wachtrij.naWachtende();
    const rij = await omgeving.store.db.select().from(rijen).where(eq(rijen.rijId, push.gezinId));
    expect(rij).toHaveLength(1);
    expect((await geschreven).verwerkt).toHaveLength(push.body.wijzigingen.length);
  });
});
