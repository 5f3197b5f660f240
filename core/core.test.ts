import { afterAll, describe, expect, it } from 'vitest';
import { formatDate } from '../shared/dates';
import { alsPersoon } from '../test/helpers/core-client';
import { DEMO_TODAY, demoStore } from '../test/helpers/demo-store';
import { createCore } from './core';

const { store, data } = demoStore();
const logged: string[] = [];
const core = createCore(store, {
  log: (m) => logged.push(m),
  now: () => new Date(`${DEMO_TODAY}T10:00:00Z`),
});
afterAll(() => core.close());

const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
const professional = data.professionals.find(
  (p) => p.teamId === team.id && p.rol === 'jeugdprofessional',
)!;
const beheerder = data.professionals.find((p) => p.rol === 'beheerder')!;
/** Makes `p` the profile's person; the core takes nobody from a call. */
const as = (p: { id?: string }) => alsPersoon(store, p.id!);
/** A profile where nobody was chosen yet. */
const niemand = (s = store) =>
  s.sqlite.prepare("DELETE FROM instellingen WHERE sleutel = 'sessie-professional'").run();
const teamFamilies = data.gezinnen.filter((g) => g.teamId === team.id);

function caseload(input: unknown, who: { id?: string } = professional) {
  as(who);
  const result = core.call('gezinnen.lijst', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe('core API', () => {
  it('lists every active professional for the profile choice, without sign-in', () => {
    niemand();
    const result = core.call('profielen.lijst', {});
    expect(result.ok && result.data.length).toBe(data.professionals.length);
  });

  it("shows a professional only the own team's families", () => {
    const all = caseload({});
    expect(all.totaal).toBe(teamFamilies.length);
    const ids = new Set(teamFamilies.map((g) => g.id));
    expect(all.gezinnen.every((g) => ids.has(g.id))).toBe(true);
    const own = caseload({ alleenEigen: true });
    expect(own.totaal).toBe(teamFamilies.filter((g) => g.regisseurId === professional.id).length);
  });

  it('serves the caseload in windows that together are the whole list, in order', () => {
    const all = caseload({});
    const ramen = [0, 7, 14].map((vanaf) => caseload({ vanaf, aantal: 7 }));
    expect(ramen.map((r) => [r.vanaf, r.totaal])).toEqual([
      [0, all.totaal],
      [7, all.totaal],
      [14, all.totaal],
    ]);
    expect(ramen.flatMap((r) => r.gezinnen.map((g) => g.id))).toEqual(
      all.gezinnen.slice(0, 21).map((g) => g.id),
    );
    expect(caseload({ vanaf: all.totaal, aantal: 10 }).gezinnen).toEqual([]);
    as(professional);
    expect(core.call('gezinnen.lijst', { aantal: 501 }).ok).toBe(false);
  });

  it('lists open families before closed ones', () => {
    const statuses = caseload({}).gezinnen.map((g) => g.status);
    expect(statuses.indexOf('afgesloten')).toBeGreaterThan(statuses.lastIndexOf('actief'));
  });

  it('finds a family by a member name, a date of birth and a BSN', () => {
    const member = data.gezinsleden.find(
      (m) => m.bsn && teamFamilies.some((g) => g.id === m.gezinId),
    )!;
    const byBsn = caseload({ zoek: member.bsn });
    expect(byBsn.gezinnen.map((g) => g.id)).toEqual([member.gezinId]);
    expect(
      caseload({ zoek: formatDate(member.geboortedatum) }).gezinnen.map((g) => g.id),
    ).toContain(member.gezinId);
    expect(
      caseload({ zoek: `${member.voornaam} ${member.achternaam}` }).gezinnen.map((g) => g.id),
    ).toContain(member.gezinId);
  });

  it('keeps the name search in step with renamed members', () => {
    const member = data.gezinsleden.find(
      (m) =>
        m.rol === 'ouder' &&
        teamFamilies.some(
          (g) =>
            g.id === m.gezinId && g.status !== 'afgesloten' && g.regisseurId === professional.id,
        ),
    )!;
    as(professional);
    const renamed = core.call('gezinslid.opslaan', {
      gezinId: member.gezinId,
      id: member.id,
      rol: 'ouder',
      voornaam: 'Qwerta',
      achternaam: 'Zyxwvut',
      geboortedatum: member.geboortedatum,
      // A corrected name says why (issue 25).
      reden: 'Naam verkeerd overgenomen',
    });
    expect(renamed.ok ? null : renamed.error).toBeNull();
    expect(caseload({ zoek: 'erta zyx' }).gezinnen.map((g) => g.id)).toEqual([member.gezinId]);
    expect(caseload({ zoek: 'Zy' }).gezinnen.map((g) => g.id)).toContain(member.gezinId);
    expect(
      caseload({ zoek: `${member.voornaam} ${member.achternaam}` }).gezinnen.map((g) => g.id),
    ).not.toContain(member.gezinId);
  });

  it('does not find a BSN of another team', () => {
    const elsewhere = data.gezinsleden.find(
      (m) => m.bsn && !teamFamilies.some((g) => g.id === m.gezinId),
    )!;
    expect(caseload({ zoek: elsewhere.bsn }).totaal).toBe(0);
  });

  it('treats % and _ in a search as plain characters', () => {
    expect(caseload({ zoek: '%' }).totaal).toBe(0);
    expect(caseload({ zoek: '_' }).totaal).toBe(0);
  });

  it('answers bad input with a Dutch message naming the field', () => {
    as(professional);
    expect(core.call('gezinnen.lijst', { zoek: 42 })).toEqual({
      ok: false,
      error: {
        code: 'ongeldige-invoer',
        message: expect.stringMatching(/^Zoeken: .*verwacht/),
        field: 'zoek',
      },
    });
    expect(core.call('gezinnen.lijst', { status: 'weg' })).toMatchObject({
      ok: false,
      error: { field: 'status' },
    });
    expect(core.call('gezinnen.lijst', { onbekend: 1 })).toMatchObject({
      ok: false,
      error: { code: 'ongeldige-invoer', message: 'Onbekend veld: onbekend.' },
    });
    expect(core.call('gezinnen.lijst', { zoek: '123456789' })).toMatchObject({
      ok: false,
      error: { message: 'Dit BSN klopt niet (de elfproef faalt).', field: 'zoek' },
    });
  });

  it('refuses callers who are not signed in or whose role has no caseload', () => {
    niemand();
    expect(core.call('gezinnen.lijst', {})).toMatchObject({
      ok: false,
      error: { code: 'niet-aangemeld' },
    });
    alsPersoon(store, 'onbekend');
    expect(core.call('gezinnen.lijst', {})).toMatchObject({
      ok: false,
      error: { code: 'niet-aangemeld' },
    });
    as(beheerder);
    expect(core.call('gezinnen.lijst', {})).toMatchObject({
      ok: false,
      error: { code: 'geen-toegang' },
    });
  });

  it('turns an unexpected failure into a typed error without personal data in the log', () => {
    const other = demoStore().store;
    const broken = createCore(other, { log: (m) => logged.push(m) });
    other.sqlite.pragma('foreign_keys = OFF');
    other.sqlite.exec('DROP TABLE professionals');
    niemand(other);
    const result = broken.call('profielen.lijst', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'interne-fout' } });
    expect(logged.at(-1)).toMatch(/^Interne fout in profielen.lijst/);
  });
});
