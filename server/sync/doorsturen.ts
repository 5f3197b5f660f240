/**
 * Nothing a professional typed disappears silently (issue 21): when a family moved to another
 * team (verhuizing) before a colleague's offline text was synced, the service refuses that
 * change for the old team (it is kept and shown on the laptop) and forwards the text itself to
 * the family's new team, as a `doorgestuurde_teksten` row the new regisseur sees as a signal
 * ("tekst van … kon niet meer worden opgeslagen").
 */
import { and, eq } from 'drizzle-orm';
import { syncTabel, teamScope } from '../../db/sync-tabellen';
import { decodeHlc, HlcClock } from '../../shared/hlc';
import { onderdeel, veldLabel } from '../../shared/sync/labels';
import { natuurlijkeId } from '../../shared/sync/natuurlijke-id';
import type { Wijziging } from '../../shared/sync/protocol';
import { uitOpslag, waardenVan } from '../../shared/sync/rij';
import type { ServerDb } from '../db/connection';
import { rijen, wijzigingenLog } from '../db/schema';
import { verwerkPush, type Aanroeper } from './push';

async function rij(db: ServerDb, tabel: string, rijId: string) {
  const [r] = await db
    .select()
    .from(rijen)
    .where(and(eq(rijen.tabel, tabel), eq(rijen.rijId, rijId)));
  return r;
}

/** Whether the family once was in this team's scope and left it (a verhuizing). */
async function verhuisdUit(db: ServerDb, teamId: string, gezinId: string): Promise<boolean> {
  const [regel] = await db
    .select({ seq: wijzigingenLog.seq })
    .from(wijzigingenLog)
    .where(
      and(
        eq(wijzigingenLog.scope, teamScope(teamId)),
        eq(wijzigingenLog.tabel, 'gezinnen'),
        eq(wijzigingenLog.rijId, gezinId),
        eq(wijzigingenLog.soort, 'weg'),
      ),
    )
    .limit(1);
  return Boolean(regel);
}

/** The forwarded row for one field of one record: a later edit of it replaces its text. */
const doorgestuurdId = (w: Wijziging, veld: string) =>
  natuurlijkeId('doorgestuurde_teksten', w.tabel, w.rijId, veld);

/**
 * Forwards the free text of a change refused as `verhuisd`, only from a professional of the team
 * the family left (its scope's log holds the family's "leaves" line). The family is the row's
 * own, a new row's parent's, or (a later edit of a row that never reached the service) that of
 * its text forwarded before. One forwarded row per record and field: the last text typed is the
 * one the new regisseur reads. Best effort: a forward that fails leaves the refused change on the
 * laptop, where it is shown all the same.
 */
export async function stuurTekstDoor(
  db: ServerDb,
  aanroeper: Aanroeper,
  w: Wijziging,
  nu: Date,
): Promise<boolean> {
  const spec = syncTabel(w.tabel);
  if (!spec || spec.soort !== 'team' || !aanroeper.teamId) return false;
  const teksten = spec.vrijeTekst.flatMap((veld) => {
    const waarde = w.velden[veld]?.waarde;
    return typeof waarde === 'string' && waarde.trim() ? [[veld, waarde] as const] : [];
  });
  if (teksten.length === 0) return false;

  let gezinId = (await rij(db, w.tabel, w.rijId))?.gezinId ?? null;
  const ouderId = spec.ouder ? w.velden[spec.ouder.veld]?.waarde : undefined;
  if (!gezinId && spec.ouder && typeof ouderId === 'string')
    gezinId = (await rij(db, spec.ouder.tabel, ouderId))?.gezinId ?? null;
  for (const [veld] of teksten)
    gezinId ??= (await rij(db, 'doorgestuurde_teksten', doorgestuurdId(w, veld)))?.gezinId ?? null;
  if (!gezinId || !(await verhuisdUit(db, aanroeper.teamId, gezinId))) return false;
  const gezin = await rij(db, 'gezinnen', gezinId);
  if (!gezin) return false;
  const nieuwTeam = waardenVan(uitOpslag(gezin.registers)).waarden.teamId;
  if (typeof nieuwTeam !== 'string' || teamScope(nieuwTeam) === teamScope(aanroeper.teamId))
    return false;

  const klok = new HlcClock('centraal', () => nu.getTime());
  const geschrevenOp = new Date(decodeHlc(w.hlc).wallMs).toISOString();
  const wijzigingen: Wijziging[] = [];
  for (const [veld, tekst] of teksten) {
    const id = doorgestuurdId(w, veld);
    // What the forwarded row holds now is replaced: the new regisseur reads the last text.
    const eerder = await rij(db, 'doorgestuurde_teksten', id);
    const registers = eerder ? uitOpslag(eerder.registers) : {};
    const waarden: Record<string, string | boolean> = {
      gezinId,
      waar: `${onderdeel(w.tabel)}: ${veldLabel(veld)}`,
      tekst,
      auteurId: aanroeper.gebruikerId,
      geschrevenOp,
      afgehandeld: false,
    };
    wijzigingen.push({
      // From the refused change: sent again (its answer lost), it forwards nothing twice.
      wijzigingId: natuurlijkeId('doorsturen', w.wijzigingId, veld),
      tabel: 'doorgestuurde_teksten',
      rijId: id,
      hlc: klok.tick(),
      auteur: 'systeem',
      velden: Object.fromEntries(
        Object.entries(waarden).map(([k, waarde]) => [
          k,
          { waarde, basis: (registers[k]?.koppen ?? []).map((v) => v.hlc) },
        ]),
      ),
    });
  }
  const systeem = { gebruikerId: 'systeem', rol: 'jeugdprofessional', teamId: nieuwTeam };
  try {
    await verwerkPush(db, systeem, wijzigingen, nu);
    return true;
  } catch {
    return false;
  }
}
