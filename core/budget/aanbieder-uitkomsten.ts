/**
 * Waiting time and outcomes per aanbieder on the dashboard: started, waiting, ended, dropped out,
 * goals reached and the families' mark, over the toewijzingen of the year.
 */
import type { Dashboard } from '../../shared/api';
import type { Deps } from '../context';
import { stmt } from '../prepared';
import type { ToewijzingFeit } from './feiten';
import type { Namen } from './groepen';
// Waiting time has one definition, shared with the keuzehulp's figures.
import { wachtDagen } from '../../shared/keuzehulp';
import type { ToewijzingKenmerk } from './kenmerken';

type AanbiederUitkomst = Dashboard['aanbieders'][number];

const leeg = (aanbiederId: string, naam: string): AanbiederUitkomst => ({
  aanbiederId,
  naam,
  gestart: 0,
  wachtdagenTotaal: 0,
  langsteWachtDagen: 0,
  wachtend: 0,
  beeindigd: 0,
  uitval: 0,
  doelenBehaald: 0,
  doelenBeoordeeld: 0,
  oordeelSom: 0,
  oordelen: 0,
});

export function aanbiederUitkomsten(
  deps: Deps,
  sets: Map<ToewijzingKenmerk, Set<string>>,
  byId: Map<string, ToewijzingFeit>,
  beeindigd: ToewijzingFeit[],
  namen: Namen,
): AanbiederUitkomst[] {
  const perAanbieder = new Map<string, AanbiederUitkomst>();
  const aanbieder = (id: string) => {
    let a = perAanbieder.get(id);
    if (!a) perAanbieder.set(id, (a = leeg(id, namen.aanbieder.get(id) ?? 'Onbekende aanbieder')));
    return a;
  };
  for (const id of sets.get('gestart')!) {
    const f = byId.get(id)!;
    const a = aanbieder(f.aanbiederId);
    a.gestart++;
    a.wachtdagenTotaal += wachtDagen(f);
    a.langsteWachtDagen = Math.max(a.langsteWachtDagen, wachtDagen(f));
  }
  for (const id of sets.get('wachtend')!) aanbieder(byId.get(id)!.aanbiederId).wachtend++;
  const doelen = doelenPerActieplan(deps, beeindigd);
  for (const f of beeindigd) {
    const a = aanbieder(f.aanbiederId);
    a.beeindigd++;
    if (sets.get('uitval')!.has(f.id)) a.uitval++;
    const d = f.actieplanId ? doelen.get(f.actieplanId) : undefined;
    if (d) {
      a.doelenBehaald += d.behaald;
      a.doelenBeoordeeld += d.beoordeeld;
    }
    if (f.oordeelCijfer !== null) {
      a.oordeelSom += f.oordeelCijfer;
      a.oordelen++;
    }
  }
  return [...perAanbieder.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

function doelenPerActieplan(deps: Deps, feiten: ToewijzingFeit[]) {
  const ids = [...new Set(feiten.map((f) => f.actieplanId).filter((id): id is string => !!id))];
  const rows = stmt(
    deps,
    `SELECT d.actieplan_id, sum(d.resultaat = 'behaald') AS behaald,
            sum(d.resultaat <> 'open') AS beoordeeld
       FROM doelen d
      WHERE d.deleted = 0 AND d.actieplan_id IN (SELECT value FROM json_each(?))
      GROUP BY d.actieplan_id`,
  ).all(JSON.stringify(ids)) as { actieplan_id: string; behaald: number; beoordeeld: number }[];
  return new Map(
    rows.map((r) => [r.actieplan_id, { behaald: r.behaald, beoordeeld: r.beoordeeld }]),
  );
}
