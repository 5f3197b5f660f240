/**
 * The access log as the privacy officer relies on it (NEN 7513): every look at and change to a
 * dossier leaves a line saying who, when, which client, which part and why; a teamcoach reads a
 * dossier only after stating a reason; reading the log is logged; and a removed, altered or
 * truncated line is detected.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clientFor } from '../../test/helpers/core-client';
import { DEMO_TODAY, demoStore } from '../../test/helpers/demo-store';
import { createCore } from '../core';
import { Toegangslog } from './toegangslog';

let nu = new Date(`${DEMO_TODAY}T10:00:00Z`);
const { store, data } = demoStore();
const core = createCore(store, { now: () => nu });
afterAll(() => core.close());

const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
const pro = data.professionals.find((p) => p.teamId === team.id && p.rol === 'jeugdprofessional')!;
const coach = data.professionals.find((p) => p.teamId === team.id && p.rol === 'teamcoach')!;
const andereCoach = data.professionals.find((p) => p.teamId !== team.id && p.rol === 'teamcoach')!;
const beheerder = data.professionals.find((p) => p.rol === 'beheerder')!;
const a = clientFor(core, store, pro.id);
const c = clientFor(core, store, coach.id);

const regels = () =>
  store.sqlite
    .prepare(
      'SELECT seq, user_id AS userId, actie, gezin_id AS gezinId, onderdeel, reden, apparaat, at FROM audit_log ORDER BY seq',
    )
    .all() as {
    seq: number;
    userId: string;
    actie: string;
    gezinId: string | null;
    onderdeel: string;
    reden: string | null;
    apparaat: string;
    at: string;
  }[];
const nieuweRegels = <T>(werk: () => T) => {
  const voor = regels().length;
  werk();
  return regels().slice(voor);
};

const gezin = a.ok('gezinnen.lijst', { alleenEigen: true }).gezinnen[0]!;

describe('the access log', () => {
  it('writes a line for each view and change of a dossier, none for a failed call', () => {
    const gezien = nieuweRegels(() => a.ok('gezin.dossier', { gezinId: gezin.id }));
    expect(gezien).toEqual([
      expect.objectContaining({
        userId: pro.id,
        actie: 'inzien',
        gezinId: gezin.id,
        onderdeel: 'gezin.dossier',
        reden: null,
        at: nu.toISOString(),
      }),
    ]);
    expect(gezien[0]!.apparaat).toMatch(/^[0-9a-f]{8}$/);

    const gewijzigd = nieuweRegels(() =>
      a.ok('gezinsplan.opslaan', { gezinId: gezin.id, eigenWoorden: 'Wij willen rust in huis.' }),
    );
    expect(gewijzigd).toEqual([
      expect.objectContaining({
        actie: 'wijzigen',
        gezinId: gezin.id,
        onderdeel: 'gezinsplan.opslaan',
      }),
    ]);

    expect(nieuweRegels(() => a.fails('gezin.dossier', { gezinId: 'bestaat-niet' }))).toEqual([]);
    expect(
      nieuweRegels(() => a.fails('gezinsplan.opslaan', { gezinId: gezin.id, eigenWoorden: 5 })),
    ).toEqual([]);
  });

  it('logs a new family, a revealed BSN and an export', () => {
    const id = a.ok('gezin.aanmaken', {
      naam: 'Familie Logboek',
      adres: 'Voorstraat 1',
      postcode: '3311AB',
      woonplaats: 'Dordrecht',
      leden: [
        {
          rol: 'jeugdige',
          voornaam: 'Noor',
          achternaam: 'Logboek',
          geboortedatum: '2014-02-01',
          bsn: '111222333',
        },
      ],
    }).id;
    expect(regels().at(-1)).toMatchObject({ actie: 'wijzigen', gezinId: id });
    const dossier = a.ok('gezin.dossier', { gezinId: id });
    const lid = dossier.leden[0]!;
    expect(lid.bsnGemaskeerd).not.toContain('111222333');
    const getoond = nieuweRegels(() =>
      expect(a.ok('gezinslid.bsnTonen', { gezinslidId: lid.id }).bsn).toBe('111222333'),
    );
    expect(getoond).toEqual([
      expect.objectContaining({ actie: 'inzien', gezinId: id, onderdeel: 'gezinslid.bsnTonen' }),
    ]);
  });

  it('exports everything about one family for an inzage request, and logs the export', () => {
    const regelsVoor = regels().filter((r) => r.gezinId === gezin.id).length;
    const document = nieuweRegels(() => a.ok('gezin.inzage', { gezinId: gezin.id }));
    expect(document).toEqual([
      expect.objectContaining({
        actie: 'exporteren',
        gezinId: gezin.id,
        onderdeel: 'gezin.inzage',
      }),
    ]);
    const inzage = a.ok('gezin.inzage', { gezinId: gezin.id });
    const tel = (tabel: string, veld: string, waarde: string) =>
      (
        store.sqlite
          .prepare(`SELECT count(*) AS n FROM ${tabel} WHERE ${veld} = ?`)
          .get(waarde) as {
          n: number;
        }
      ).n;
    expect(inzage.onderdelen.gezinnen).toEqual([expect.objectContaining({ id: gezin.id })]);
    expect(inzage.onderdelen.gezinsleden).toHaveLength(tel('gezinsleden', 'gezin_id', gezin.id));
    expect(inzage.onderdelen.gezinsplannen![0]).toMatchObject({
      eigenWoorden: 'Wij willen rust in huis.',
    });
    expect(inzage.onderdelen.actieplannen ?? []).toHaveLength(
      tel('actieplannen', 'gezin_id', gezin.id),
    );
    // Every row of every table that points at this family's records, and nothing of others.
    const ids = new Set(
      Object.values(inzage.onderdelen).flatMap((rijen) => rijen.map((r) => r.id)),
    );
    expect(ids.size).toBe(Object.values(inzage.onderdelen).flat().length);
    expect(inzage.toegangslog.length).toBeGreaterThan(regelsVoor);
    expect(inzage.toegangslog.every((r) => r.gezinId === gezin.id)).toBe(true);
    expect(
      clientFor(core, store, andereCoach.id).fails('gezin.inzage', { gezinId: gezin.id }).code,
    ).toBe('niet-gevonden');
  });

  it('gives the same inzage as a readable PDF, and logs that export too', async () => {
    const inzage = a.ok('gezin.inzage', { gezinId: gezin.id });
    const voor = regels().length;
    const pdf = await a.async('bestand.exporteren', {
      soort: 'inzage',
      gezinId: gezin.id,
      formaat: 'pdf',
    });
    if (!pdf.ok) throw new Error(pdf.error.message);
    expect(pdf.data.mime).toBe('application/pdf');
    expect(regels().slice(voor)).toEqual([
      expect.objectContaining({
        actie: 'exporteren',
        gezinId: gezin.id,
        onderdeel: 'gezin.inzage',
      }),
    ]);
    const map = mkdtempSync(join(tmpdir(), 'eenplan-inzage-'));
    const pad = join(map, pdf.data.naam);
    writeFileSync(pad, Buffer.from(pdf.data.inhoud, 'base64'));
    // Read back as text the way a reader would see it: names, the full BSN, the plan, the log.
    const tekst = execFileSync('pdftotext', ['-layout', pad, '-'], { encoding: 'utf8' });
    expect(tekst).toContain(`Inzage in het dossier van ${gezin.naam}`);
    for (const lid of inzage.onderdelen.gezinsleden ?? []) {
      expect(tekst).toContain(String(lid.voornaam));
      if (lid.bsn) expect(tekst).toContain(String(lid.bsn));
    }
    expect(tekst).toContain('Wij willen rust in huis.');
    expect(tekst).toContain('Wie uw dossier bekeek of wijzigde');
    expect(tekst).toMatch(new RegExp(`${pro.naam}\\s+Geëxporteerd: Inzage-export \\(AVG\\)`));
    expect(tekst).not.toMatch(/hlc|authorId|[0-9a-f]{8}-[0-9a-f]{4}-/);
    // Another team's coach gets nothing, and nothing is logged for the refusal.
    const geweigerd = await clientFor(core, store, andereCoach.id).async('bestand.exporteren', {
      soort: 'inzage',
      gezinId: gezin.id,
      formaat: 'pdf',
    });
    expect(geweigerd).toMatchObject({ ok: false, error: { code: 'niet-gevonden' } });
    const bad = await a.async('bestand.exporteren', {
      soort: 'inzage',
      gezinId: gezin.id,
      formaat: 'docx',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'ongeldige-invoer' } });
  });

  it('lets a teamcoach read a dossier only after stating why, and logs the reason', async () => {
    expect(c.fails('gezin.dossier', { gezinId: gezin.id }).code).toBe('reden-nodig');
    expect(c.fails('inzage.reden', { gezinId: gezin.id, reden: 'kort' }).field).toBe('reden');
    const reden = 'Casusoverleg over de inzet van verblijf';
    c.ok('inzage.reden', { gezinId: gezin.id, reden });
    const gelezen = nieuweRegels(() => {
      c.ok('gezin.dossier', { gezinId: gezin.id });
      c.ok('gezinsplan.ophalen', { gezinId: gezin.id });
    });
    expect(gelezen.map((r) => [r.userId, r.actie, r.onderdeel, r.reden])).toEqual([
      [coach.id, 'inzien', 'gezin.dossier', reden],
      [coach.id, 'inzien', 'gezinsplan.ophalen', reden],
    ]);
    // The reason covers half an hour, then it is asked again.
    nu = new Date(nu.getTime() + 31 * 60 * 1000);
    expect(c.fails('gezin.dossier', { gezinId: gezin.id }).code).toBe('reden-nodig');
    // Another team's coach learns nothing, not even that the family exists.
    const ander = clientFor(core, store, andereCoach.id);
    expect(ander.fails('inzage.reden', { gezinId: gezin.id, reden }).code).toBe('niet-gevonden');
    // A beheerder reads no dossiers at all.
    expect(
      clientFor(core, store, beheerder.id).fails('gezin.dossier', { gezinId: gezin.id }).code,
    ).toBe('geen-toegang');
  });

  it('shows the log per client and per employee, within dates, and logs that it was read', () => {
    const b = clientFor(core, store, beheerder.id);
    const perClient = b.ok('toegangslog.lijst', { gezinId: gezin.id });
    // A demo profile never signed in: no anchor, no log key, so no line is protected beyond the chain.
    expect(perClient.keten).toEqual({
      intact: true,
      regels: expect.any(Number),
      verankerd: 0,
      onbeschermd: expect.any(Number),
    });
    expect(perClient.regels.every((r) => r.gezinId === gezin.id)).toBe(true);
    expect(perClient.regels.map((r) => r.medewerker)).toContain(coach.naam);
    expect(regels().at(-1)).toMatchObject({
      userId: beheerder.id,
      actie: 'log_inzien',
      gezinId: gezin.id,
    });

    const perMedewerker = c.ok('toegangslog.lijst', { professionalId: pro.id });
    expect(perMedewerker.regels.length).toBeGreaterThan(0);
    expect(perMedewerker.regels.every((r) => r.medewerkerId === pro.id)).toBe(true);
    expect(perMedewerker.medewerkers.map((m) => m.id)).toContain(pro.id);
    const later = c.ok('toegangslog.lijst', { professionalId: pro.id, van: '2030-01-01' });
    expect(later.regels).toEqual([]);
    expect(c.ok('toegangslog.lijst', {}).regels.length).toBeGreaterThan(0);
    expect(c.fails('toegangslog.lijst', { gezinId: gezin.id, professionalId: pro.id }).field).toBe(
      'professionalId',
    );
    expect(
      c.fails('toegangslog.lijst', { gezinId: gezin.id, van: '2026-12-01', tot: '2026-11-01' })
        .field,
    ).toBe('tot');
    expect(a.fails('toegangslog.lijst', { gezinId: gezin.id }).code).toBe('geen-toegang');
  });

  it('detects a line that was altered, removed or cut off the end', () => {
    const log = new Toegangslog(store.sqlite, 'test', () => nu.toISOString());
    expect(log.controleer().intact).toBe(true);
    const kopie = (sql: string, ...args: unknown[]) => {
      store.sqlite.exec('SAVEPOINT sabotage');
      try {
        store.sqlite.prepare(sql).run(...args);
        return log.controleer();
      } finally {
        store.sqlite.exec('ROLLBACK TO sabotage');
        store.sqlite.exec('RELEASE sabotage');
      }
    };
    const n = regels().length;
    expect(kopie('UPDATE audit_log SET reden = ? WHERE seq = 2', 'Verzonnen reden')).toMatchObject({
      intact: false,
      seq: 2,
      reden: 'regel gewijzigd',
    });
    expect(kopie('UPDATE audit_log SET user_id = ? WHERE seq = 3', beheerder.id)).toMatchObject({
      intact: false,
      seq: 3,
    });
    expect(kopie('DELETE FROM audit_log WHERE seq = 2')).toMatchObject({ intact: false, seq: 2 });
    expect(kopie('DELETE FROM audit_log WHERE seq = ?', n)).toMatchObject({
      intact: false,
      reden: 'laatste regels ontbreken',
    });
    expect(log.controleer()).toEqual({ intact: true, regels: n, verankerd: 0, onbeschermd: n });
  });
});
