/**
 * Drafts in the profile's store (issue 23 item 1): kept, replaced and removed through the
 * contract, only by the role that types case text and only for a family the professional may
 * change; local (never in the outbox, no sync push) and without access-log lines; gone with
 * their family.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONCEPT_MAX_TEKENS } from '../../shared/api';
import { clientFor } from '../../test/helpers/core-client';
import { DEMO_TODAY, demoStore } from '../../test/helpers/demo-store';
import { createCore } from '../core';

const { store, data } = demoStore();
const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
afterAll(() => core.close());

const team = data.teams[0]!;
const inTeam = (rol: string) =>
  data.professionals.filter((p) => p.teamId === team.id && p.rol === rol).map((p) => p.id!);
const [proId, collegaId] = inTeam('jeugdprofessional') as [string, string];
const pro = clientFor(core, store, proId);
const collega = clientFor(core, store, collegaId);
const coach = clientFor(core, store, inTeam('teamcoach')[0]!);
const telling = (tabel: string, waar = '1 = 1', ...args: string[]) =>
  (
    store.sqlite.prepare(`SELECT count(*) AS n FROM ${tabel} WHERE ${waar}`).get(...args) as {
      n: number;
    }
  ).n;
/** Active families of the professional, each time another one (tests change them). */
const gezinnenVan = (regisseurId: string) =>
  data.gezinnen
    .filter((g) => g.regisseurId === regisseurId && g.status !== 'afgesloten')
    .map((g) => g.id!);
const vrij = gezinnenVan(proId);
const planVan = (gezinId: string) => pro.ok('gezinsplan.ophalen', { gezinId }).id;
/** A new family of the professional (its regisseur). */
const nieuwGezin = (naam: string) =>
  pro.ok('gezin.aanmaken', {
    naam,
    adres: 'Lindelaan 4b',
    postcode: '3311 AB',
    woonplaats: 'Dordrecht',
    leden: [{ rol: 'ouder', voornaam: 'Anouk', achternaam: 'de Wit', geboortedatum: '1986-02-11' }],
  }).id;

describe('drafts', () => {
  it('keeps, replaces and removes a draft by its key', () => {
    const sleutel = `plan:${planVan(vrij[0]!)}:eigenWoorden`;
    expect(pro.ok('concept.lezen', { sleutel })).toEqual({ tekst: null });
    pro.ok('concept.bewaren', { sleutel, tekst: 'Eerste zin ' });
    pro.ok('concept.bewaren', { sleutel, tekst: 'Eerste zin, tweede zin\n' });
    // Kept exactly as typed: spaces and line ends belong to the text being written.
    expect(pro.ok('concept.lezen', { sleutel })).toEqual({ tekst: 'Eerste zin, tweede zin\n' });
    expect(store.sqlite.prepare('SELECT gezin_id, bijgewerkt FROM concepten').get()).toEqual({
      gezin_id: vrij[0],
      bijgewerkt: `${DEMO_TODAY}T10:00:00.000Z`,
    });
    pro.ok('concept.bewaren', { sleutel, tekst: '' });
    expect(pro.ok('concept.lezen', { sleutel }).tekst).toBeNull();
    expect(telling('concepten')).toBe(0);
  });

  it('is local: no outbox row, no sync push, no access-log line', () => {
    const sleutel = `gesprek:${vrij[1]}`;
    const outbox = telling('outbox');
    const log = telling('audit_log');
    const push = vi.spyOn(core.sync, 'gewijzigd');
    pro.ok('concept.bewaren', { sleutel, tekst: 'Huisbezoek, nog niet af' });
    expect(pro.ok('concept.lezen', { sleutel }).tekst).toBe('Huisbezoek, nog niet af');
    expect(telling('outbox')).toBe(outbox);
    expect(telling('audit_log')).toBe(log);
    pro.ok('concept.bewaren', { sleutel, tekst: '' });
    expect(push).not.toHaveBeenCalled();
    // A real change still asks the sync to push.
    nieuwGezin('Conceptproef');
    expect(push).toHaveBeenCalledTimes(1);
    push.mockRestore();
  });

  it('refuses keys that could hold text or name no record, and text beyond the limit', () => {
    const plan = planVan(vrij[0]!);
    for (const sleutel of [
      `gesprek:${vrij[0]} huiselijk geweld`,
      `notitie:${vrij[0]}`,
      `plan:${plan}:a:b:c`,
      '',
      `ap:${'a'.repeat(65)}:netwerk`,
    ])
      expect(pro.fails('concept.bewaren', { sleutel, tekst: 'x' }).code, sleutel).toBe(
        'ongeldige-invoer',
      );
    expect(
      pro.fails('concept.bewaren', { sleutel: 'ap:bestaat-niet:netwerk', tekst: 'x' }).code,
    ).toBe('niet-gevonden');
    const sleutel = `plan:${plan}:wonen:situatie`;
    expect(
      pro.fails('concept.bewaren', { sleutel, tekst: 'a'.repeat(CONCEPT_MAX_TEKENS + 1) }).code,
    ).toBe('ongeldige-invoer');
    pro.ok('concept.bewaren', { sleutel, tekst: 'a'.repeat(CONCEPT_MAX_TEKENS) });
    pro.ok('concept.bewaren', { sleutel, tekst: '' });
  });

  it('is for the jeugdprofessional who works with the family; a teamcoach reads only', () => {
    const sleutel = `gesprek:${vrij[0]}`;
    expect(coach.fails('concept.lezen', { sleutel }).code).toBe('geen-toegang');
    expect(coach.fails('concept.bewaren', { sleutel, tekst: 'x' }).code).toBe('geen-toegang');
    // A colleague of the team who is not regisseur or medewerker of this family.
    expect(collega.fails('concept.bewaren', { sleutel, tekst: 'x' }).code).toBe('geen-toegang');
    const anderTeam = data.gezinnen.find((g) => g.teamId !== team.id)!.id!;
    expect(pro.fails('concept.bewaren', { sleutel: `gesprek:${anderTeam}`, tekst: 'x' }).code).toBe(
      'niet-gevonden',
    );
  });

  it('goes with its family: closed, tombstoned or deleted here, handed over', () => {
    const [a, b, c, d] = ['Dicht', 'Weg', 'Verhuisd', 'Overgedragen'].map(nieuwGezin) as [
      string,
      string,
      string,
      string,
    ];
    const bewaar = (gezinId: string) =>
      pro.ok('concept.bewaren', { sleutel: `gesprek:${gezinId}`, tekst: 'Vader drinkt weer.' });
    for (const g of [a, b, c, d]) bewaar(g);
    const van = (gezinId: string) => telling('concepten', 'gezin_id = ?', gezinId);

    store.sqlite.prepare("UPDATE gezinnen SET status = 'afgesloten' WHERE id = ?").run(a);
    expect(van(a)).toBe(0);
    store.sqlite.prepare('UPDATE gezinnen SET deleted = 1 WHERE id = ?').run(b);
    expect(van(b)).toBe(0);
    // As the sync removes a family that left the team or was destroyed (children first).
    store.sqlite.pragma('foreign_keys = OFF');
    store.sqlite.prepare('DELETE FROM gezinnen WHERE id = ?').run(c);
    store.sqlite.pragma('foreign_keys = ON');
    expect(van(c)).toBe(0);
    // Handed over to a colleague: gone at the next draft call, and read as none.
    expect(van(d)).toBe(1);
    store.sqlite.prepare('UPDATE gezinnen SET regisseur_id = ? WHERE id = ?').run(collegaId, d);
    expect(pro.ok('concept.lezen', { sleutel: `gesprek:${d}` })).toEqual({ tekst: null });
    expect(van(d)).toBe(0);
    expect(telling('concepten')).toBe(0);
  });
});
