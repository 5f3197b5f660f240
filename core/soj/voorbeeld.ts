/**
 * The preview of an SOJ import, per team and period of care: the stored lines and amount before,
 * and after this file's lines replace those of its period for the file's teams. Read only; the
 * import writes only when the preview still holds (schrijven.ts).
 */
import type { SojVoorbeeld, SojVoorbeeldRegel } from '../../shared/api';
import type { Deps } from '../context';
import { stmt } from '../prepared';
import type { Controle } from './controleren';

export type Gecontroleerd = Extract<Controle, { ok: true }>;

const sleutel = (teamId: string, periode: string) => `${teamId}\u0000${periode}`;

/**
 * What writing these lines would do, per team and period of care: the stored lines before, and
 * after the lines of this file's period for the file's teams are replaced. Read only.
 */
export function sojVoorbeeld(deps: Deps, controle: Gecontroleerd): SojVoorbeeld {
  const teams = [...new Set(controle.regels.map((r) => r.teamId))];
  const teamJson = JSON.stringify(teams);
  const groepen = new Map<string, SojVoorbeeldRegel>();
  const groep = (teamId: string, periode: string) => {
    const k = sleutel(teamId, periode);
    let g = groepen.get(k);
    if (!g) {
      g = {
        teamId,
        teamNaam: '',
        periode,
        regelsVoor: 0,
        regelsNa: 0,
        bedragVoorCents: 0,
        bedragNaCents: 0,
      };
      groepen.set(k, g);
    }
    return g;
  };
  // The lines this file replaces: its period's import, for the teams in the file.
  const vervangen = stmt(
    deps,
    `SELECT r.team_id AS teamId, r.periode, count(*) AS n, coalesce(sum(r.bedrag_cents), 0) AS s
       FROM soj_regels r JOIN soj_imports i ON i.id = r.import_id
      WHERE i.periode = ? AND r.deleted = 0
        AND r.team_id IN (SELECT value FROM json_each(?))
      GROUP BY r.team_id, r.periode`,
  ).all(controle.periode, teamJson) as { teamId: string; periode: string; n: number; s: number }[];
  for (const v of vervangen) {
    const g = groep(v.teamId, v.periode);
    g.regelsNa -= v.n;
    g.bedragNaCents -= v.s;
  }
  let bedragCents = 0;
  let creditRegels = 0;
  let lateRegels = 0;
  for (const r of controle.regels) {
    const g = groep(r.teamId, r.periode);
    g.regelsNa++;
    g.bedragNaCents += r.bedragCents;
    bedragCents += r.bedragCents;
    if (r.credit) creditRegels++;
    if (r.periode < controle.periode) lateRegels++;
  }
  const nu = stmt(
    deps,
    `SELECT count(*) AS n, coalesce(sum(bedrag_cents), 0) AS s FROM soj_regels
      WHERE deleted = 0 AND team_id = ? AND periode = ?`,
  );
  const naam = stmt(deps, 'SELECT naam FROM teams WHERE id = ?');
  for (const g of groepen.values()) {
    const voor = nu.get(g.teamId, g.periode) as { n: number; s: number };
    g.teamNaam = (naam.get(g.teamId) as { naam: string } | undefined)?.naam ?? g.teamId;
    g.regelsVoor = voor.n;
    g.bedragVoorCents = voor.s;
    g.regelsNa += voor.n;
    g.bedragNaCents += voor.s;
  }
  return {
    periode: controle.periode,
    regels: controle.regels.length,
    bedragCents,
    creditRegels,
    lateRegels,
    decimalen: controle.decimalen,
    teams: [...groepen.values()].sort(
      (a, b) =>
        a.teamNaam.localeCompare(b.teamNaam, 'nl') ||
        a.teamId.localeCompare(b.teamId) ||
        a.periode.localeCompare(b.periode),
    ),
    waarschuwingen: controle.waarschuwingen,
    meerWaarschuwingen: controle.meerWaarschuwingen,
  };
}
