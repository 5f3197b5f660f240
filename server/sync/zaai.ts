/**
 * Fills an empty central service with a generated (fictional) region: every synced row as one
 * version per field, in its scope's log with sequence numbers and checksum, plus an account
 * for every professional. For `npm run server` with EENPLAN_DEMO=1, the e2e tests and the
 * sync benchmark. Written in bulk, not through the push checks: the data is generated here.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase, type OpenDatabase } from '../../db/connection';
import { professionals, teams as lokaleTeams } from '../../db/schema';
import type { DemoDataset } from '../../demo/generate';
import { writeDataset } from '../../demo/write';
import { REFERENTIE_SCOPE, SYNC_TABELLEN, teamScope, type SyncTabel } from '../../db/sync-tabellen';
import { naarOpslag, NUL_HASH, registersUitRij, rijHash, xorHash } from '../../shared/sync/rij';
import { hashWachtwoord } from '../auth/wachtwoord';
import type { ServerStore } from '../db/connection';
import { gebruikers, rijen, scopes, teams, wijzigingenLog } from '../db/schema';
import './native-sha256';

const BATCH = 1000;

export interface ZaaiOpties {
  /** Only the case data of these teams (reference data always whole). */
  alleenTeams?: ReadonlySet<string>;
  /** Password for every generated account. */
  wachtwoord: string;
}

/** A generated dataset, through a throw-away local store. */
export async function zaaiDataset(
  store: ServerStore,
  data: DemoDataset,
  opties: ZaaiOpties,
): Promise<{ rijen: number }> {
  const lokaal = openDatabase({ path: ':memory:', key: randomBytes(32) });
  try {
    writeDataset(lokaal.sqlite, data);
    return await zaaiUitDatabase(store, lokaal, opties);
  } finally {
    lokaal.close();
  }
}

type Plek = { scope: string; gezinId: string | null };

/** A row's scope (and family): its own, its team's, or its parent row's. */
function plekVan(
  spec: SyncTabel,
  rij: Record<string, unknown>,
  plek: ReadonlyMap<string, Plek>,
): Plek | undefined {
  const id = rij.id as string;
  if (spec.soort === 'referentie') return { scope: REFERENTIE_SCOPE, gezinId: null };
  if (spec.teamVeld)
    return {
      scope: teamScope(rij[spec.teamVeld] as string),
      gezinId: spec.naam === 'gezinnen' ? id : null,
    };
  return plek.get(`${spec.ouder!.tabel}|${rij[spec.ouder!.veld] as string}`);
}

/** The local store's teams, and an account for each of its professionals. */
async function zaaiAccounts(store: ServerStore, lokaal: OpenDatabase, wachtwoord: string) {
  await store.db
    .insert(teams)
    .values(
      lokaal.db.select({ id: lokaleTeams.id, naam: lokaleTeams.naam }).from(lokaleTeams).all(),
    )
    .onConflictDoNothing();
  const hash = await hashWachtwoord(wachtwoord);
  const mensen = lokaal.db.select().from(professionals).all();
  for (let i = 0; i < mensen.length; i += BATCH)
    await store.db
      .insert(gebruikers)
      .values(
        mensen.slice(i, i + BATCH).map((p) => ({
          id: p.id,
          email: p.email,
          naam: p.naam,
          rol: p.rol,
          teamId: p.teamId ?? null,
          wachtwoordHash: hash,
        })),
      )
      .onConflictDoNothing();
}

/** Every synced row of a local store (demo data), with accounts for its professionals. */
export async function zaaiUitDatabase(
  store: ServerStore,
  lokaal: OpenDatabase,
  opties: ZaaiOpties,
): Promise<{ rijen: number }> {
  const plek = new Map<string, Plek>();
  const stand = new Map<string, { seq: number; hash: string; aantal: number }>();
  let totaal = 0;
  for (const spec of SYNC_TABELLEN) {
    const alle = lokaal.db.select().from(spec.tabel).all() as Record<string, unknown>[];
    let rijBatch: (typeof rijen.$inferInsert)[] = [];
    let logBatch: (typeof wijzigingenLog.$inferInsert)[] = [];
    const schrijf = async () => {
      if (rijBatch.length === 0) return;
      await store.db.insert(rijen).values(rijBatch);
      await store.db.insert(wijzigingenLog).values(logBatch);
      rijBatch = [];
      logBatch = [];
    };
    for (const rij of alle) {
      const id = rij.id as string;
      const waar = plekVan(spec, rij, plek);
      if (!waar) continue;
      if (
        opties.alleenTeams &&
        waar.scope !== REFERENTIE_SCOPE &&
        !opties.alleenTeams.has(waar.scope.slice('team:'.length))
      )
        continue;
      plek.set(`${spec.naam}|${id}`, waar);
      const registers = registersUitRij(rij);
      const hash = rijHash(spec.naam, id, registers);
      const s = stand.get(waar.scope) ?? { seq: 0, hash: NUL_HASH, aantal: 0 };
      s.seq += 1;
      s.hash = xorHash(s.hash, hash);
      s.aantal += 1;
      stand.set(waar.scope, s);
      const json = naarOpslag(registers);
      rijBatch.push({ tabel: spec.naam, rijId: id, ...waar, registers: json, hash });
      logBatch.push({
        scope: waar.scope,
        seq: s.seq,
        tabel: spec.naam,
        rijId: id,
        soort: 'velden',
        velden: json,
        hash,
      });
      totaal += 1;
      if (rijBatch.length >= BATCH) await schrijf();
    }
    await schrijf();
  }
  for (const [scope, s] of stand) await store.db.insert(scopes).values({ scope, ...s });
  await zaaiAccounts(store, lokaal, opties.wachtwoord);
  return { rijen: totaal };
}
