/**
 * The server side of sync: applies pushed changes once each (idempotent by change id), checks
 * every change against the caller's role and team, keeps each scope's log, sequence and
 * checksum, moves a family's records when it moves to another team (verhuizing), and serves
 * pages of the log. A batch is applied whole or not at all.
 */
import { controleerToewijzingNummer } from './toewijzingnummers';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  REFERENTIE_SCOPE,
  syncTabel,
  TABEL_VOLGORDE,
  teamScope,
  veldFout,
  type SyncTabel,
} from '../../db/sync-tabellen';
import { decodeHlc } from '../../shared/hlc';
import {
  MAX_KLOK_VOORSPRONG_MS,
  type PushAntwoord,
  type Wijziging,
} from '../../shared/sync/protocol';
import { rolFout } from '../../shared/regels/rollen';
import { datumInNederland } from '../../shared/dates';
import { waardeFout } from '../../shared/regels/waarden';
import type { Opzoeken, Weigering } from '../../shared/regels/weigering';
import { uitOpslag, voegRijenSamen, waardenVan, type RijRegisters } from '../../shared/sync/rij';
import type { ServerDb } from '../db/connection';
import { ServiceError } from '../http/errors';
import { rijen, teams } from '../db/schema';
import { RegisterWriter, teamVanScope, type RijWerk } from './register-writer';
import type { Plek } from './register-writer-sql';
import { scopesAntwoord, scopesVoor, standenVan } from './scopes';

export interface Aanroeper {
  gebruikerId: string;
  rol: string;
  teamId: string | null;
  /** The registered laptop the request came from. */
  apparaatId?: string;
}

type Tx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];

const inhoudHash = (w: Wijziging) => createHash('sha256').update(JSON.stringify(w)).digest('hex');

/** The change as a partial register state: each field's new version replaces what it saw. */
function alsRegisters(w: Wijziging): RijRegisters {
  const uit: RijRegisters = {};
  for (const [veld, { waarde, basis }] of Object.entries(w.velden))
    uit[veld] = {
      koppen: [{ hlc: w.hlc, basis: [...basis].sort(), waarde, auteur: w.auteur }],
      vervangen: [...new Set(basis)].sort(),
    };
  return uit;
}

function controleerVelden(spec: SyncTabel, w: Wijziging, index: number) {
  const fout = (m: string) =>
    new ServiceError(
      400,
      'ongeldige-wijziging',
      `Wijziging ${index + 1} (${w.tabel}): ${m}.`,
      index,
    );
  if (Object.keys(w.velden).length === 0) throw fout('geen velden');
  for (const [veld, { waarde }] of Object.entries(w.velden)) {
    const veldSpec = spec.velden.get(veld);
    if (!veldSpec) throw fout(`onbekend veld "${veld}"`);
    const reden = veldFout(veldSpec, waarde);
    if (reden) throw fout(`veld "${veld}" ${reden}`);
  }
  return fout;
}

/** A refused rule (shared/regels/) as the push's answer: `regel-geschonden` naming it. */
function alsServiceError(weigering: Weigering, w: Wijziging, index: number) {
  return new ServiceError(
    weigering.status,
    'regel-geschonden',
    `Wijziging ${index + 1} (${w.tabel}): ${weigering.bericht}`,
    index,
    weigering.regel,
  );
}

/** One push request: a caller's batch of changes. */
export interface PushOpdracht {
  aanroeper: Aanroeper;
  wijzigingen: readonly Wijziging[];
}

export async function verwerkPush(
  db: ServerDb,
  aanroeper: Aanroeper,
  wijzigingen: readonly Wijziging[],
  nu: Date,
): Promise<PushAntwoord> {
  return (await verwerkPushes(db, [{ aanroeper, wijzigingen }], nu))[0]!;
}

/**
 * Several pushes in one transaction, applied in order exactly as one after the other would be
 * (a change id in two of them is stored once): read together, written together. All or nothing:
 * when one is refused, none is stored (PushWachtrij then applies them one by one).
 */
export async function verwerkPushes(
  db: ServerDb,
  opdrachten: readonly PushOpdracht[],
  nu: Date,
): Promise<PushAntwoord[]> {
  return db.transaction(async (tx) => {
    const schrijver = new RegisterWriter(tx);
    const alle = opdrachten.flatMap((o) => o.wijzigingen);
    await schrijver.laad(alle);
    await schrijver.laadSamenhang(opdrachten);
    const plekken: [string, Plek][][] = [];
    for (const { aanroeper, wijzigingen } of opdrachten)
      plekken.push(await pasToe(tx, schrijver, aanroeper, wijzigingen, nu));
    await schrijver.schrijf();
    // One read of the scope states for the whole group, in its transaction: what each caller
    // would see asking right after.
    const standen = await standenVan(tx, [
      ...new Set(opdrachten.flatMap((o) => scopesVoor(o.aanroeper))),
    ]);
    return plekken.map((lijst, i) => ({
      verwerkt: lijst.map(([wijzigingId, { scope, seq }]) => ({ wijzigingId, scope, seq: seq! })),
      stand: scopesAntwoord(opdrachten[i]!.aanroeper, standen, nu),
    }));
  });
}

/** A change's table, its fields' values, and its author: the caller, no one else. */
function controleerVorm(w: Wijziging, index: number, aanroeper: Aanroeper) {
  const spec = syncTabel(w.tabel);
  if (!spec)
    throw new ServiceError(
      400,
      'ongeldige-wijziging',
      `Wijziging ${index + 1}: onbekende tabel "${w.tabel}".`,
      index,
    );
  const fout = controleerVelden(spec, w, index);
  if (w.auteur !== aanroeper.gebruikerId)
    throw new ServiceError(
      403,
      'geen-toegang',
      'Een wijziging draagt de naam van een ander.',
      index,
    );
  return { spec, fout };
}

/** One push's changes merged into the transaction's rows; their places are known once written. */
async function pasToe(
  tx: Tx,
  schrijver: RegisterWriter,
  aanroeper: Aanroeper,
  wijzigingen: readonly Wijziging[],
  nu: Date,
): Promise<[string, Plek][]> {
  const plekken: [string, Plek][] = [];
  const wie = { id: aanroeper.gebruikerId, rol: aanroeper.rol, teamId: aanroeper.teamId };
  const zoek: Opzoeken = {
    rij: (tabel, id) => schrijver.waarden(tabel, id),
    rijenMet: (tabel, veld, waarde) => schrijver.rijenMet(tabel, veld, waarde),
  };
  for (const [index, w] of wijzigingen.entries()) {
    const { spec, fout } = controleerVorm(w, index, aanroeper);
    const hash = inhoudHash(w);
    const eerder = schrijver.eerder.get(w.wijzigingId);
    if (eerder) {
      if (eerder.inhoudHash !== hash || eerder.gebruikerId !== aanroeper.gebruikerId)
        throw new ServiceError(
          409,
          'herhaalde-wijziging',
          'Deze wijzigings-id is al gebruikt voor een andere wijziging.',
          index,
        );
      plekken.push([w.wijzigingId, eerder.plek]);
      continue;
    }
    // After the receipts: a change once taken is answered as taken, whatever the clock says now.
    if (decodeHlc(w.hlc).wallMs > nu.getTime() + MAX_KLOK_VOORSPRONG_MS)
      throw new ServiceError(
        400,
        'klok-afwijking',
        'De klok van dit apparaat loopt voor. Zet de datum en tijd goed en synchroniseer opnieuw.',
        index,
      );

    // Values as the app would have them, then what the caller's role may do: the rules the core
    // decides by (shared/regels/). After the receipts: a change once taken is answered as taken.
    for (const [veld, { waarde }] of Object.entries(w.velden)) {
      const onwaarde = waardeFout(w.tabel, veld, waarde, datumInNederland(nu));
      if (onwaarde) throw alsServiceError(onwaarde, w, index);
    }
    const bestaand = schrijver.rij(w.tabel, w.rijId);
    const plek = bepaalScope(schrijver, spec, w, bestaand, aanroeper, index, fout);
    const delta = alsRegisters(w);
    const huidig = bestaand ? waardenVan(bestaand.registers).waarden : null;
    const rolPlek = { tabel: w.tabel, rijId: w.rijId, teamId: teamVanScope(plek.scope) };
    // What the change says and what the row will hold: every version a register takes passed the
    // rules, and so does every state a row is stored in.
    const gezegd = Object.fromEntries(
      Object.entries(w.velden).map(([veld, { waarde }]) => [veld, waarde]),
    );
    const samengevoegd = samengevoegdeWaarden(delta, bestaand);
    const weigering =
      rolFout(wie, rolPlek, huidig, gezegd, zoek) ??
      (samengevoegd && Object.entries(samengevoegd).some(([v, x]) => x !== gezegd[v])
        ? rolFout(wie, rolPlek, huidig, samengevoegd, zoek)
        : null);
    if (weigering) throw alsServiceError(weigering, w, index);
    await controleerToewijzingNummer(tx, aanroeper, w, bestaand?.registers, index);
    const rij = schrijver.voegSamen(w.tabel, w.rijId, plek, delta);
    const regel = schrijver.logRegel(rij.scope, w.tabel, w.rijId, delta);
    schrijver.bon({
      wijzigingId: w.wijzigingId,
      gebruikerId: aanroeper.gebruikerId,
      inhoudHash: hash,
      plek: regel,
    });
    plekken.push([w.wijzigingId, regel]);

    if (spec.naam === 'gezinnen' && bestaand) {
      const team = waardenVan(rij.registers).waarden.teamId as string;
      if (teamScope(team) !== rij.scope) await verhuis(tx, schrijver, w.rijId, rij.scope, team);
    }
  }
  return plekken;
}

/**
 * The values the change's fields of a stored row will hold once merged: the newest version wins,
 * and that need not be the change's (a change stamped earlier than the stored version loses).
 */
function samengevoegdeWaarden(delta: RijRegisters, bestaand: RijWerk | undefined) {
  if (!bestaand) return null;
  const voor: RijRegisters = {};
  for (const veld of Object.keys(delta))
    if (bestaand.registers[veld]) voor[veld] = bestaand.registers[veld];
  return waardenVan(voegRijenSamen(voor, delta)).waarden;
}

function bepaalScope(
  schrijver: RegisterWriter,
  spec: SyncTabel,
  w: Wijziging,
  bestaand: RijWerk | undefined,
  aanroeper: Aanroeper,
  index: number,
  fout: (m: string) => ServiceError,
): { scope: string; gezinId: string | null } {
  const geenToegang = (m: string) => new ServiceError(403, 'geen-toegang', m, index);
  // The family is (now) another team's: after a verhuizing, the text goes there (doorsturen.ts).
  const verhuisd = () =>
    new ServiceError(
      403,
      'verhuisd',
      'Dit gezin hoort (inmiddels) bij een ander team. Uw tekst is bewaard en, als het gezin naar een ander team is verhuisd, doorgestuurd naar de nieuwe regisseur.',
      index,
    );
  if (spec.soort === 'referentie') {
    if (aanroeper.rol !== 'beheerder')
      throw geenToegang('Alleen een beheerder wijzigt referentiegegevens.');
    return { scope: REFERENTIE_SCOPE, gezinId: null };
  }
  // A beheerder sets any team's budget, as in the app (shared/regels/rollen.ts `budgetFout`):
  // written into that team's scope, though the beheerder reads none.
  const budgetVanBeheerder =
    aanroeper.rol === 'beheerder' &&
    (spec.naam === 'teambudgetten' || spec.naam === 'budget_wijzigingen');
  if (!budgetVanBeheerder && (aanroeper.rol === 'beheerder' || !aanroeper.teamId))
    throw geenToegang('Een beheerder leest en wijzigt geen dossiers.');
  const budgetTeam = w.velden.teamId?.waarde;
  const eigen = budgetVanBeheerder
    ? (bestaand?.scope ?? teamScope(String(budgetTeam)))
    : teamScope(aanroeper.teamId!);

  if (bestaand) {
    if (bestaand.scope !== eigen) throw verhuisd();
    const vast = spec.ouder?.veld ?? (spec.naam === 'gezinnen' ? undefined : spec.teamVeld);
    if (vast && vast in w.velden) {
      const huidig = waardenVan(bestaand.registers).waarden[vast];
      if (huidig !== w.velden[vast]!.waarde) throw fout(`"${vast}" kan niet veranderen`);
    }
    return { scope: bestaand.scope, gezinId: bestaand.gezinId };
  }

  for (const [veld, veldSpec] of spec.velden)
    if (veldSpec.verplicht && !(veld in w.velden)) throw fout(`nieuw record zonder "${veld}"`);
  if (spec.teamVeld) {
    const team = w.velden[spec.teamVeld]!.waarde;
    if (typeof team !== 'string' || teamScope(team) !== eigen)
      throw geenToegang('U kunt alleen voor uw eigen team vastleggen.');
    if (budgetVanBeheerder && !schrijver.waarden('teams', team))
      throw fout('dit team bestaat niet');
    return { scope: eigen, gezinId: spec.naam === 'gezinnen' ? w.rijId : null };
  }
  const ouderId = w.velden[spec.ouder!.veld]!.waarde;
  const ouder = typeof ouderId === 'string' ? schrijver.rij(spec.ouder!.tabel, ouderId) : undefined;
  if (!ouder) throw fout(`het bovenliggende record (${spec.ouder!.tabel}) bestaat niet`);
  if (ouder.scope !== eigen) throw verhuisd();
  return { scope: eigen, gezinId: ouder.gezinId };
}

/**
 * Verhuizing: every record of the family leaves the old team's scope (children first, so a
 * client can delete them in order) and arrives whole in the new team's scope (parents first).
 */
async function verhuis(
  tx: Tx,
  schrijver: RegisterWriter,
  gezinId: string,
  van: string,
  naarTeam: string,
) {
  if (!(await tx.select().from(teams).where(eq(teams.id, naarTeam)))[0])
    throw new ServiceError(400, 'ongeldige-wijziging', 'Het nieuwe team bestaat niet.');
  const naar = teamScope(naarTeam);
  await schrijver.schrijf();
  const alle = await tx.select().from(rijen).where(eq(rijen.gezinId, gezinId));
  const volgorde = (r: (typeof alle)[number]) => TABEL_VOLGORDE.get(r.tabel) ?? 0;
  alle.sort((a, b) => volgorde(a) - volgorde(b) || (a.rijId < b.rijId ? -1 : 1));
  for (const r of [...alle].reverse()) {
    schrijver.logRegel(van, r.tabel, r.rijId, null);
    schrijver.rekenOm(van, r.hash, null);
  }
  for (const r of alle) {
    schrijver.logRegel(naar, r.tabel, r.rijId, uitOpslag(r.registers));
    schrijver.rekenOm(naar, null, r.hash);
  }
  await tx.update(rijen).set({ scope: naar }).where(eq(rijen.gezinId, gezinId));
  for (const r of alle) schrijver.verhuisd(r, naar);
}
