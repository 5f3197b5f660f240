/**
 * Sync end to end in one process: laptops with their own encrypted stores and sync engines
 * against the central service (PGlite here; the PostgreSQL path is covered by the server tests).
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gezinnen, gezinsplannen, netwerkleden, outbox, producten } from '../../db/schema';
import { Toegangslog } from '../../core/audit/toegangslog';
import { leesRegisters } from '../../core/sync/registers';
import { GeenVerbinding } from '../../core/sync/transport';
import {
  apparaten,
  rijen,
  toegangslog,
  verwijderingen,
  wijzigingenLog,
} from '../../server/db/schema';
import { conflictenVan } from '../../shared/sync/rij';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  zaaiReferentie,
  type Account,
  type Omgeving,
  WACHTWOORD,
} from '../helpers/dienst-omgeving';
import { injectTransport, maakLaptop, nieuwGezin, type Laptop } from '../helpers/laptop';

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
    // Received as one first write, the plan is its own registers: no text stored beside it.
    const opgeslagen = b.store.sqlite
      .prepare("SELECT registers FROM sync_registers WHERE tabel = 'gezinsplannen' AND rij_id = ?")
      .get(planId) as { registers: string | null };
    expect(opgeslagen.registers).toBeNull();
    expect(leesRegisters(b.store.sqlite, 'gezinsplannen', planId)).toEqual(
      leesRegisters(a.store.sqlite, 'gezinsplannen', planId),
    );

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

  const telGezinnen = (l: Laptop) =>
    (
      l.store.sqlite.prepare('SELECT count(*) AS n FROM gezinnen WHERE deleted = 0').get() as {
        n: number;
      }
    ).n;

  it('stops and asks before a pull removes more than half of the caseload', async () => {
    const teamC = await maakTeam(omgeving.store, 'Jeugdteam Alblasserdam');
    const [p1, p2] = [
      await maakAccount(omgeving.store, 'jeugdprofessional', teamC),
      await maakAccount(omgeving.store, 'jeugdprofessional', teamC),
    ];
    const transport = injectTransport(omgeving);
    const a = await maakLaptop(transport, p1);
    const ids = Array.from({ length: 12 }, (_, i) => nieuwGezin(a, `Familie ${i}`).gezinId);
    await a.engine.synchroniseer();
    const b = await maakLaptop(transport, p2);
    b.schrijf((w) => ids.slice(0, 10).forEach((id) => w.tombstone(gezinnen, id)));
    await b.engine.synchroniseer();

    await expect(a.engine.synchroniseer()).rejects.toMatchObject({ soort: 'mass-change' });
    expect(telGezinnen(a)).toBe(12);
    expect(a.engine.status().fout?.bericht).toMatch(/10 van uw 12 gezinnen/);
    await a.engine.synchroniseer({ bevestigMassa: true });
    expect(telGezinnen(a)).toBe(2);
  });

  it('repairs a scope whose checksum does not match, from the server, never by guessing', async () => {
    const transport = injectTransport(omgeving);
    const a = await maakLaptop(transport, pro);
    const { gezinId, planId } = nieuwGezin(a, 'Familie Herstel');
    await a.engine.synchroniseer();
    // The local file is damaged behind the engine's back: a value and a stray row.
    a.store.sqlite
      .prepare(
        "UPDATE sync_registers SET registers = replace(registers, 'Rust in huis', 'Kapot') WHERE rij_id = ?",
      )
      .run(planId);
    a.store.sqlite
      .prepare('UPDATE gezinsplannen SET eigen_woorden = ? WHERE id = ?')
      .run('Kapot', planId);
    a.store.sqlite
      .prepare(
        "INSERT INTO sync_registers (tabel, rij_id, registers, hash) VALUES ('netwerkleden', ?, '{}', '00000000000000ff')",
      )
      .run(randomUUID());

    const verslag = await a.engine.synchroniseer();
    expect(verslag.hersteld).toEqual([`team:${team}`]);
    expect(plan(a, planId)?.eigenWoorden).toBe('Rust in huis');
    expect(a.store.db.select().from(gezinnen).where(eq(gezinnen.id, gezinId)).get()?.naam).toBe(
      'Familie Herstel',
    );
    expect((await a.engine.synchroniseer()).hersteld).toEqual([]);
  });

  it('asks no pages of a scope it already holds as the service has it, and does when it changed', async () => {
    const pulls: string[] = [];
    const inject = injectTransport(omgeving);
    const transport: typeof inject = (v) => {
      if (v.pad.startsWith('/sync/pull'))
        pulls.push(new URL(v.pad, 'http://x').searchParams.get('scope')!);
      return inject(v);
    };
    const a = await maakLaptop(transport, pro);
    const b = await maakLaptop(injectTransport(omgeving), collega);
    const { planId } = nieuwGezin(a, 'Familie Stil');
    await a.engine.synchroniseer();
    await b.engine.synchroniseer();
    await a.engine.synchroniseer();

    pulls.length = 0;
    expect((await a.engine.synchroniseer()).ontvangen).toBe(0);
    expect(pulls).toEqual([]);

    b.schrijf((w) => w.update(gezinsplannen, planId, { eigenWoorden: 'Nieuw van collega' }));
    await b.engine.synchroniseer();
    expect((await a.engine.synchroniseer()).ontvangen).toBe(1);
    expect(pulls).toEqual([`team:${team}`]);
    expect(plan(a, planId)?.eigenWoorden).toBe('Nieuw van collega');
  });

  it('takes the scope states from its push, and asks for them only in a round without one', async () => {
    const paden: string[] = [];
    const inject = injectTransport(omgeving);
    const a = await maakLaptop((v) => {
      paden.push(`${v.methode} ${v.pad.split('?')[0]}`);
      return inject(v);
    }, pro);
    const b = await maakLaptop(injectTransport(omgeving), collega);
    const { planId, gezinId } = nieuwGezin(a, 'Familie Kort');
    await a.engine.synchroniseer();
    await b.engine.synchroniseer();

    b.schrijf((w) => w.update(gezinsplannen, planId, { eigenWoorden: 'Van de collega' }));
    await b.engine.synchroniseer();
    a.schrijf((w) => w.update(gezinnen, gezinId, { naam: 'Familie Kort-Lang' }));
    paden.length = 0;
    expect(await a.engine.synchroniseer()).toMatchObject({ verstuurd: 1, ontvangen: 1 });
    expect(paden).toEqual(['POST /sync/push', 'GET /sync/pull']);
    expect(plan(a, planId)?.eigenWoorden).toBe('Van de collega');

    paden.length = 0;
    expect(await a.engine.synchroniseer()).toMatchObject({ verstuurd: 0, ontvangen: 0 });
    expect(paden).toEqual(['GET /sync/scopes']);
  });

  it('keeps a change the service refuses, sends the rest, and shows it', async () => {
    const transport = injectTransport(omgeving);
    const a = await maakLaptop(transport, pro);
    const { planId } = nieuwGezin(a, 'Familie Geweigerd');
    a.store.sqlite
      .prepare(
        'INSERT INTO outbox (change_id, table_name, row_id, fields, hlc, author_id) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        randomUUID(),
        'gezinsplannen',
        planId,
        JSON.stringify({ geheim: { waarde: 'x', basis: [] } }),
        a.clock.tick(),
        pro.id,
      );
    const verslag = await a.engine.synchroniseer();
    expect(verslag.verstuurd).toBe(2);
    expect(a.engine.status()).toMatchObject({ wachtend: 0, geweigerd: 1, fout: null });
    const geweigerd = a.store.sqlite.prepare('SELECT geweigerd FROM outbox').get() as {
      geweigerd: string;
    };
    expect(geweigerd.geweigerd).toMatch(/onbekend veld "geheim"/);
  });

  it('reports offline as a typed error, keeps the changes waiting, and sends those stamped by a clock ahead', async () => {
    let bereikbaar = true;
    const echt = injectTransport(omgeving);
    const a = await maakLaptop(
      async (v) => {
        if (!bereikbaar) throw new GeenVerbinding();
        return echt(v);
      },
      pro,
      { scheefMs: () => (bereikbaar ? 0 : 10 * 60_000) },
    );
    bereikbaar = false;
    nieuwGezin(a, 'Familie Vooruit');
    await expect(a.engine.synchroniseer()).rejects.toMatchObject({ soort: 'offline' });
    expect(a.engine.status()).toMatchObject({ online: false, wachtend: 2 });
    bereikbaar = true;
    // Stamped ten minutes ahead: refused as clock drift, stamped anew by the service's time.
    expect((await a.engine.synchroniseer()).verstuurd).toBe(2);
    expect(a.engine.status()).toMatchObject({ online: true, wachtend: 0, fout: null });
  });

  it('keeps the access log of every laptop centrally, once, and refuses a line that was altered', async () => {
    const transport = injectTransport(omgeving);
    const a = await maakLaptop(transport, pro);
    const { gezinId } = nieuwGezin(a);
    const log = new Toegangslog(a.store.sqlite, 'lap-a', () => new Date().toISOString());
    const schrijf = (n: number) =>
      log.schrijf(
        pro.id,
        Array.from({ length: n }, () => ({
          actie: 'inzien' as const,
          gezinId,
          onderdeel: 'gezin.dossier',
        })),
      );
    const centraal = () =>
      omgeving.store.db
        .select()
        .from(toegangslog)
        .where(eq(toegangslog.laptop, 'lap-a'))
        .orderBy(toegangslog.seq);
    schrijf(3);
    await a.engine.synchroniseer();
    expect((await centraal()).map((r) => [r.seq, r.gebruikerId, r.gezinId])).toEqual([
      [1, pro.id, gezinId],
      [2, pro.id, gezinId],
      [3, pro.id, gezinId],
    ]);
    // Sent again (an answer lost on the way): nothing stored twice.
    a.store.sqlite.prepare("DELETE FROM instellingen WHERE sleutel = 'sync.toegangslog'").run();
    await a.engine.synchroniseer();
    expect(await centraal()).toHaveLength(3);

    // A line altered on the laptop before it was sent is refused; the intact line before it in
    // the same batch still goes (a damaged line must not cost the others, NEN 7513).
    schrijf(2);
    a.store.sqlite.prepare("UPDATE audit_log SET reden = 'Verzonnen' WHERE seq = 5").run();
    await expect(a.engine.synchroniseer()).rejects.toMatchObject({ soort: 'invalid-change' });
    expect((await centraal()).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(a.engine.status().fout?.bericht).toMatch(/hash klopt niet/);
  });

  it('deletes a family completely once its retention period has passed, on the service and the laptops', async () => {
    const transport = injectTransport(omgeving);
    const a = await maakLaptop(transport, pro);
    const b = await maakLaptop(transport, collega);
    const oud = nieuwGezin(a, 'Familie Lang Geleden');
    const recent = nieuwGezin(a, 'Familie Onlangs');
    a.schrijf((w) => {
      w.insert(netwerkleden, { gezinId: oud.gezinId, naam: 'Oma Bep', relatie: 'oma' });
      w.update(gezinnen, oud.gezinId, { status: 'afgesloten', afgeslotenOp: '2005-03-01' });
      w.update(gezinnen, recent.gezinId, { status: 'afgesloten', afgeslotenOp: '2020-03-01' });
    });
    await a.engine.synchroniseer();
    await b.engine.synchroniseer();
    expect(
      b.store.db.select().from(gezinnen).where(eq(gezinnen.id, oud.gezinId)).all(),
    ).toHaveLength(1);

    const beheer = await maakAccount(omgeving.store, 'beheerder', null);
    const aanmelding = await omgeving.app.inject({
      method: 'POST',
      url: '/auth/aanmelden',
      payload: { email: beheer.email, wachtwoord: WACHTWOORD, apparaat: { naam: 'Beheer' } },
    });
    const opruimen = (token: string) =>
      omgeving.app.inject({
        method: 'POST',
        url: '/beheer/bewaartermijn',
        headers: { authorization: `Bearer ${token}` },
        payload: { peildatum: '2026-11-24' },
      });
    const antwoord = await opruimen(aanmelding.json().toegangstoken as string);
    expect(antwoord.json()).toMatchObject({ verwijderd: 1, records: 3 });

    // On the service: no row, no history, only a deletion record without personal data.
    const db = omgeving.store.db;
    expect(await db.select().from(rijen).where(eq(rijen.gezinId, oud.gezinId))).toEqual([]);
    const ids = [oud.gezinId, oud.planId];
    const historie = await db
      .select()
      .from(wijzigingenLog)
      .where(inArray(wijzigingenLog.rijId, ids));
    // Only the "leaves this scope" lines the laptops need; no line with content.
    expect(historie.length).toBeGreaterThan(0);
    expect(historie.every((l) => l.soort === 'weg' && l.velden === null)).toBe(true);
    const record = (
      await db.select().from(verwijderingen).where(eq(verwijderingen.gezinId, oud.gezinId))
    )[0]!;
    expect(JSON.stringify(record)).not.toMatch(/Lang Geleden|Oma Bep|Lindelaan/);
    expect(await db.select().from(rijen).where(eq(rijen.gezinId, recent.gezinId))).not.toEqual([]);

    // On both laptops after their next sync: nothing of the family in any table.
    for (const l of [a, b]) {
      await l.engine.synchroniseer();
      const overal = l.store.sqlite
        .prepare(
          `SELECT (SELECT count(*) FROM gezinnen WHERE id = @g) + (SELECT count(*) FROM gezinsplannen WHERE gezin_id = @g)
             + (SELECT count(*) FROM netwerkleden WHERE gezin_id = @g)
             + (SELECT count(*) FROM sync_registers WHERE rij_id IN (@g, @p)) AS n`,
        )
        .get({ g: oud.gezinId, p: oud.planId }) as { n: number };
      expect(overal.n).toBe(0);
      expect(
        l.store.db.select().from(gezinnen).where(eq(gezinnen.id, recent.gezinId)).all(),
      ).toHaveLength(1);
    }
    // A laptop that syncs for the first time now reads a log with gaps where the lines went:
    // with small pages, pages asked for ahead at a guessed cursor miss and are not used.
    const c = await maakLaptop(transport, collega, { paginaGrootte: 2 });
    const verslag = await c.engine.synchroniseer();
    expect(verslag.hersteld).toEqual([]);
    expect(c.store.db.select().from(gezinnen).where(eq(gezinnen.id, oud.gezinId)).all()).toEqual(
      [],
    );
    expect(
      c.store.db.select().from(gezinnen).where(eq(gezinnen.id, recent.gezinId)).all(),
    ).toHaveLength(1);
    expect(leesRegisters(c.store.sqlite, 'gezinnen', recent.gezinId)).toEqual(
      leesRegisters(a.store.sqlite, 'gezinnen', recent.gezinId),
    );

    // Only the beheerder runs it.
    const proToken = (
      await omgeving.app.inject({
        method: 'POST',
        url: '/auth/aanmelden',
        payload: { email: pro.email, wachtwoord: WACHTWOORD, apparaat: { naam: 'Laptop' } },
      })
    ).json().toegangstoken as string;
    expect((await opruimen(proToken)).statusCode).toBe(403);
  });

  it('a revoked laptop wipes everything on its next contact', async () => {
    const transport = injectTransport(omgeving);
    const a = await maakLaptop(transport, pro);
    nieuwGezin(a, 'Familie Gestolen');
    await a.engine.synchroniseer();
    expect(telGezinnen(a)).toBeGreaterThan(0);
    const apparaat = a.store.sqlite
      .prepare("SELECT waarde FROM instellingen WHERE sleutel = 'sync.apparaat'")
      .get() as { waarde: string };
    await omgeving.store.db
      .update(apparaten)
      .set({ ingetrokkenOp: new Date() })
      .where(eq(apparaten.id, apparaat.waarde));
    await expect(a.engine.synchroniseer()).rejects.toMatchObject({ soort: 'unauthorised' });
    for (const tabel of ['gezinnen', 'professionals', 'outbox', 'sync_registers', 'instellingen'])
      expect(
        (a.store.sqlite.prepare(`SELECT count(*) AS n FROM ${tabel}`).get() as { n: number }).n,
        tabel,
      ).toBe(0);
    expect(a.engine.status().verbonden).toBe(false);
  });

  it('brings reference data from the beheerder to every laptop; the beheerder gets no dossiers', async () => {
    const beheer = await maakAccount(omgeving.store, 'beheerder', null);
    const product = randomUUID();
    await zaaiReferentie(omgeving.store, 'producten', [
      {
        id: product,
        productcode: '45A12',
        omschrijving: 'Jeugdhulp ambulant, licht',
        perceel: 'jo_licht',
        categorie: '45',
        eenheid: '04',
        frequentie: '2',
        tariefCents: 8_450,
      },
    ]);
    const transport = injectTransport(omgeving);
    const b = await maakLaptop(transport, beheer);
    const a = await maakLaptop(transport, pro);
    nieuwGezin(a, 'Familie Referentie');
    await a.engine.synchroniseer();

    // The new tariff from the regional purchasing organisation.
    b.schrijf((w) => w.update(producten, product, { tariefCents: 8_720 }));
    await b.engine.synchroniseer();
    await a.engine.synchroniseer();
    expect(
      a.store.db.select().from(producten).where(eq(producten.id, product)).get()?.tariefCents,
    ).toBe(8_720);
    expect(telGezinnen(b)).toBe(0);

    // A professional cannot change it: the change is refused and kept, the tariff stays.
    a.schrijf((w) => w.update(producten, product, { tariefCents: 1 }));
    await a.engine.synchroniseer();
    expect(a.engine.status().geweigerd).toBe(1);
    await b.engine.synchroniseer();
    expect(
      b.store.db.select().from(producten).where(eq(producten.id, product)).get()?.tariefCents,
    ).toBe(8_720);
  });
});
