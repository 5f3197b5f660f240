/**
 * The dashboard's breakdowns (shared/budget.ts DIMENSIES): which group a toewijzing or an SOJ line
 * falls in, the group's label, and the sums per group. The click-through selects by the same key.
 */
import type { Groep } from '../../shared/api';
import type { Dimensie } from '../../shared/budget';
import { PERCELEN, VERWIJZERS, ZORGPROFIEL_CATEGORIEEN } from '../../shared/domain';
import type { Deps } from '../context';
import { stmt } from '../prepared';
import type { RealisatieFeit, ToewijzingFeit } from './feiten';

/** The key of a toewijzing or a realisation line within a dimension. */
export function sleutelVan(
  f: Pick<ToewijzingFeit, 'perceel' | 'zorgprofiel' | 'verwijzer'> & {
    aanbiederId: string | null;
    regisseurId: string | null;
  },
  dimensie: Dimensie,
): string | null {
  switch (dimensie) {
    case 'perceel':
      return f.perceel;
    case 'zorgprofiel':
      return f.zorgprofiel;
    case 'aanbieder':
      return f.aanbiederId;
    case 'verwijzer':
      return f.verwijzer;
    case 'regisseur':
      return f.regisseurId;
  }
}

/** The names of aanbieders and professionals, by id, for labels. */
export interface Namen {
  aanbieder: Map<string, string>;
  professional: Map<string, string>;
}

export function laadNamen(deps: Deps): Namen {
  const rows = (sql: string) =>
    new Map((stmt(deps, sql).all() as { id: string; naam: string }[]).map((r) => [r.id, r.naam]));
  return {
    aanbieder: rows('SELECT id, naam FROM aanbieders'),
    professional: rows('SELECT id, naam FROM professionals'),
  };
}

export function groepLabel(dimensie: Dimensie, sleutel: string | null, namen: Namen): string {
  if (sleutel === null)
    return dimensie === 'zorgprofiel' ? 'Zonder zorgprofiel (vrij toegankelijk)' : 'Onbekend';
  switch (dimensie) {
    case 'perceel':
      return PERCELEN.labels[sleutel as keyof typeof PERCELEN.labels] ?? sleutel;
    case 'zorgprofiel':
      return (
        ZORGPROFIEL_CATEGORIEEN.labels[sleutel as keyof typeof ZORGPROFIEL_CATEGORIEEN.labels] ??
        sleutel
      );
    case 'verwijzer':
      return VERWIJZERS.labels[sleutel as keyof typeof VERWIJZERS.labels] ?? sleutel;
    case 'aanbieder':
      return namen.aanbieder.get(sleutel) ?? 'Onbekende aanbieder';
    case 'regisseur':
      return namen.professional.get(sleutel) ?? 'Onbekend';
  }
}

interface GroepSom {
  jeugdigen: Set<string>;
  toewijzingen: number;
  gecommitteerd: number;
  gerealiseerd: number;
}

/** The year's toewijzingen and SOJ realisation summed per group of one dimension. */
export function uitsplitsing(
  jaarFeiten: ToewijzingFeit[],
  jaarCents: Map<string, number>,
  realisatie: RealisatieFeit[],
  dimensie: Dimensie,
  namen: Namen,
): Groep[] {
  const groepen = new Map<string | null, GroepSom>();
  const groep = (k: string | null) => {
    let g = groepen.get(k);
    if (!g)
      groepen.set(
        k,
        (g = { jeugdigen: new Set(), toewijzingen: 0, gecommitteerd: 0, gerealiseerd: 0 }),
      );
    return g;
  };
  for (const f of jaarFeiten) {
    const g = groep(sleutelVan(f, dimensie));
    g.jeugdigen.add(f.gezinslidId);
    g.toewijzingen++;
    g.gecommitteerd += jaarCents.get(f.id)!;
  }
  for (const r of realisatie) groep(sleutelVan(r, dimensie)).gerealiseerd += r.cents;
  return [...groepen]
    .map(([sleutel, g]) => ({
      sleutel,
      label: groepLabel(dimensie, sleutel, namen),
      jeugdigen: g.jeugdigen.size,
      toewijzingen: g.toewijzingen,
      gecommitteerdCents: g.gecommitteerd,
      gerealiseerdCents: g.gerealiseerd,
    }))
    .sort(
      (a, b) =>
        b.gecommitteerdCents - a.gecommitteerdCents ||
        b.gerealiseerdCents - a.gerealiseerdCents ||
        a.label.localeCompare(b.label, 'nl'),
    );
}
