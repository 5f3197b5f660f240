/**
 * The monthly SOJ import: every kind of bad file is refused with a Dutch reason per row and column
 * and leaves the database exactly as it was.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoDataset } from '../../demo/generate';
import {
  csv,
  KOLOMMEN,
  periodeRijen,
  sojStart,
  weigert,
  sojOpzetten,
  type Rij,
} from '../../test/helpers/soj-import';

let data: DemoDataset;

beforeEach(() => {
  ({ data } = sojOpzetten());
});

describe('SOJ import of a bad file changes nothing', () => {
  const goed = () => periodeRijen('2026-10');

  it('wrong columns: missing, unknown, or a row with a different number of cells', async () => {
    const zonderBedrag = KOLOMMEN.filter((k) => k !== 'bedrag');
    const s1 = await weigert(csv(goed(), zonderBedrag));
    expect(s1.fouten[0]).toMatchObject({
      regel: 1,
      reden: expect.stringContaining('ontbreken: bedrag'),
    });
    const s2 = await weigert(csv(goed(), [...KOLOMMEN, 'opmerking']));
    expect(s2.fouten[0]!.reden).toContain('Onbekende kolommen: opmerking');
    const metKorteRegel = new TextDecoder().decode(csv(goed())) + '2026-10;Team\r\n';
    const s3 = await weigert(new TextEncoder().encode(metKorteRegel));
    expect(s3.fouten[0]!.reden).toContain('ander aantal kolommen');
  });

  it('bad dates, with row and column', async () => {
    const rijen = goed();
    rijen[2] = { ...rijen[2]!, startdatum: '31-02-2026' };
    rijen[4] = { ...rijen[4]!, einddatum: 'morgen' };
    const s = await weigert(csv(rijen));
    expect(s.fouten).toContainEqual({
      regel: 4,
      kolom: 'startdatum',
      reden: '"31-02-2026" is geen datum (jjjj-mm-dd of dd-mm-jjjj).',
    });
    expect(s.fouten).toContainEqual({
      regel: 6,
      kolom: 'einddatum',
      reden: '"morgen" is geen datum (jjjj-mm-dd of dd-mm-jjjj).',
    });
  });

  it('negative and non-numeric amounts and volumes', async () => {
    const rijen = goed();
    rijen[0] = { ...rijen[0]!, tarief: '-94,80' };
    rijen[1] = { ...rijen[1]!, tarief: 'veel' };
    rijen[2] = { ...rijen[2]!, volume: '2,5' };
    const s = await weigert(csv(rijen));
    expect(s.fouten.map((f) => [f.regel, f.kolom])).toEqual([
      [2, 'tarief'],
      [3, 'tarief'],
      [4, 'volume'],
    ]);
    expect(s.fouten[0]!.reden).toContain('negatief');
  });

  it('unknown productcode, team, aanbieder or another period in the same file', async () => {
    const rijen = goed();
    rijen[0] = { ...rijen[0]!, productcode: 'ZZ999' };
    rijen[1] = { ...rijen[1]!, team: 'Jeugdteam Atlantis' };
    rijen[2] = { ...rijen[2]!, aanbieder_agb: '12345678' };
    rijen[3] = { ...rijen[3]!, periode: '2026-09' };
    const s = await weigert(csv(rijen));
    expect(s.fouten.map((f) => f.kolom)).toEqual([
      'productcode',
      'team',
      'aanbieder_agb',
      'periode',
    ]);
    expect(s.fouten[0]!.reden).toBe('Onbekende productcode "ZZ999".');
  });

  it('duplicate lines', async () => {
    const rijen = goed();
    rijen.push({ ...rijen[3]! });
    const s = await weigert(csv(rijen));
    expect(s.fouten).toEqual([
      { regel: rijen.length + 1, kolom: null, reden: 'Dubbele regel: gelijk aan regel 5.' },
    ]);
  });

  it('an empty file, or only a header', async () => {
    expect((await weigert(new Uint8Array(0))).fouten[0]!.reden).toBe('Het bestand is leeg.');
    expect((await weigert(csv([]))).fouten[0]!.reden).toContain('alleen een kopregel');
    expect((await weigert(new TextEncoder().encode('\r\n\r\n'))).fouten[0]!.reden).toBe(
      'Het bestand is leeg.',
    );
  });

  it('the wrong encoding (Windows-1252, UTF-16) or not a text file at all', async () => {
    const rijen = goed();
    rijen[0] = { ...rijen[0]!, team: `${rijen[0]!.team} ë` };
    const utf8 = new TextDecoder().decode(csv(rijen)).replace('\ufeff', '');
    const latin1 = Uint8Array.from([...utf8].map((ch) => ch.charCodeAt(0) & 0xff));
    expect((await weigert(latin1)).fouten[0]!.reden).toContain('niet in UTF-8');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(utf8, 'utf16le')]);
    expect((await weigert(utf16)).fouten[0]!.reden).toContain('UTF-16');
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]);
    expect((await weigert(pdf, 'SOJ.csv')).fouten[0]!.reden).toContain('geen tekstbestand');
    expect((await weigert(new TextEncoder().encode('a;b'), 'SOJ.xlsx')).fouten[0]!.reden).toContain(
      '.xlsx',
    );
  });

  it('a 100,000-line file with one bad line at the very end', async () => {
    const basis = goed();
    const rijen: Rij[] = Array.from({ length: 100_000 }, (_, i) => ({
      ...basis[i % basis.length]!,
      client_ref: `REF${i}`,
    }));
    rijen[99_999] = { ...rijen[99_999]!, bedrag: '12,3,4' };
    const s = await weigert(csv(rijen));
    expect(s.fouten).toEqual([
      { regel: 100_001, kolom: 'bedrag', reden: '"12,3,4" is geen bedrag.' },
    ]);
  }, 60_000);

  it('reports at most 100 problems and counts the rest', async () => {
    const rijen = goed().map((r) => ({ ...r, volume: 'x' }));
    const many = Array.from({ length: 3 }, () => rijen)
      .flat()
      .map((r, i) => ({ ...r, client_ref: `R${i}` }));
    const s = await weigert(csv(many));
    expect(s.fouten).toHaveLength(100);
    expect(s.meerFouten).toBe(many.length - 100);
  });

  it('only a teamcoach or beheerder may import', async () => {
    const prof = data.professionals.find((p) => p.rol === 'jeugdprofessional')!.id!;
    const r = await sojStart(csv(goed()), 'x.csv', prof);
    expect(r.ok || r.error.code).toBe('geen-toegang');
    const anon = await sojStart(csv(goed()), 'x.csv', null);
    expect(anon.ok || anon.error.code).toBe('niet-aangemeld');
  });
});
