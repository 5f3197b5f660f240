/**
 * Taken en signalen: what needs attention in a caseload. One query per kind of signal, over
 * the open families of a team, optionally narrowed to a regisseur or one family.
 */
import type { Signaal, SignaalSoort } from '../../shared/api';
import { addDays, addMonths, formatDate, type IsoDate } from '../../shared/dates';
import { evaluatieTeLaatSinds } from '../../shared/evaluatie-achterstand';
import type { Deps } from '../context';
import { stmt } from '../prepared';
import { sqlLijst, TOEWIJZING_LOPEND } from '../../shared/statussen';

export interface SignaalScope {
  teamId: string;
  regisseurId?: string;
  gezinId?: string;
  /** Only these families (a page of the caseload). */
  gezinIds?: readonly string[];
}

/** Toewijzingen ending within this many days are signalled (six weeks). */
export const EINDE_SIGNAAL_DAGEN = 42;

function where(scope: SignaalScope): { sql: string; params: Record<string, string> } {
  const parts = ['g.team_id = @teamId', 'g.deleted = 0', "g.status != 'afgesloten'"];
  const params: Record<string, string> = { teamId: scope.teamId };
  if (scope.regisseurId) {
    parts.push('g.regisseur_id = @regisseurId');
    params.regisseurId = scope.regisseurId;
  }
  if (scope.gezinId) {
    parts.push('g.id = @gezinId');
    params.gezinId = scope.gezinId;
  }
  if (scope.gezinIds) {
    params.gezinIds = JSON.stringify(scope.gezinIds);
  }
  return { sql: parts.join(' AND '), params };
}

/**
 * Every query starts from the team's families and walks down the indexes (CROSS JOIN fixes
 * that order in SQLite), so its cost follows the caseload, not the size of the region.
 */
function families(scope: SignaalScope): string {
  return scope.gezinIds
    ? 'json_each(@gezinIds) j CROSS JOIN gezinnen g ON g.id = j.value'
    : 'gezinnen g';
}

const OPEN = `t.deleted = 0 AND t.status IN (${sqlLijst(TOEWIJZING_LOPEND)})`;

/**
 * One signal per running toewijzing whose evaluation is late (shared/evaluatie-achterstand.ts,
 * the dashboard's definition too): since the first planned moment after the last evaluation,
 * or since it went months without one.
 */
function evaluatiesTeLaat(
  deps: Deps,
  w: { sql: string; params: Record<string, string> },
  FROM_TOEWIJZINGEN: string,
  today: IsoDate,
): Signaal[] {
  const rows = stmt(
    deps,
    `SELECT gezinId, gezinNaam, product, coalesce(laatste, startdatum) AS laatsteOfStart,
            laatste IS NULL AS nooit,
            (SELECT min(e.gepland_op) FROM evaluaties e
              WHERE e.toewijzing_id = x.id AND e.deleted = 0 AND e.uitgevoerd_op IS NULL
                AND e.gepland_op > coalesce(x.laatste, '')) AS moment
       FROM (SELECT t.id, g.id AS gezinId, g.naam AS gezinNaam, p.omschrijving AS product,
                    t.startdatum,
                    (SELECT max(e.uitgevoerd_op) FROM evaluaties e
                      WHERE e.toewijzing_id = t.id AND e.deleted = 0
                        AND e.uitgevoerd_op <= @today) AS laatste
               ${FROM_TOEWIJZINGEN} JOIN producten p ON p.id = t.product_id
              WHERE ${w.sql} AND ${OPEN} AND t.startdatum <= @today
                AND coalesce(t.beeindigd_op, t.einddatum) >= @today) x`,
  ).all({ ...w.params, today }) as {
    gezinId: string;
    gezinNaam: string;
    product: string;
    laatsteOfStart: IsoDate;
    nooit: number;
    moment: IsoDate | null;
  }[];
  return rows.flatMap((r): Signaal[] => {
    const sinds = evaluatieTeLaatSinds(r.laatsteOfStart, r.moment, today);
    if (!sinds) return [];
    const tekst =
      sinds === r.moment
        ? `Evaluatie ${r.product} was gepland op ${formatDate(sinds)}`
        : `${r.product}: geen evaluatie sinds ${r.nooit ? 'de start op ' : ''}${formatDate(r.laatsteOfStart)}`;
    return [
      {
        soort: 'evaluatie_te_laat',
        gezinId: r.gezinId,
        gezinNaam: r.gezinNaam,
        datum: sinds,
        tekst,
      },
    ];
  });
}

/**
 * Families whose plan is not fixed yet or has no consent for its last fixed version. Consent is
 * for the last fixed version in the order of ADR 0003 (by its id; consent recorded before ids
 * were kept names the number it was proposed with).
 */
const geenToestemmingSql = (G: string, where: string) =>
  `SELECT g.id AS gezinId, g.naam AS gezinNaam, g.aangemeld_op AS datum,
              (SELECT count(*) FROM gezinsplan_versies v WHERE v.plan_id = pl.id AND v.deleted = 0) AS versie
         FROM ${G} CROSS JOIN gezinsplannen pl ON pl.gezin_id = g.id
         LEFT JOIN gezinsplan_versies lv ON lv.id = (
              SELECT v.id FROM gezinsplan_versies v WHERE v.plan_id = pl.id AND v.deleted = 0
               ORDER BY v.versie DESC, v.hlc DESC, v.id DESC LIMIT 1)
        WHERE ${where} AND (lv.id IS NULL OR NOT coalesce(
              CASE WHEN pl.toestemming_versie_id IS NOT NULL THEN pl.toestemming_versie_id = lv.id
                   ELSE pl.toestemming_versie = lv.versie END, 0))`;

export function signalen(deps: Deps, scope: SignaalScope): Signaal[] {
  const today = deps.today();
  const w = where(scope);
  const G = families(scope);
  const FROM_TOEWIJZINGEN = `FROM ${G} CROSS JOIN gezinsleden l ON l.gezin_id = g.id CROSS JOIN toewijzingen t ON t.gezinslid_id = l.id`;
  const run = (
    soort: SignaalSoort,
    query: string,
    extra: Record<string, string>,
    text: (r: Record<string, string>) => string,
  ) =>
    (stmt(deps, query).all({ ...w.params, ...extra }) as Record<string, string>[]).map(
      (r): Signaal => ({
        soort,
        gezinId: r.gezinId!,
        gezinNaam: r.gezinNaam!,
        datum: r.datum!,
        tekst: text(r),
      }),
    );

  return [
    ...evaluatiesTeLaat(deps, w, FROM_TOEWIJZINGEN, today),
    ...run(
      'toewijzing_eindigt',
      `SELECT g.id AS gezinId, g.naam AS gezinNaam, t.einddatum AS datum, p.omschrijving AS product, l.voornaam
         ${FROM_TOEWIJZINGEN} JOIN producten p ON p.id = t.product_id
        WHERE ${w.sql} AND ${OPEN} AND t.einddatum BETWEEN @today AND @limit`,
      { today, limit: addDays(today, EINDE_SIGNAAL_DAGEN) },
      (r) => `${r.product} voor ${r.voornaam} eindigt op ${formatDate(r.datum as IsoDate)}`,
    ),
    // Text a colleague of the old team typed before the family moved here (server/sync/doorsturen.ts).
    ...run(
      'tekst_doorgestuurd',
      `SELECT g.id AS gezinId, g.naam AS gezinNaam, substr(d.geschreven_op, 1, 10) AS datum,
              d.waar, d.tekst, coalesce(p.naam, 'een collega') AS auteur
         FROM ${G} CROSS JOIN doorgestuurde_teksten d ON d.gezin_id = g.id
         LEFT JOIN professionals p ON p.id = d.auteur_id
        WHERE ${w.sql} AND d.deleted = 0 AND d.afgehandeld = 0`,
      {},
      (r) => `Tekst van ${r.auteur} kon niet meer worden opgeslagen (${r.waar}): "${r.tekst}"`,
    ),
    ...run('geen_toestemming', geenToestemmingSql(G, w.sql), {}, (r) =>
      Number(r.versie) === 0
        ? 'Het gezinsplan is nog niet vastgelegd'
        : `Geen toestemming voor versie ${r.versie} van het gezinsplan`,
    ),
    ...run(
      'wordt_18',
      `SELECT g.id AS gezinId, g.naam AS gezinNaam, date(l.geboortedatum, '+18 years') AS datum, l.voornaam
         FROM ${G} CROSS JOIN gezinsleden l ON l.gezin_id = g.id
        WHERE ${w.sql} AND l.deleted = 0 AND l.rol = 'jeugdige'
          AND date(l.geboortedatum, '+18 years') > @today AND date(l.geboortedatum, '+18 years') <= @limit`,
      { today, limit: addMonths(today, 18) },
      (r) =>
        `${r.voornaam} wordt 18 op ${formatDate(r.datum as IsoDate)}: toekomstplan en overgang naar 18+`,
    ),
    ...run(
      'akkoord_gevraagd',
      `SELECT g.id AS gezinId, g.naam AS gezinNaam, a.aangevraagd_op AS datum, p.omschrijving AS product
         ${FROM_TOEWIJZINGEN} CROSS JOIN akkoorden a ON a.toewijzing_id = t.id JOIN producten p ON p.id = t.product_id
        WHERE ${w.sql} AND a.deleted = 0 AND a.besluit IS NULL`,
      {},
      (r) => `Wacht op vier-ogenakkoord: ${r.product}`,
    ),
  ].sort((a, b) => a.datum.localeCompare(b.datum));
}
