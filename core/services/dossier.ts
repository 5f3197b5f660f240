/** Gezinsdossier: the family, its members and network, its action plans with care, and a timeline. */
import { and, eq, inArray } from 'drizzle-orm';
import {
  aanbieders,
  actieplannen,
  akkoorden,
  doelen,
  evaluaties,
  gezinMedewerkers,
  gezinsleden,
  gezinsplannen,
  netwerkleden,
  overdrachten,
  producten,
  toewijzingen,
  zorgprofielen,
} from '../../db/schema';
import type { Actieplan, ApiInput, Dossier, Toewijzing } from '../../shared/api';
import { maskBsn } from '../../shared/bsn';
import { totalCents } from '../../shared/cost';
import { addDays, ageOn, daysInclusive, formatDate } from '../../shared/dates';
import {
  EINDE_REDENEN,
  EVALUATIE_UITKOMSTEN,
  PROBLEEMGEBIEDEN,
  ZORGPROFIEL_CATEGORIEEN,
  type Probleemgebied,
} from '../../shared/domain';
import { gezinVoor, werktMetGezin } from '../access';
import type { Ctx } from '../context';
import { EVALUATIE_BINNENKORT_DAGEN } from './gezinnen';
import { nummerVan, versions } from './gezinsplan';
import { professionalNamen } from './profielen';
import { signalen } from './signalen';
import { ingezetPerActieplan } from './sociale-kaart';
import { correctieGebeurtenissen } from './correcties';
import { voortgangPerDoel } from './doel-scores';

type Evaluatie = Toewijzing['evaluaties'][number];

export function evaluatieStand(
  e: { geplandOp: string; uitgevoerdOp: string | null },
  today: string,
): Evaluatie['stand'] {
  if (e.uitgevoerdOp) return 'uitgevoerd';
  if (e.geplandOp < today) return 'te_laat';
  if (e.geplandOp <= addDays(today, EVALUATIE_BINNENKORT_DAGEN)) return 'binnenkort';
  return 'gepland';
}

export function dossier(ctx: Ctx, input: ApiInput<'gezin.dossier'>): Dossier {
  const gezin = gezinVoor(ctx, input.gezinId);
  const today = ctx.today();
  const naamVan = professionalNamen(ctx.db);
  const leden = ctx.db
    .select()
    .from(gezinsleden)
    .where(and(eq(gezinsleden.gezinId, gezin.id), eq(gezinsleden.deleted, false)))
    .all();
  const lidNaam = new Map(leden.map((l) => [l.id, l.voornaam]));
  const plannen = ctx.db
    .select()
    .from(actieplannen)
    .where(and(eq(actieplannen.gezinId, gezin.id), eq(actieplannen.deleted, false)))
    .all();
  const planIds = plannen.map((p) => p.id);
  const byPlan = <T extends { actieplanId: string | null }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows)
      if (r.actieplanId) map.set(r.actieplanId, [...(map.get(r.actieplanId) ?? []), r]);
    return map;
  };
  const none = planIds.length === 0;
  const doelRows = none
    ? []
    : ctx.db
        .select()
        .from(doelen)
        .where(and(inArray(doelen.actieplanId, planIds), eq(doelen.deleted, false)))
        .all();
  const profielRows = none
    ? []
    : ctx.db
        .select()
        .from(zorgprofielen)
        .where(and(inArray(zorgprofielen.actieplanId, planIds), eq(zorgprofielen.deleted, false)))
        .all();
  const toewijzingRows = none
    ? []
    : ctx.db
        .select({ t: toewijzingen, aanbieder: aanbieders.naam, product: producten })
        .from(toewijzingen)
        .innerJoin(aanbieders, eq(aanbieders.id, toewijzingen.aanbiederId))
        .innerJoin(producten, eq(producten.id, toewijzingen.productId))
        .where(and(inArray(toewijzingen.actieplanId, planIds), eq(toewijzingen.deleted, false)))
        .all();
  const tIds = toewijzingRows.map((r) => r.t.id);
  const evalRows = tIds.length
    ? ctx.db
        .select()
        .from(evaluaties)
        .where(and(inArray(evaluaties.toewijzingId, tIds), eq(evaluaties.deleted, false)))
        .all()
    : [];
  const akkoordRows = tIds.length
    ? ctx.db
        .select()
        .from(akkoorden)
        .where(and(inArray(akkoorden.toewijzingId, tIds), eq(akkoorden.deleted, false)))
        .all()
    : [];

  const toewijzingDetail = ({
    t,
    aanbieder,
    product,
  }: (typeof toewijzingRows)[number]): Toewijzing => {
    const akkoord = akkoordRows
      .filter((a) => a.toewijzingId === t.id)
      .sort((a, b) => b.aangevraagdOp.localeCompare(a.aangevraagdOp))[0];
    return {
      id: t.id,
      gezinslidId: t.gezinslidId,
      aanbiederNaam: aanbieder,
      productcode: product.productcode,
      productOmschrijving: product.omschrijving,
      volume: t.volume,
      eenheid: t.eenheid,
      frequentie: t.frequentie,
      tariefCents: t.tariefCents,
      startdatum: t.startdatum,
      einddatum: t.einddatum,
      werkelijkeStart: t.werkelijkeStart,
      wachttijdDagen: t.werkelijkeStart ? daysInclusive(t.startdatum, t.werkelijkeStart) - 1 : null,
      status: t.status,
      rol: t.rol,
      beschikkingsvrij: t.beschikkingsvrij,
      neeTenzij: t.neeTenzij,
      beeindigdOp: t.beeindigdOp,
      eindeReden: t.eindeReden,
      totaalCents: totalCents({
        ...t,
        einddatum: t.beeindigdOp && t.beeindigdOp < t.einddatum ? t.beeindigdOp : t.einddatum,
      }),
      evaluaties: evalRows
        .filter((e) => e.toewijzingId === t.id)
        // By the day it falls on: an extra evaluation between the planned ones.
        .sort((a, b) =>
          (a.uitgevoerdOp ?? a.geplandOp).localeCompare(b.uitgevoerdOp ?? b.geplandOp),
        )
        .map((e) => ({
          id: e.id,
          geplandOp: e.geplandOp,
          uitgevoerdOp: e.uitgevoerdOp,
          uitkomst: e.uitkomst,
          toelichting: e.toelichting,
          stand: evaluatieStand(e, today),
          cijferGezin: e.cijferGezin,
          extra: e.extra,
        })),
      akkoord: akkoord
        ? {
            id: akkoord.id,
            reden: akkoord.reden,
            aangevraagdDoorNaam: naamVan.get(akkoord.aangevraagdDoor) ?? '',
            aangevraagdOp: akkoord.aangevraagdOp,
            besluit: akkoord.besluit,
            beoordeeldDoorNaam: akkoord.beoordeeldDoor
              ? (naamVan.get(akkoord.beoordeeldDoor) ?? null)
              : null,
            toelichting: akkoord.toelichting,
          }
        : null,
    };
  };

  const voorzieningenPer = ingezetPerActieplan(ctx, planIds);
  const voortgang = voortgangPerDoel(
    ctx,
    doelRows.map((d) => d.id),
  );
  const doelenPer = byPlan(doelRows);
  const profielPer = byPlan(profielRows);
  const toewijzingPer = byPlan(toewijzingRows.map((r) => ({ ...r, actieplanId: r.t.actieplanId })));
  const actieplanDetails: Actieplan[] = plannen
    .sort((a, b) => b.geopendOp.localeCompare(a.geopendOp))
    .map((p) => {
      const profiel = (profielPer.get(p.id) ?? []).sort(
        (a, b) => b.vastgesteldOp.localeCompare(a.vastgesteldOp) || b.hlc.localeCompare(a.hlc),
      )[0];
      return {
        id: p.id,
        jeugdigeId: p.jeugdigeId,
        jeugdigeNaam: lidNaam.get(p.jeugdigeId) ?? '',
        hulpvraag: p.hulpvraag,
        problemen: p.problemen,
        verwijzer: p.verwijzer,
        eigenKracht: p.eigenKracht,
        netwerk: p.netwerk,
        voorliggend: p.voorliggend,
        triageUitkomst: p.triageUitkomst,
        jeugdhulpNodig: p.jeugdhulpNodig,
        status: p.status,
        geopendOp: p.geopendOp,
        afgerondOp: p.afgerondOp,
        doelen: (doelenPer.get(p.id) ?? []).map((d) => ({
          id: d.id,
          omschrijving: d.omschrijving,
          meetbaar: d.meetbaar,
          uiterlijk: d.uiterlijk,
          resultaat: d.resultaat,
          voortgang: voortgang.get(d.id) ?? [],
        })),
        zorgprofiel: profiel
          ? {
              id: profiel.id,
              categorie: profiel.categorie,
              probleemgebieden: JSON.parse(profiel.probleemgebieden) as Probleemgebied[],
              vastgesteldOp: profiel.vastgesteldOp,
            }
          : null,
        toewijzingen: (toewijzingPer.get(p.id) ?? [])
          .sort((a, b) => a.t.startdatum.localeCompare(b.t.startdatum))
          .map(toewijzingDetail),
        voorzieningen: voorzieningenPer.get(p.id) ?? [],
      };
    });

  return {
    gezin: {
      id: gezin.id,
      naam: gezin.naam,
      adres: gezin.adres,
      postcode: gezin.postcode,
      woonplaats: gezin.woonplaats,
      status: gezin.status,
      aangemeldOp: gezin.aangemeldOp,
      afgeslotenOp: gezin.afgeslotenOp,
      oordeelGezin: gezin.oordeelGezin,
      oordeelCijfer: gezin.oordeelCijfer,
      huisarts: gezin.huisarts,
      gezagToelichting: gezin.gezagToelichting,
      tolkNodig: gezin.tolkNodig,
      tolkTaal: gezin.tolkTaal,
      regisseurId: gezin.regisseurId,
      regisseurNaam: naamVan.get(gezin.regisseurId) ?? '',
      medewerkers: ctx.db
        .select({ id: gezinMedewerkers.professionalId })
        .from(gezinMedewerkers)
        .where(and(eq(gezinMedewerkers.gezinId, gezin.id), eq(gezinMedewerkers.deleted, false)))
        .all()
        // Added on two laptops offline, a colleague stands there twice: shown once (ADR 0003).
        .filter((m, i, alle) => alle.findIndex((x) => x.id === m.id) === i)
        .map((m) => ({ id: m.id, naam: naamVan.get(m.id) ?? '' }))
        .sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
      magWijzigen: ctx.session.rol === 'jeugdprofessional' && werktMetGezin(ctx, gezin),
    },
    leden: leden
      .sort((a, b) =>
        a.rol === b.rol
          ? a.geboortedatum.localeCompare(b.geboortedatum)
          : a.rol === 'ouder'
            ? -1
            : 1,
      )
      .map((l) => ({
        id: l.id,
        rol: l.rol,
        voornaam: l.voornaam,
        achternaam: l.achternaam,
        geboortedatum: l.geboortedatum,
        leeftijd: ageOn(l.geboortedatum, today),
        bsnGemaskeerd: l.bsn ? maskBsn(l.bsn) : null,
        telefoon: l.telefoon,
        email: l.email,
        gezag: l.gezag,
        school: l.school,
      })),
    netwerk: ctx.db
      .select({
        id: netwerkleden.id,
        naam: netwerkleden.naam,
        relatie: netwerkleden.relatie,
        telefoon: netwerkleden.telefoon,
        rolInPlan: netwerkleden.rolInPlan,
      })
      .from(netwerkleden)
      .where(and(eq(netwerkleden.gezinId, gezin.id), eq(netwerkleden.deleted, false)))
      .all(),
    actieplannen: actieplanDetails,
    tijdlijn: tijdlijn(ctx, gezin, actieplanDetails, naamVan),
    signalen: signalen(ctx, { teamId: gezin.teamId, gezinId: gezin.id }),
  };
}

function tijdlijn(
  ctx: Ctx,
  gezin: { id: string; aangemeldOp: string; afgeslotenOp: string | null },
  plannen: Actieplan[],
  naamVan: Map<string, string>,
) {
  const events: { datum: string; soort: string; tekst: string }[] = [
    { datum: gezin.aangemeldOp, soort: 'aanmelding', tekst: 'Gezin aangemeld' },
  ];
  const plan = ctx.db.select().from(gezinsplannen).where(eq(gezinsplannen.gezinId, gezin.id)).get();
  if (plan) {
    const versies = versions(ctx, plan.id);
    for (const v of versies) {
      events.push({
        datum: v.vastgesteldOp,
        soort: 'gezinsplan',
        tekst: `Gezinsplan versie ${v.versie} vastgelegd`,
      });
    }
    if (plan.toestemmingOp && plan.toestemmingVersie) {
      const versie = nummerVan(versies, plan.toestemmingVersieId, plan.toestemmingVersie);
      events.push({
        datum: plan.toestemmingOp,
        soort: 'toestemming',
        tekst: `Toestemming voor versie ${versie} door ${plan.toestemmingDoor}`,
      });
    }
  }
  for (const p of plannen) {
    events.push({
      datum: p.geopendOp,
      soort: 'actieplan',
      tekst: `Actieplan voor ${p.jeugdigeNaam} geopend`,
    });
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
    for (const t of p.toewijzingen) {
      const wat = `${t.productOmschrijving} bij ${t.aanbiederNaam}`;
      events.push({
        datum: t.startdatum,
        soort: 'toewijzing',
        tekst: `Toewijzing ${wat} vanaf ${formatDate(t.startdatum)}`,
      });
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
    }
  }
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
  const step = [
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
  return events.sort(
    (a, b) => b.datum.localeCompare(a.datum) || step.indexOf(b.soort) - step.indexOf(a.soort),
  );
}
