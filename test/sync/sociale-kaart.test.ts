/**
 * The beheerder keeps the sociale kaart on the central service; laptops receive every change
 * with their next sync, as reference data.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialeVoorzieningen, teams } from '../../db/schema';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  WACHTWOORD,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { injectTransport, maakLaptop } from '../helpers/laptop';

describe('the sociale kaart kept by the beheerder', () => {
  let o: Omgeving;
  let beheerder: Account;
  let pro: Account;
  let teamId: string;
  let token: string;

  beforeAll(async () => {
    o = await maakOmgeving('pglite');
    teamId = await maakTeam(o.store, 'Jeugdteam Papendrecht');
    beheerder = await maakAccount(o.store, 'beheerder', null);
    pro = await maakAccount(o.store, 'jeugdprofessional', teamId);
    const res = await o.app.inject({
      method: 'POST',
      url: '/auth/aanmelden',
      payload: { email: beheerder.email, wachtwoord: WACHTWOORD, apparaat: { naam: 'Beheer' } },
    });
    token = (res.json() as { toegangstoken: string }).toegangstoken;
  }, 60_000);
  afterAll(() => o?.sluit());

  const beheer = (method: 'GET' | 'POST', url: string, payload?: object) =>
    o.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });

  it('adds, changes and retires a voorziening, and every laptop of the region gets it', async () => {
    const laptop = await maakLaptop(injectTransport(o), pro);
    const gemeenteId = laptop.store.db.select().from(teams).where(eq(teams.id, teamId)).get()!
      .gemeenteId;
    const nieuw = {
      gemeenteId,
      naam: 'Opvoedpunt Papendrecht',
      soort: 'opvoedsteun',
      aanbod: 'Spreekuur over opvoedvragen.',
      contact: '078-123 4567',
      gratis: true,
    };
    for (const fout of [
      { ...nieuw, soort: 'onbekend' },
      { ...nieuw, naam: '' },
      { ...nieuw, gemeenteId: '6f1b1a4e-0000-4000-8000-000000000000' },
      { ...nieuw, extra: 1 },
    ])
      expect((await beheer('POST', '/beheer/sociale-kaart', fout)).json()).toMatchObject({
        code: expect.stringMatching(/^ongeldige-/),
      });
    const res = await beheer('POST', '/beheer/sociale-kaart', nieuw);
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: string };
    expect(
      (await beheer('GET', `/beheer/sociale-kaart?gemeenteId=${gemeenteId}`)).json() as unknown[],
    ).toEqual([expect.objectContaining({ id, naam: 'Opvoedpunt Papendrecht', actief: true })]);

    const rij = () =>
      laptop.store.db
        .select()
        .from(socialeVoorzieningen)
        .where(eq(socialeVoorzieningen.id, id))
        .get();
    await laptop.engine.synchroniseer();
    expect(rij()).toMatchObject({ naam: 'Opvoedpunt Papendrecht', gratis: true, actief: true });

    expect(
      (await beheer('POST', `/beheer/sociale-kaart/${id}`, { contact: '078-765 4321' })).statusCode,
    ).toBe(200);
    expect((await beheer('POST', `/beheer/sociale-kaart/${id}`, {})).statusCode).toBe(400);
    expect(
      (
        await beheer('POST', '/beheer/sociale-kaart/6f1b1a4e-0000-4000-8000-000000000000', {
          actief: false,
        })
      ).statusCode,
    ).toBe(404);
    await laptop.engine.synchroniseer();
    expect(rij()?.contact).toBe('078-765 4321');
    await beheer('POST', `/beheer/sociale-kaart/${id}`, { actief: false });
    await laptop.engine.synchroniseer();
    expect(rij()?.actief).toBe(false);
  }, 60_000);
});
