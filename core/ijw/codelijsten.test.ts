/**
 * Codes against the official iJw 3.2 lists (test/fixtures/ijw-3.2, as published), and the app's
 * own copy of the XSDs against the fixtures: what the app checks messages with is the source.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { PRODUCTEN } from '../../demo/region-data';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { IJW_PRODUCTCATEGORIEEN, VERBLIJF_CATEGORIEEN } from '../../shared/domain';
import { IJW_FIXTURES } from '../../test/helpers/xmllint';
import { XSD_VERSIE } from './bericht';
import { XSD_MAP } from './xsd';

/** The rows of a markdown table in a code list file: code and omschrijving. */
const lijst = (bestand: string) =>
  [
    ...readFileSync(join(IJW_FIXTURES, bestand), 'utf8').matchAll(
      /^\|\s*(\d{2})\s*\|\s*([^|]+?)\s*\|/gm,
    ),
  ].map((m) => [m[1]!, m[2]!] as const);

describe('JZ020 Productcategorie', () => {
  it('is the official list, code for code and word for word', () => {
    expect(IJW_PRODUCTCATEGORIEEN.codes.map((c) => [c, IJW_PRODUCTCATEGORIEEN.labels[c]])).toEqual(
      lijst('JZ020-productcategorie.json'),
    );
  });

  it('puts each product of the region in the category that means what it is', () => {
    const categorie = (omschrijving: RegExp) =>
      PRODUCTEN.filter((p) => omschrijving.test(p.omschrijving)).map(
        (p) => IJW_PRODUCTCATEGORIEEN.labels[p.categorie],
      );
    expect(categorie(/^Pleegzorg/)).toEqual(['Jeugdhulp verblijf (excl. behandeling)']);
    expect(categorie(/Gesloten plaatsing/)).toEqual(['Jeugdhulp verblijf (incl. behandeling)']);
    expect(categorie(/^Dagbehandeling/)).toEqual(['Dagbehandeling']);
    expect(categorie(/^Ondertoezichtstelling|^Voogdij/)).toEqual([
      'Jeugdbescherming',
      'Jeugdbescherming',
    ]);
    expect(categorie(/^Jeugdreclassering/)).toEqual(['Jeugdreclassering']);
    expect(categorie(/^Crisis|crisis/)).toEqual(['Jeugdhulp crisis', 'Jeugdhulp crisis']);
    // No product is "Vervoerdiensten" or "Persoonlijke verzorging" by accident.
    expect(PRODUCTEN.some((p) => p.categorie === '40' || p.categorie === '42')).toBe(false);
  });

  it('migration 0020 corrects the categories a demo profile stored, and leaves synced ones to the service', () => {
    const { sqlite, close } = openDatabase({ path: ':memory:', key: randomBytes(32) });
    try {
      const zet = sqlite.prepare(
        `INSERT INTO producten (id, hlc, productcode, omschrijving, perceel, categorie, eenheid, frequentie, tarief_cents)
         VALUES (?, 'h', ?, 'x', 'jo_licht', ?, '04', '2', 100)`,
      );
      const oud = ['40', '41', '42', '43', '44', '45', '46', '47', '48', '54', '55'];
      oud.forEach((c) => zet.run(`p${c}`, `P${c}`, c));
      zet.run('gesynct', 'PS', '42');
      sqlite
        .prepare(
          "INSERT INTO sync_registers (tabel, rij_id, hash, conflict) VALUES ('producten', 'gesynct', 'h', 0)",
        )
        .run();
      const sql = readFileSync(join(MIGRATIONS_FOLDER, '0020_toewijzing_ijw.sql'), 'utf8');
      sqlite.exec(sql.slice(sql.indexOf('UPDATE `producten`')));
      const na = Object.fromEntries(
        (
          sqlite.prepare('SELECT id, categorie FROM producten').all() as {
            id: string;
            categorie: string;
          }[]
        ).map((r) => [r.id, r.categorie]),
      );
      expect(oud.map((c) => na[`p${c}`])).toEqual([
        '43',
        '44',
        '44',
        '43',
        '46',
        '45',
        '41',
        '48',
        '47',
        '54',
        '54',
      ]);
      expect(na.gesynct).toBe('42');
    } finally {
      close();
    }
  });

  it('the vier-ogen set of out-of-home care is the two verblijf categories', () => {
    expect(VERBLIJF_CATEGORIEEN.map((c) => IJW_PRODUCTCATEGORIEEN.labels[c])).toEqual([
      'Jeugdhulp verblijf (incl. behandeling)',
      'Jeugdhulp verblijf (excl. behandeling)',
    ]);
  });
});

describe('the XSDs the app checks with', () => {
  it('are the official ones, unchanged', () => {
    for (const naam of ['basisschema.xsd', 'JW301.xsd', 'JW305.xsd', 'JW307.xsd', 'JW315.xsd'])
      expect(readFileSync(join(XSD_MAP, naam), 'utf8'), naam).toBe(
        readFileSync(join(IJW_FIXTURES, naam), 'utf8'),
      );
  });

  it('give the XSD version the messages state', () => {
    const appinfo = readFileSync(join(IJW_FIXTURES, 'JW301.xsd'), 'utf8');
    expect(appinfo).toContain(`<ijw:BerichtXsdVersie>${XSD_VERSIE}</ijw:BerichtXsdVersie>`);
    expect(readFileSync(join(IJW_FIXTURES, 'basisschema.xsd'), 'utf8')).toContain(
      `<ijw:BasisschemaXsdVersie>${XSD_VERSIE}</ijw:BasisschemaXsdVersie>`,
    );
  });
});
