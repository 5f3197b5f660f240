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
import { rijen } from '../db/schema';
import { verwerkPush, type Aanroeper } from './dienst';

async function rij(db: ServerDb, tabel: string, rijId: string) {
  const [r] = await db
    .select()
    .from(rijen)
    .where(and(eq(rijen.tabel, tabel), eq(rijen.rijId, rijId)));
  return r;
}

/**
 * Forwards the free text of a change refused as `verhuisd`. Only for someone who had the row:
 * the change builds on versions of it (its basis), or names its parent by id. Best effort: a
 * forward that fails leaves the refused change on the laptop, where it is shown all the same.
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

  const bestaand = await rij(db, w.tabel, w.rijId);
  let gezinId: string | null = null;
  if (bestaand) {
    const registers = uitOpslag(bestaand.registers);
    const bekend = new Set(
      Object.values(registers).flatMap((r) => [...r.koppen.map((k) => k.hlc), ...r.vervangen]),
    );
    const basis = Object.values(w.velden).flatMap((v) => v.basis);
    if (!basis.some((h) => bekend.has(h))) return false;
    gezinId = bestaand.gezinId;
  } else if (spec.ouder) {
    const ouderId = w.velden[spec.ouder.veld]?.waarde;
    if (typeof ouderId !== 'string') return false;
    gezinId = (await rij(db, spec.ouder.tabel, ouderId))?.gezinId ?? null;
  }
  if (!gezinId) return false;
  const gezin = await rij(db, 'gezinnen', gezinId);
  if (!gezin) return false;
  const nieuwTeam = waardenVan(uitOpslag(gezin.registers)).waarden.teamId;
  if (typeof nieuwTeam !== 'string' || teamScope(nieuwTeam) === teamScope(aanroeper.teamId))
    return false;

  const klok = new HlcClock('centraal', () => nu.getTime());
  const geschrevenOp = new Date(decodeHlc(w.hlc).wallMs).toISOString();
  // Ids from the refused change: sent again (its answer lost), it forwards nothing twice.
  const wijzigingen: Wijziging[] = teksten.map(([veld, tekst]) => ({
    wijzigingId: natuurlijkeId('doorsturen', w.wijzigingId, veld),
    tabel: 'doorgestuurde_teksten',
    rijId: natuurlijkeId('doorgestuurde_teksten', w.wijzigingId, veld),
    hlc: klok.tick(),
    auteur: 'systeem',
    velden: Object.fromEntries(
      Object.entries({
        gezinId,
        waar: `${onderdeel(w.tabel)}: ${veldLabel(veld)}`,
        tekst,
        auteurId: aanroeper.gebruikerId,
        geschrevenOp,
      }).map(([k, waarde]) => [k, { waarde, basis: [] }]),
    ),
  }));
  const systeem = { gebruikerId: 'systeem', rol: 'jeugdprofessional', teamId: nieuwTeam };
  try {
    await verwerkPush(db, systeem, wijzigingen, nu);
    return true;
  } catch {
    return false;
  }
}
