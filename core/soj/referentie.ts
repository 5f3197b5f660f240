/** What an SOJ file is checked against: the teams, products and aanbieders Eenplan knows. */
import type { Perceel } from '../../shared/domain';
import type { Deps } from '../context';
import { stmt } from '../prepared';
import type { Referentie } from './controleren';

export function referentie(deps: Deps): Referentie {
  const rows = <T>(sql: string) => stmt(deps, sql).all() as T[];
  return {
    teams: new Map(
      rows<{ id: string; naam: string }>('SELECT id, naam FROM teams WHERE deleted = 0').map(
        (t) => [t.naam.toLowerCase(), t.id],
      ),
    ),
    producten: new Map(
      rows<{ productcode: string; perceel: Perceel }>(
        'SELECT productcode, perceel FROM producten WHERE deleted = 0',
      ).map((p) => [p.productcode.toUpperCase(), p.perceel]),
    ),
    aanbieders: new Set(
      rows<{ agb_code: string }>('SELECT agb_code FROM aanbieders WHERE deleted = 0').map(
        (a) => a.agb_code,
      ),
    ),
  };
}
