/**
 * Who is calling. Not the renderer: no call carries a person. The open profile belongs to one
 * person: on a connected laptop the account it connected with, in a demo profile the
 * professional chosen once right after the profile was made (`sessie.kiezen`), kept here.
 */
import type { Sqlite } from '../../db/connection';

const GEKOZEN = 'sessie-professional';

/** The demo profile's professional, or null while none was chosen. */
export function gekozenPersoon(sqlite: Sqlite): string | null {
  return (
    sqlite
      .prepare<[string], { waarde: string }>('SELECT waarde FROM instellingen WHERE sleutel = ?')
      .get(GEKOZEN)?.waarde ?? null
  );
}

/** Stores the profile's person (`sessie.kiezen` decides whether that is allowed). */
export function legPersoonVast(sqlite: Sqlite, professionalId: string): void {
  sqlite
    .prepare(
      'INSERT INTO instellingen (sleutel, waarde) VALUES (?, ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde',
    )
    .run(GEKOZEN, professionalId);
}
