/**
 * Prepared statements per synced table, with drizzle's own value mapping (booleans, defaults):
 * a pulled page is thousands of rows, too many for the query builder's per-call overhead.
 */
import { getTableColumns } from 'drizzle-orm';
import type { Sqlite } from '../../db/connection';
import type { SyncTabel } from '../../db/sync-tabellen';

interface Kolom {
  sleutel: string;
  naam: string;
  naarDb(waarde: unknown): unknown;
  uitDb(waarde: unknown): unknown;
  standaard: unknown;
}

export class TabelToegang {
  private readonly kolommen: Kolom[];
  private readonly perSleutel: Map<string, Kolom>;
  private readonly lees;
  private readonly voegIn;
  private readonly bijwerken = new Map<string, ReturnType<Sqlite['prepare']>>();

  private readonly naam: string;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly spec: SyncTabel,
  ) {
    this.naam = spec.naam;
    const naam = spec.naam;
    this.kolommen = Object.entries(getTableColumns(spec.tabel)).map(([sleutel, c]) => ({
      sleutel,
      naam: c.name,
      naarDb: (w: unknown) => (w === null || w === undefined ? null : c.mapToDriverValue(w)),
      uitDb: (w: unknown) => (w === null ? null : c.mapFromDriverValue(w)),
      standaard: c.hasDefault ? c.default : null,
    }));
    this.perSleutel = new Map(this.kolommen.map((k) => [k.sleutel, k]));
    this.lees = sqlite.prepare(`SELECT * FROM "${naam}" WHERE id = ?`);
    this.voegIn = sqlite.prepare(
      `INSERT INTO "${naam}" (${this.kolommen.map((k) => `"${k.naam}"`).join(', ')}) VALUES (${this.kolommen.map(() => '?').join(', ')})`,
    );
  }

  /** The row in drizzle's form (field keys, mapped values), as the registers hold it. */
  rij(id: string): Record<string, unknown> | undefined {
    const ruw = this.lees.get(id) as Record<string, unknown> | undefined;
    if (!ruw) return undefined;
    return Object.fromEntries(this.kolommen.map((k) => [k.sleutel, k.uitDb(ruw[k.naam])]));
  }

  /**
   * Whether a row stored with exactly these field values reads back as them: every field of the
   * table present, of the column's kind (SQLite would convert a number put in a text column),
   * and unchanged by the driver's mapping. Then the row itself is its first write's registers,
   * and they need not be stored apart.
   */
  bewaartPrecies(waarden: Record<string, unknown>): boolean {
    let aantal = 0;
    for (const veld in waarden) {
      const kolom = this.perSleutel.get(veld);
      const soort = this.spec.velden.get(veld)?.soort;
      if (!kolom || !soort) return false;
      const w = waarden[veld];
      if (w !== null && typeof w !== soort) return false;
      if (kolom.uitDb(kolom.naarDb(w)) !== w) return false;
      aantal += 1;
    }
    return aantal === this.spec.velden.size;
  }

  /** A new row: its fields, then the sync columns (which win over fields of the same name). */
  voegToe(waarden: Record<string, unknown>, sync: Record<string, unknown>): void {
    const params = new Array<unknown>(this.kolommen.length);
    for (let i = 0; i < this.kolommen.length; i++) {
      const k = this.kolommen[i]!;
      const bron = k.sleutel in sync ? sync : k.sleutel in waarden ? waarden : undefined;
      params[i] = k.naarDb(bron ? bron[k.sleutel] : k.standaard);
    }
    this.voegIn.run(params);
  }

  werkBij(id: string, waarden: Record<string, unknown>): void {
    const sleutels = Object.keys(waarden).filter((k) => k !== 'id' && this.perSleutel.has(k));
    const code = sleutels.join(',');
    let stmt = this.bijwerken.get(code);
    if (!stmt) {
      const set = sleutels.map((k) => `"${this.perSleutel.get(k)!.naam}" = ?`).join(', ');
      stmt = this.sqlite.prepare(`UPDATE "${this.naam}" SET ${set} WHERE id = ?`);
      this.bijwerken.set(code, stmt);
    }
    stmt.run([...sleutels.map((k) => this.perSleutel.get(k)!.naarDb(waarden[k])), id]);
  }
}

const toegang = new WeakMap<Sqlite, Map<string, TabelToegang>>();

export function tabelToegang(sqlite: Sqlite, spec: SyncTabel): TabelToegang {
  let perTabel = toegang.get(sqlite);
  if (!perTabel) toegang.set(sqlite, (perTabel = new Map()));
  let t = perTabel.get(spec.naam);
  if (!t) perTabel.set(spec.naam, (t = new TabelToegang(sqlite, spec)));
  return t;
}
