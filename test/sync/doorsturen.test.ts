/**
 * Forwarding (doorgestuurde_teksten) abuse and gaps: issue 21 "after a verhuizing the text goes
 * to the new regisseur", only for someone who had the family.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/transaction';
import { ChangeWriter } from '../../core/writer';
import { gezinnen } from '../../db/schema';
import { HlcClock } from '../../shared/hlc';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { rijenIn } from '../../server/sync/pull';
import { teamScope } from '../../db/sync-tabellen';
import { gedeeldGezin, maakKern, tokenVan } from '../helpers/sync-kern';

describe('doorsturen (pglite)', () => {
  let omgeving: Omgeving;
  let teamA: string;
  let teamB: string;
  let a1: Account;
  let a2: Account;
  let b1: Account;
  let b2: Account;
  let b3: Account;

  beforeAll(async () => {
    omgeving = await maakOmgeving('pglite');
    teamA = await maakTeam(omgeving.store, 'Team A');
    teamB = await maakTeam(omgeving.store, 'Team B');
    a1 = await maakAccount(omgeving.store, 'jeugdprofessional', teamA);
    a2 = await maakAccount(omgeving.store, 'jeugdprofessional', teamA);
    b1 = await maakAccount(omgeving.store, 'jeugdprofessional', teamB);
    b2 = await maakAccount(omgeving.store, 'jeugdprofessional', teamB);
    b3 = await maakAccount(omgeving.store, 'jeugdprofessional', teamB);
  }, 120_000);
  afterAll(() => omgeving?.sluit());

  it("a professional of team B who never had the family cannot put text into team A's signals", async () => {
    const a = await maakKern(omgeving, a1);
    const { id: gezinId } = a.call('gezin.aanmaken', {
      naam: 'Familie Doelwit',
      adres: 'Dorpsstraat 1',
      postcode: '3351 AB',
      woonplaats: 'Papendrecht',
      leden: [{ rol: 'ouder', voornaam: 'Ans', achternaam: 'Doel', geboortedatum: '1980-01-01' }],
    }) as { id: string };
    await a.sync();
    // Team B's professional only knows (or guessed / once saw) the family id.
    const token = await tokenVan(omgeving, b1);
    const klok = new HlcClock('aanvaller');
    const verstuurd: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await omgeving.app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { authorization: `Bearer ${token}` },
        payload: {
          wijzigingen: [
            {
              wijzigingId: randomUUID(),
              tabel: 'gespreksverslagen',
              rijId: randomUUID(),
              hlc: klok.tick(),
              auteur: b1.id,
              velden: {
                gezinId: { waarde: gezinId, basis: [] },
                datum: { waarde: '2026-11-03', basis: [] },
                verslag: { waarde: `Bel mij dringend op 06-12345678 (${i})`, basis: [] },
              },
            },
          ],
        },
      });
      verstuurd.push(res.statusCode);
    }
    expect(verstuurd).toEqual([403, 403, 403]);
    const inA = await rijenIn(omgeving.store.db, teamScope(teamA), ['doorgestuurde_teksten']);
    // Expected: nothing forwarded (the author never had the family). Team A's regisseur
    // would otherwise see "Tekst van … kon niet meer worden opgeslagen: Bel mij …".
    expect(inA).toHaveLength(0);
    await a.sync();
    const { signalen } = a.call('taken.lijst', {}) as { signalen: { soort: string }[] };
    expect(signalen.filter((s) => s.soort === 'tekst_doorgestuurd')).toHaveLength(0);
    a.core.close();
  });

  it('the last text typed offline (a second edit on top of the first) reaches the new regisseur', async () => {
    const a = await maakKern(omgeving, a1);
    const b = await maakKern(omgeving, a2);
    const gezinId = await gedeeldGezin(a, b, 'Familie Tweemaal');
    // B offline: types, then improves the same text; also a new afspraak, then edits it.
    b.call('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Eerste versie van wat moeder zei' });
    b.call('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Definitieve tekst van moeder' });
    const { id: afspraakId } = b.call('afspraak.opslaan', {
      gezinId,
      wat: 'Concept afspraak',
      wie: 'Vader',
    }) as { id: string };
    b.call('afspraak.opslaan', {
      gezinId,
      id: afspraakId,
      wat: 'Definitieve afspraak',
      wie: 'Vader',
    });

    const nieuw = b2;
    const verhuizer = new ChangeWriter(a.store.sqlite, new HlcClock('verhuizing'), a.account.id);
    inTransaction(a.store.sqlite, () =>
      verhuizer.update(gezinnen, gezinId, { teamId: teamB, regisseurId: nieuw.id }),
    );
    await a.sync();
    for (let i = 0; i < 3; i++) await b.sync();
    const { geweigerd } = b.call('sync.overzicht', {}) as {
      geweigerd: { teksten: { tekst: string }[] }[];
    };
    const bewaard = geweigerd.flatMap((g) => g.teksten.map((t) => t.tekst));
    expect(bewaard).toContain('Definitieve tekst van moeder');
    expect(bewaard).toContain('Definitieve afspraak');

    const c = await maakKern(omgeving, nieuw);
    await c.sync();
    const { signalen } = c.call('taken.lijst', {}) as {
      signalen: { soort: string; tekst: string }[];
    };
    const teksten = signalen.filter((s) => s.soort === 'tekst_doorgestuurd').map((s) => s.tekst);
    // What the new regisseur gets must include the LAST thing B typed.
    expect(teksten.join('\n')).toContain('Definitieve tekst van moeder');
    expect(teksten.join('\n')).toContain('Definitieve afspraak');
    for (const k of [a, b, c]) k.core.close();
  });

  it('verhuizing A -> B -> A: text a team-A colleague typed offline before the first move is not lost', async () => {
    const a = await maakKern(omgeving, a1);
    const b = await maakKern(omgeving, a2);
    const gezinId = await gedeeldGezin(a, b, 'Familie Heen en Weer');
    b.call('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Tekst van B tijdens heen en weer' });
    const tussen = b3;
    const klok = new HlcClock('verhuizing2');
    const verhuizer = new ChangeWriter(a.store.sqlite, klok, a.account.id);
    inTransaction(a.store.sqlite, () =>
      verhuizer.update(gezinnen, gezinId, { teamId: teamB, regisseurId: tussen.id }),
    );
    await a.sync();
    await b.sync(); // refused as verhuisd, forwarded to team B
    // Team B's regisseur moves it back to team A.
    const t = await maakKern(omgeving, tussen);
    await t.sync();
    const terug = new ChangeWriter(t.store.sqlite, new HlcClock('terug'), tussen.id);
    inTransaction(t.store.sqlite, () =>
      terug.update(gezinnen, gezinId, { teamId: teamA, regisseurId: a1.id }),
    );
    await t.sync();
    for (let i = 0; i < 2; i++) for (const k of [a, b]) await k.sync();
    for (const k of [a, b])
      expect(k.core.sync.status()).toMatchObject({ fout: null, quarantaine: 0 });
    const { signalen } = a.call('taken.lijst', {}) as {
      signalen: { soort: string; tekst: string; gezinId: string }[];
    };
    expect(
      signalen
        .filter((s) => s.soort === 'tekst_doorgestuurd')
        .map((s) => s.tekst)
        .join('\n'),
    ).toContain('Tekst van B tijdens heen en weer');
    // B's laptop has the family again, and its refused change is still shown.
    const lijst = b.call('gezinnen.lijst', {}) as
      { gezinnen?: { id: string }[] } | { id: string }[];
    const ids = (Array.isArray(lijst) ? lijst : (lijst.gezinnen ?? [])).map((g) => g.id);
    expect(ids).toContain(gezinId);
    a.core.close();
    b.core.close();
    t.core.close();
  });
});
