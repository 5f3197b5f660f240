/**
 * The laptop's ToewijzingNummers (docs/adr/0005-toewijzingnummer.md): blocks the central service
 * issued, kept in the encrypted store, used one number at a time as toewijzingen are made. The
 * sync keeps two blocks with room, so a laptop allocates offline for thousands of toewijzingen.
 */
import { randomInt } from 'node:crypto';
import type { Sqlite } from '../../db/connection';
import { DEMO_PROFIEL_BLOKKEN, NUMMERS_PER_BLOK } from '../../shared/toewijzingnummer';

/** In `instellingen`: the issued blocks and, per block, the next free place in it. */
export const NUMMERBLOKKEN_SLEUTEL = 'toewijzingnummers';

interface Blok {
  blok: number;
  volgende: number;
}

function lees(sqlite: Sqlite): Blok[] {
  const rij = sqlite
    .prepare<[string], { waarde: string }>('SELECT waarde FROM instellingen WHERE sleutel = ?')
    .get(NUMMERBLOKKEN_SLEUTEL);
  return rij ? (JSON.parse(rij.waarde) as Blok[]) : [];
}

function zet(sqlite: Sqlite, blokken: Blok[]): void {
  sqlite
    .prepare(
      'INSERT INTO instellingen (sleutel, waarde) VALUES (?, ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde',
    )
    .run(NUMMERBLOKKEN_SLEUTEL, JSON.stringify(blokken));
}

/** Blocks with room left: the sync asks for another while there are fewer than two. */
export const blokkenMetRuimte = (sqlite: Sqlite) =>
  lees(sqlite).filter((b) => b.volgende < NUMMERS_PER_BLOK).length;

/** Keeps a block the service issued (once; a block already held is left as it is). */
export function bewaarNummerblok(sqlite: Sqlite, blok: number): void {
  const blokken = lees(sqlite);
  if (!blokken.some((b) => b.blok === blok)) zet(sqlite, [...blokken, { blok, volgende: 0 }]);
}

/**
 * The next ToewijzingNummer, used up at once (within the caller's transaction), or null when
 * the laptop holds no block with room. A demo profile, which never connects, numbers from a
 * block of its own outside the issued range.
 */
export function neemToewijzingNummer(sqlite: Sqlite, opties: { demo: boolean }): number | null {
  const blokken = lees(sqlite);
  let blok = blokken.find((b) => b.volgende < NUMMERS_PER_BLOK);
  if (!blok && opties.demo) {
    blok = { blok: randomInt(DEMO_PROFIEL_BLOKKEN.van, DEMO_PROFIEL_BLOKKEN.tot + 1), volgende: 0 };
    blokken.push(blok);
  }
  if (!blok) return null;
  const nummer = blok.blok * NUMMERS_PER_BLOK + blok.volgende;
  blok.volgende += 1;
  zet(sqlite, blokken);
  return nummer;
}
