/**
 * The professional's own view: what the help of the own caseload costs this year and what is
 * due for evaluation, next to the team's averages. Informative, not judgmental: no ranking of
 * colleagues, only the team as a whole.
 */
import type { ApiOutput } from '../../shared/api';
import { gecommitteerdInJaar, raaktJaar } from '../../shared/cost';
import type { GezinStatus } from '../../shared/domain';
import { sqlLijst, TOEWIJZING_LOPEND } from '../../shared/statussen';
import type { ReadCtx } from '../context';
import { laadFeiten } from './feiten';
import { stmt } from '../prepared';

export function mijnKosten(ctx: ReadCtx): ApiOutput<'kosten.mijn'> {
  const jaar = Number(ctx.today().slice(0, 4));
  const feiten = laadFeiten(ctx, { teamId: ctx.session.teamId, jaar, perceel: null });
  const perGezin = new Map<
    string,
    { gecommitteerd: number; gerealiseerd: number; toewijzingen: number; eigen: boolean }
  >();
  const gezinVan = new Map<string, string>();
  for (const f of feiten.toewijzingen) {
    gezinVan.set(f.id, f.gezinId);
    if (!raaktJaar(f, jaar)) continue;
    const g = perGezin.get(f.gezinId) ?? {
      gecommitteerd: 0,
      gerealiseerd: 0,
      toewijzingen: 0,
      eigen: f.regisseurId === ctx.session.professionalId,
    };
    g.gecommitteerd += gecommitteerdInJaar(f, jaar).cents;
    g.toewijzingen++;
    perGezin.set(f.gezinId, g);
  }
  for (const r of feiten.realisatie) {
    const g = r.toewijzingId ? perGezin.get(gezinVan.get(r.toewijzingId) ?? '') : undefined;
    if (g) g.gerealiseerd += r.cents;
  }
  const eigen = stmt(
    ctx,
    `SELECT g.id, g.naam, g.status,
            (SELECT min(e.gepland_op) FROM evaluaties e
               JOIN toewijzingen t ON t.id = e.toewijzing_id
               JOIN gezinsleden l ON l.id = t.gezinslid_id
              WHERE l.gezin_id = g.id AND e.deleted = 0 AND e.uitgevoerd_op IS NULL
                AND t.status IN (${sqlLijst(TOEWIJZING_LOPEND)})) AS volgende_evaluatie
       FROM gezinnen g
      WHERE g.regisseur_id = ? AND g.deleted = 0
      ORDER BY g.naam`,
  ).all(ctx.session.professionalId) as {
    id: string;
    naam: string;
    status: GezinStatus;
    volgende_evaluatie: string | null;
  }[];
  const gemiddelde = (list: { gecommitteerd: number }[]) =>
    list.length ? Math.round(list.reduce((s, g) => s + g.gecommitteerd, 0) / list.length) : 0;
  const alle = [...perGezin.values()];
  const mijn = alle.filter((g) => g.eigen);
  return {
    jaar,
    gezinnen: eigen
      // Closed families stay in view while their help still counts in this year.
      .filter((g) => g.status !== 'afgesloten' || perGezin.has(g.id))
      .map((g) => {
        const k = perGezin.get(g.id);
        return {
          gezinId: g.id,
          naam: g.naam,
          status: g.status,
          toewijzingen: k?.toewijzingen ?? 0,
          gecommitteerdCents: k?.gecommitteerd ?? 0,
          gerealiseerdCents: k?.gerealiseerd ?? 0,
          volgendeEvaluatie: g.volgende_evaluatie,
          evaluatieTeLaat: g.volgende_evaluatie !== null && g.volgende_evaluatie < ctx.today(),
        };
      })
      .sort(
        (a, b) => b.gecommitteerdCents - a.gecommitteerdCents || a.naam.localeCompare(b.naam, 'nl'),
      ),
    eigen: {
      gezinnenMetHulp: mijn.length,
      gecommitteerdCents: mijn.reduce((s, g) => s + g.gecommitteerd, 0),
      gemiddeldPerGezinCents: gemiddelde(mijn),
    },
    team: {
      gezinnenMetHulp: alle.length,
      gecommitteerdCents: alle.reduce((s, g) => s + g.gecommitteerd, 0),
      gemiddeldPerGezinCents: gemiddelde(alle),
    },
  };
}
