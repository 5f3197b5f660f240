/**
 * The names of one team's families and their members, held in memory: a search term of any
 * length is then a substring test over a few thousand strings (about a millisecond). A trigram
 * index (migration 0004, dropped by 0013) covered the whole region's names, filtered the team
 * afterwards and could not answer a term of one or two letters. The list is read again after any
 * write on this connection (total_changes() moves with every insert, update and delete, synced
 * changes included).
 */
import type { Deps } from '../context';
import { stmt } from '../prepared';

interface NaamIndexen {
  stand: number;
  /** Per team: family id and lower-cased name, the family's own and each member's. */
  perTeam: Map<string, [gezinId: string, naam: string][]>;
}

const indexen = new WeakMap<object, NaamIndexen>();

const vouw = (tekst: string) => tekst.toLocaleLowerCase('nl');

function leesNamen(deps: Pick<Deps, 'sqlite'>, teamId: string): [string, string][] {
  const rijen = stmt(
    deps,
    `SELECT id AS gezinId, naam FROM gezinnen WHERE team_id = @teamId AND deleted = 0
     UNION ALL
     SELECT l.gezin_id, l.voornaam || ' ' || l.achternaam FROM gezinsleden l
       JOIN gezinnen g ON g.id = l.gezin_id
      WHERE g.team_id = @teamId AND g.deleted = 0 AND l.deleted = 0`,
  ).all({ teamId }) as { gezinId: string; naam: string }[];
  return rijen.map((r) => [r.gezinId, vouw(r.naam)]);
}

/** Ids of the team's families whose name, or a member's first and last name, contains `term`. */
export function gezinnenMetNaam(
  deps: Pick<Deps, 'sqlite'>,
  teamId: string,
  term: string,
): string[] {
  const { n: stand } = stmt(deps, 'SELECT total_changes() AS n').get() as { n: number };
  let cache = indexen.get(deps.sqlite);
  // Any write may have touched any team: every team's names are read again when next asked for.
  if (cache?.stand !== stand) indexen.set(deps.sqlite, (cache = { stand, perTeam: new Map() }));
  let namen = cache.perTeam.get(teamId);
  if (!namen) cache.perTeam.set(teamId, (namen = leesNamen(deps, teamId)));
  const gezocht = vouw(term);
  const uit = new Set<string>();
  for (const [gezinId, naam] of namen) if (naam.includes(gezocht)) uit.add(gezinId);
  return [...uit];
}
