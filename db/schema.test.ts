import { randomBytes } from 'node:crypto';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import * as schema from './schema';
import { syncTabel } from './sync-tabellen';

const tables = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable =>
  is(value, SQLiteTable),
);
const LOCAL_ONLY = new Set([
  'audit_log',
  'concepten',
  'instellingen',
  'outbox',
  'sync_state',
  'sync_registers',
]);

function insertFamily(sqlite: ReturnType<typeof openDatabase>['sqlite']) {
  sqlite.exec(`
    INSERT INTO gemeenten (id, hlc, code, naam, inwoners, jeugdigen) VALUES ('g1', 'h', 'GM0590', 'Papendrecht', 32380, 6560);
    INSERT INTO teams (id, hlc, naam, gemeente_id) VALUES ('t1', 'h', 'Jeugdteam Papendrecht', 'g1');
    INSERT INTO professionals (id, hlc, naam, email, rol, team_id) VALUES ('p1', 'h', 'Noor Bakker', 'noor@example.org', 'jeugdprofessional', 't1');
    INSERT INTO gezinnen (id, hlc, team_id, regisseur_id, naam, adres, postcode, woonplaats, status, aangemeld_op)
      VALUES ('f1', 'h', 't1', 'p1', 'Familie Smit', 'Markt 2', '3351 AB', 'Papendrecht', 'actief', '2026-02-01');
    INSERT INTO gezinnen (id, hlc, team_id, regisseur_id, naam, adres, postcode, woonplaats, status, aangemeld_op)
      VALUES ('f2', 'h', 't1', 'p1', 'Familie Visser', 'Markt 3', '3351 AB', 'Papendrecht', 'actief', '2026-02-01');
    INSERT INTO gezinsplannen (id, hlc, gezin_id) VALUES ('plan1', 'h', 'f1');
  `);
}

describe('domain schema', () => {
  it('covers the model the casework chain needs', () => {
    const names = tables.map((t) => getTableName(t)).sort();
    expect(names).toEqual(
      [
        'aanbieders',
        'actieplannen',
        'afspraken',
        'akkoorden',
        'audit_log',
        'budget_wijzigingen',
        'concepten',
        'contracten',
        'doelen',
        'evaluaties',
        'gemeenten',
        'gezin_medewerkers',
        'gezinnen',
        'instellingen',
        'overdrachten',
        'gezinsleden',
        'gezinsplan_domeinen',
        'gezinsplan_versies',
        'gezinsplannen',
        'netwerkleden',
        'outbox',
        'producten',
        'professionals',
        'soj_imports',
        'soj_regels',
        'sync_registers',
        'sync_state',
        'teambudgetten',
        'teams',
        'toewijzingen',
        'zorgprofielen',
        'handtekeningen',
        'gespreksverslagen',
        'sociale_voorzieningen',
        'ingezette_voorzieningen',
        'bezoeken',
        'doorgestuurde_teksten',
        'doel_scores',
        'gespreksverslag_versies',
        'correcties',
      ].sort(),
    );
  });

  it('gives every syncable table a UUID, an HLC, an author and a tombstone', () => {
    for (const table of tables.filter((t) => !LOCAL_ONLY.has(getTableName(t)))) {
      const columns = Object.values(getTableColumns(table));
      const byName = new Map(columns.map((c) => [c.name, c]));
      expect(byName.get('id')?.primary, getTableName(table)).toBe(true);
      expect(byName.get('hlc')?.notNull, getTableName(table)).toBe(true);
      expect(byName.has('author_id'), getTableName(table)).toBe(true);
      expect(byName.get('deleted')?.default, getTableName(table)).toBe(false);
    }
  });

  it('keeps the local tables out of the sync (drafts, settings, the log, the outbox)', () => {
    for (const naam of LOCAL_ONLY) expect(syncTabel(naam), naam).toBeUndefined();
  });

  it('stores every amount as integer cents', () => {
    const money = tables
      .flatMap((t) => Object.values(getTableColumns(t)))
      .filter((c) => /bedrag|tarief|budget|drempel/.test(c.name));
    expect(money.length).toBeGreaterThanOrEqual(6);
    for (const column of money) {
      expect(column.name).toMatch(/_cents$/);
      expect(column.columnType).toBe('SQLiteInteger');
    }
  });

  it('enforces foreign keys, enumerations and one plan per family', () => {
    const { sqlite, close } = openDatabase({ path: ':memory:', key: randomBytes(32) });
    insertFamily(sqlite);
    expect(() =>
      sqlite.exec(
        `INSERT INTO gezinsleden (id, hlc, gezin_id, rol, voornaam, achternaam, geboortedatum) VALUES ('m1', 'h', 'nope', 'jeugdige', 'A', 'B', '2015-01-01')`,
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      sqlite.exec(`INSERT INTO gezinsplannen (id, hlc, gezin_id) VALUES ('plan2', 'h', 'f1')`),
    ).toThrow(/UNIQUE/);
    sqlite.exec(`INSERT INTO gezinsplannen (id, hlc, gezin_id) VALUES ('plan2', 'h', 'f2')`);
    expect(() =>
      sqlite.exec(
        `INSERT INTO gezinsplan_domeinen (id, hlc, plan_id, domein) VALUES ('d1', 'h', 'plan1', 'wonen'), ('d2', 'h', 'plan1', 'wonen')`,
      ),
    ).toThrow(/UNIQUE/);
    close();
  });

  it('reads rows back through drizzle with booleans and defaults mapped', async () => {
    const { sqlite, db, close } = openDatabase({ path: ':memory:', key: randomBytes(32) });
    insertFamily(sqlite);
    const [plan] = await db.select().from(schema.gezinsplannen);
    expect(plan).toMatchObject({
      gezinId: 'f1',
      versie: 0,
      eigenWoorden: '',
      deleted: false,
      toestemmingVersie: null,
    });
    const team = await db.query.teams.findFirst();
    expect(team?.vierOgenDrempelCents).toBe(2_500_000);
    close();
  });
});
