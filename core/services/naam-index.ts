/**
 * The names of one team's families and their members, held in memory: a search term of any
 * length is then a substring test over a few thousand strings (about a millisecond), where the
 * trigram index covers the whole region's names (the team filtered afterwards) and cannot answer a
 * term of one or two letters at all. Read again after any write on this connection
 * (total_changes() moves with every insert, update and delete, synced changes included).
 */
import type { Sqlite } from '../../db/connection';

interface NaamIndex {
  stand: number;
  /** Family id and lower-cased name, for the family's own name and each member's. */
  namen: [gezinId: string, naam: string][];
}

const indexen = new WeakMap<Sqlite, Map<string, NaamIndex>>();

const vouw = (tekst: string) => tekst.toLocaleLowerCase('nl');

function leesIndex(sqlite: Sqlite, teamId: string, stand: number): NaamIndex {
  const rijen = sqlite
    .prepare<[string, string], { gezinId: string; naam: string }>(
      `SELECT id AS gezinId, naam FROM gezinnen WHERE team_id = ? AND deleted = 0
       UNION ALL
       SELECT l.gezin_id, l.voornaam || ' ' || l.achternaam FROM gezinsleden l
         JOIN gezinnen g ON g.id = l.gezin_id
        WHERE g.team_id = ? AND g.deleted = 0 AND l.deleted = 0`,
    )
    .all(teamId, teamId);
  return { stand, namen: rijen.map((r) => [r.gezinId, vouw(r.naam)]) };
}

/** Ids of the team's families whose name, or a member's first and last name, contains `term`. */
export function gezinnenMetNaam(sqlite: Sqlite, teamId: string, term: string): string[] {
  const { n: stand } = sqlite.prepare('SELECT total_changes() AS n').get() as { n: number };
  let perTeam = indexen.get(sqlite);
  if (!perTeam) indexen.set(sqlite, (perTeam = new Map()));
  let index = perTeam.get(teamId);
  if (index?.stand !== stand) {
    // Any write may have touched any team: the others are read again when next asked for.
    if (index) perTeam.clear();
    index = leesIndex(sqlite, teamId, stand);
    perTeam.set(teamId, index);
  }
  const gezocht = vouw(term);
  const uit = new Set<string>();
  for (const [gezinId, naam] of index.namen) if (naam.includes(gezocht)) uit.add(gezinId);
  return [...uit];
}
