import { createCore } from './core/core';
import { openDatabase } from './db/connection';
import { loadOrCreateKeyFile } from './db/key-file';
const path = '.cache/bench/region-2026-11-23.db';
const store = openDatabase({ path, key: loadOrCreateKeyFile(`${path}.key`), readonly: true } as never);
store.sqlite.pragma('cache_size=-200000');
const core = createCore(store, { now: () => new Date('2026-11-23T10:00:00Z') });
const b = store.sqlite.prepare("SELECT id FROM professionals WHERE rol='beheerder'").get() as { id: string };
const coach = store.sqlite.prepare("SELECT id, team_id FROM professionals WHERE rol='teamcoach'").get() as { id: string; team_id: string };
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  core.call('budget.dashboard', { teamId: coach.team_id, jaar: 2026 }, { professionalId: coach.id });
  console.log('team', performance.now() - t);
  t = performance.now();
  const r = core.call('budget.dashboard', { teamId: null, jaar: 2026 }, { professionalId: b.id });
  console.log('region', performance.now() - t, r.ok);
}
