/**
 * Writing a confirmed SOJ import: for each team in the file, the lines of the file's period
 * (late claims included) are replaced by the file's, linked to client and toewijzing where they
 * can be. SOJ lines are the region's figures, not local edits: they do not go into the sync
 * outbox.
 */
import { randomUUID } from 'node:crypto';
import type { SojImportStatus, SojVoorbeeld } from '../../shared/api';
import type { Deps } from '../context';
import { stmt } from '../prepared';
import type { SojRegel } from './controleren';
import { koppelaar } from './koppelen';
import { MAX_FOUTEN } from './meldingen';
import { sojVoorbeeld, type Gecontroleerd } from './voorbeeld';

export type Resultaat = NonNullable<SojImportStatus['resultaat']>;

/** The preview was made on other figures than there are now (another import in between). */
export class Verouderd extends Error {}

/**
 * Replaces, for each team in the file, the lines of the file's period (late claims included)
 * with these lines; runs inside one transaction. Refuses when the preview no longer holds.
 */
export function schrijfSoj(
  deps: Deps,
  door: string,
  bestandsnaam: string,
  controle: Gecontroleerd,
  voorbeeld: SojVoorbeeld,
): Resultaat {
  if (JSON.stringify(sojVoorbeeld(deps, controle).teams) !== JSON.stringify(voorbeeld.teams))
    throw new Verouderd();
  const { periode, regels } = controle;
  const koppel = koppelaar(deps);
  const hlc = deps.clock.tick();
  const teams = [...new Set(regels.map((r) => r.teamId))];
  const { importId, vervangen } = vervangImport(deps, { hlc, door, bestandsnaam, periode, teams });
  const insert = regelInvoeger(deps, { hlc, door, importId });
  const onbekend: Resultaat['onbekend'] = [];
  let meerOnbekend = 0;
  let bedragCents = 0;
  for (const r of regels) {
    const k = koppel(r);
    if (k.reden) {
      if (onbekend.length < MAX_FOUTEN)
        onbekend.push({ regel: r.regel, clientRef: r.clientRef, reden: k.reden });
      else meerOnbekend++;
    }
    bedragCents += r.bedragCents;
    insert(r, k);
  }
  // The teams the period's import now holds: the file's teams and those of earlier files of the
  // period it left alone. Only for them the period counts as a month with SOJ data.
  stmt(
    deps,
    `UPDATE soj_imports SET aantal_regels = (SELECT count(*) FROM soj_regels WHERE import_id = @id),
       team_ids = (SELECT json_group_array(team_id) FROM (
         SELECT DISTINCT team_id FROM soj_regels
          WHERE import_id = @id AND deleted = 0 AND team_id IS NOT NULL ORDER BY team_id))
     WHERE id = @id`,
  ).run({ id: importId });
  return { periode, regels: regels.length, vervangen, bedragCents, onbekend, meerOnbekend };
}

/**
 * The period's import record, made or taken over by this file, with the lines of the file's
 * teams it held removed (their number is `vervangen`).
 */
function vervangImport(
  deps: Deps,
  b: { hlc: string; door: string; bestandsnaam: string; periode: string; teams: string[] },
): { importId: string; vervangen: number } {
  const oud = stmt(deps, 'SELECT id FROM soj_imports WHERE periode = ?').get(b.periode) as
    { id: string } | undefined;
  if (!oud) {
    const importId = randomUUID();
    stmt(
      deps,
      `INSERT INTO soj_imports (id, hlc, author_id, deleted, periode, bestandsnaam, ingelezen_op,
         ingelezen_door, aantal_regels) VALUES (?, ?, ?, 0, ?, ?, ?, ?, 0)`,
    ).run(importId, b.hlc, b.door, b.periode, b.bestandsnaam, deps.now(), b.door);
    return { importId, vervangen: 0 };
  }
  const vervangen = stmt(
    deps,
    `DELETE FROM soj_regels WHERE import_id = ? AND team_id IN (SELECT value FROM json_each(?))`,
  ).run(oud.id, JSON.stringify(b.teams)).changes;
  stmt(
    deps,
    `UPDATE soj_imports SET hlc = ?, author_id = ?, deleted = 0, bestandsnaam = ?,
       ingelezen_op = ?, ingelezen_door = ? WHERE id = ?`,
  ).run(b.hlc, b.door, b.bestandsnaam, deps.now(), b.door, oud.id);
  return { importId: oud.id, vervangen };
}

/** Writes one line of the import, with the client and toewijzing it was linked to. */
function regelInvoeger(deps: Deps, b: { hlc: string; door: string; importId: string }) {
  const insert = stmt(
    deps,
    `INSERT INTO soj_regels (id, hlc, author_id, deleted, import_id, periode, team_id, client_ref,
       productcode, perceel, aanbieder_agb, verwijzer, startdatum, einddatum, volume, eenheid,
       tarief_cents, bedrag_cents, gezinslid_id, toewijzing_id)
     VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (r: SojRegel, k: { gezinslidId: string | null; toewijzingId: string | null }) =>
    insert.run(
      randomUUID(),
      b.hlc,
      b.door,
      b.importId,
      r.periode,
      r.teamId,
      r.clientRef,
      r.productcode,
      r.perceel,
      r.aanbiederAgb,
      r.verwijzer,
      r.startdatum,
      r.einddatum,
      r.volume,
      r.eenheid,
      r.tariefCents,
      r.bedragCents,
      k.gezinslidId,
      k.toewijzingId,
    );
}
