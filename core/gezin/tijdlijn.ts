/** A family's timeline: every step of its file, newest first. */
import { and, eq } from 'drizzle-orm';
import { gezinsplannen, overdrachten } from '../../db/schema';
import type { Actieplan } from '../../shared/api';
import { formatDate } from '../../shared/dates';
import {
  EINDE_REDENEN,
  EVALUATIE_UITKOMSTEN,
  PROBLEEMGEBIEDEN,
  ZORGPROFIEL_CATEGORIEEN,
} from '../../shared/domain';
import type { ReadCtx } from '../context';
import { nummerVan, versions } from '../gezinsplan/gezinsplan';
import { correctieGebeurtenissen } from './correcties';

interface Gebeurtenis {
  datum: string;
  soort: string;
  tekst: string;
}

/** On the same day the later step of the chain comes first. */
const STAP = [
  'aanmelding',
  'gezinsplan',
  'toestemming',
  'actieplan',
  'zorgprofiel',
  'toewijzing',
  'start',
  'evaluatie',
  'einde',
  'overdracht',
  'correctie',
  'afsluiting',
];

function gezinsplanGebeurtenissen(ctx: ReadCtx, gezinId: string): Gebeurtenis[] {
  const plan = ctx.db.select().from(gezinsplannen).where(eq(gezinsplannen.gezinId, gezinId)).get();
  if (!plan) return [];
  const versies = versions(ctx, plan.id);
  const events: Gebeurtenis[] = versies.map((v) => ({
    datum: v.vastgesteldOp,
    soort: 'gezinsplan',
    tekst: `Gezinsplan versie ${v.versie} vastgelegd`,
  }));
  if (plan.toestemmingOp && plan.toestemmingVersie) {
    const versie = nummerVan(versies, plan.toestemmingVersieId, plan.toestemmingVersie);
    events.push({
      datum: plan.toestemmingOp,
      soort: 'toestemming',
      tekst: `Toestemming voor versie ${versie} door ${plan.toestemmingDoor}`,
    });
  }
  return events;
}

function toewijzingGebeurtenissen(t: Actieplan['toewijzingen'][number]): Gebeurtenis[] {
  const wat = `${t.productOmschrijving} bij ${t.aanbiederNaam}`;
  const events: Gebeurtenis[] = [
    {
      datum: t.startdatum,
      soort: 'toewijzing',
      tekst: `Toewijzing ${wat} vanaf ${formatDate(t.startdatum)}`,
    },
  ];
  if (t.werkelijkeStart)
    events.push({
      datum: t.werkelijkeStart,
      soort: 'start',
      tekst: `Zorg gestart: ${wat} (wachttijd ${t.wachttijdDagen} dagen)`,
    });
  if (t.beeindigdOp)
    events.push({
      datum: t.beeindigdOp,
      soort: 'einde',
      tekst: `Zorg beëindigd: ${wat} (${t.eindeReden ? EINDE_REDENEN.labels[t.eindeReden].toLowerCase() : 'zonder reden'})`,
    });
  for (const e of t.evaluaties) {
    if (e.uitgevoerdOp && e.uitkomst)
      events.push({
        datum: e.uitgevoerdOp,
        soort: 'evaluatie',
        tekst: `${e.extra ? 'Extra evaluatie' : 'Evaluatie'} ${wat}: ${EVALUATIE_UITKOMSTEN.labels[e.uitkomst].toLowerCase()}${e.cijferGezin ? ` (cijfer van het gezin: ${e.cijferGezin})` : ''}`,
      });
  }
  return events;
}

function actieplanGebeurtenissen(p: Actieplan): Gebeurtenis[] {
  const events: Gebeurtenis[] = [
    { datum: p.geopendOp, soort: 'actieplan', tekst: `Actieplan voor ${p.jeugdigeNaam} geopend` },
  ];
  if (p.afgerondOp)
    events.push({
      datum: p.afgerondOp,
      soort: 'actieplan',
      tekst: `Actieplan voor ${p.jeugdigeNaam} afgerond`,
    });
  if (p.zorgprofiel) {
    events.push({
      datum: p.zorgprofiel.vastgesteldOp,
      soort: 'zorgprofiel',
      tekst: `Zorgprofiel ${ZORGPROFIEL_CATEGORIEEN.labels[p.zorgprofiel.categorie]} vastgesteld (${p.zorgprofiel.probleemgebieden.map((g) => PROBLEEMGEBIEDEN.labels[g].toLowerCase()).join(', ')})`,
    });
  }
  for (const t of p.toewijzingen) events.push(...toewijzingGebeurtenissen(t));
  return events;
}

export function tijdlijn(
  ctx: ReadCtx,
  gezin: { id: string; aangemeldOp: string; afgeslotenOp: string | null },
  plannen: Actieplan[],
  naamVan: Map<string, string>,
): Gebeurtenis[] {
  const events: Gebeurtenis[] = [
    { datum: gezin.aangemeldOp, soort: 'aanmelding', tekst: 'Gezin aangemeld' },
    ...gezinsplanGebeurtenissen(ctx, gezin.id),
  ];
  for (const p of plannen) events.push(...actieplanGebeurtenissen(p));
  for (const o of ctx.db
    .select()
    .from(overdrachten)
    .where(and(eq(overdrachten.gezinId, gezin.id), eq(overdrachten.deleted, false)))
    .all()) {
    events.push({
      datum: o.op,
      soort: 'overdracht',
      tekst: `Overgedragen van ${naamVan.get(o.vanId)} aan ${naamVan.get(o.naarId)}: ${o.reden}`,
    });
  }
  events.push(...correctieGebeurtenissen(ctx, gezin.id, naamVan));
  if (gezin.afgeslotenOp)
    events.push({ datum: gezin.afgeslotenOp, soort: 'afsluiting', tekst: 'Gezin afgesloten' });
  // Newest first; on the same day the later step of the chain first.
  return events.sort(
    (a, b) => b.datum.localeCompare(a.datum) || STAP.indexOf(b.soort) - STAP.indexOf(a.soort),
  );
}
