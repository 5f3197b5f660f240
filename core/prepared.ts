import type { Statement } from 'better-sqlite3';
import type { Deps } from './context';

const statements = new WeakMap<object, Map<string, Statement<unknown[]>>>();

/** A prepared statement, prepared once per connection (preparing costs more than most reads). */
export function stmt(deps: Pick<Deps, 'sqlite'>, sql: string) {
  let cache = statements.get(deps.sqlite);
  if (!cache) statements.set(deps.sqlite, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = deps.sqlite.prepare(sql)));
  return prepared;
}
