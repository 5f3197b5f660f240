/**
 * The dashboard as tables: what the coach's screen shows and what the export writes, from one
 * definition, so the file always holds what was on the screen.
 */
import type { Aandeel, Dashboard, Doorklik, Groep, Tabel } from './api';
import { DIMENSIE_LABELS, DIMENSIES, type Dimensie } from './budget';
import { ZORGPROFIEL_CATEGORIEEN } from './domain';

export const aandeel = (a: Aandeel): number | null => (a.noemer ? a.teller / a.noemer : null);

function groepTabel(dimensie: Dimensie, groepen: Groep[]): Tabel {
  return {
    sleutel: dimensie,
    titel: `Per ${DIMENSIE_LABELS[dimensie].toLowerCase()}`,
    kolommen: [
      { sleutel: 'groep', label: DIMENSIE_LABELS[dimensie], soort: 'tekst' },
      { sleutel: 'jeugdigen', label: 'Jeugdigen', soort: 'aantal' },
      { sleutel: 'toewijzingen', label: 'Toewijzingen', soort: 'aantal' },
      { sleutel: 'gecommitteerd', label: 'Gecommitteerd', soort: 'bedrag' },
      { sleutel: 'gerealiseerd', label: 'Gerealiseerd', soort: 'bedrag' },
    ],
    rijen: groepen.map((g) => {
      const basis = { dimensie, sleutel: g.sleutel };
      return {
        waarden: {
          groep: g.label,
          jeugdigen: g.jeugdigen,
          toewijzingen: g.toewijzingen,
          gecommitteerd: g.gecommitteerdCents,
          gerealiseerd: g.gerealiseerdCents,
        },
        doorklik: {
          toewijzingen: { bron: 'toewijzingen', ...basis },
          gecommitteerd: { bron: 'toewijzingen', ...basis },
          gerealiseerd: { bron: 'soj', ...basis },
        },
      };
    }),
  };
}

const tw = (kenmerk: Doorklik['kenmerk'], extra: Partial<Doorklik> = {}): Doorklik => ({
  bron: 'toewijzingen',
  kenmerk,
  ...extra,
});

export function dashboardTabellen(d: Dashboard): Tabel[] {
  return [
    maandTabel(d),
    ...DIMENSIES.map((dim) => groepTabel(dim, d.uitsplitsing[dim])),
    kengetallenTabel(d),
    duurTabel(d),
    clientenTabel(d),
    ...uitschieterTabellen(d),
    plafondTabel(d),
    aanbiedersTabel(d),
  ];
}

/** The trend: realised (SOJ) and committed per month. */
function maandTabel(d: Dashboard): Tabel {
  return {
    sleutel: 'maanden',
    titel: 'Per maand',
    kolommen: [
      { sleutel: 'periode', label: 'Maand', soort: 'tekst' },
      { sleutel: 'gerealiseerd', label: 'Gerealiseerd (SOJ)', soort: 'bedrag' },
      { sleutel: 'gecommitteerd', label: 'Gecommitteerd', soort: 'bedrag' },
    ],
    rijen: d.maanden.map((m) => ({
      waarden: {
        periode: `${m.periode.slice(5)}-${m.periode.slice(0, 4)}`,
        gerealiseerd: m.gerealiseerdCents,
        gecommitteerd: m.gecommitteerdCents,
      },
      doorklik: { gerealiseerd: { bron: 'soj', periode: m.periode } },
    })),
  };
}

/** The region's KPIs (002_… 4.4), each with the sets behind its figures. */
function kengetallenTabel(d: Dashboard): Tabel {
  const k = d.kpis;
  return {
    sleutel: 'kpis',
    titel: 'Kengetallen',
    kolommen: [
      { sleutel: 'kengetal', label: 'Kengetal', soort: 'tekst' },
      { sleutel: 'waarde', label: 'Waarde', soort: 'procent' },
      { sleutel: 'teller', label: 'Aantal', soort: 'aantal' },
      { sleutel: 'noemer', label: 'Van', soort: 'aantal' },
    ],
    rijen: [
      {
        waarden: {
          kengetal: 'Evaluaties met afschaling',
          waarde: aandeel(k.afschaling),
          ...k.afschaling,
        },
        doorklik: { teller: tw('afschaling') },
      },
      {
        waarden: {
          kengetal: 'Terug in zorg binnen 12 maanden',
          waarde: aandeel(k.terugkeer),
          ...k.terugkeer,
        },
        doorklik: { teller: tw('terugkeer'), noemer: tw('zorg_geeindigd') },
      },
      {
        waarden: {
          kengetal: 'Actieplannen afgerond zonder jeugdhulp (alle percelen)',
          waarde: aandeel(k.zonderJeugdhulp),
          ...k.zonderJeugdhulp,
        },
        doorklik: {
          teller: { bron: 'actieplannen', kenmerk: 'zonder_jeugdhulp' },
          noemer: { bron: 'actieplannen', kenmerk: 'actieplan_afgerond' },
        },
      },
    ],
  };
}

/** Duration and cost per month of care of the toewijzingen that ended. */
function duurTabel(d: Dashboard): Tabel {
  const k = d.kpis;
  return {
    sleutel: 'duur',
    titel: 'Duur en intensiteit van beëindigde toewijzingen',
    kolommen: [
      { sleutel: 'aantal', label: 'Beëindigd', soort: 'aantal' },
      { sleutel: 'dagen', label: 'Gemiddelde duur', soort: 'dagen' },
      { sleutel: 'perMaand', label: 'Kosten per maand zorg', soort: 'bedrag' },
    ],
    rijen: [
      {
        waarden: {
          aantal: k.duur.aantal,
          dagen: k.duur.gemiddeldeDagen,
          perMaand: k.duur.kostenPerMaandCents,
        },
        doorklik: { aantal: tw('beeindigd') },
      },
    ],
  };
}

/** The youths with the most committed this year. */
function clientenTabel(d: Dashboard): Tabel {
  return {
    sleutel: 'clienten',
    titel: 'Hoogste kosten per jeugdige',
    totaal: d.uitschieters.clienten.aantal,
    kolommen: [
      { sleutel: 'naam', label: 'Jeugdige', soort: 'tekst' },
      { sleutel: 'regisseur', label: 'Regisseur', soort: 'tekst' },
      { sleutel: 'toewijzingen', label: 'Toewijzingen', soort: 'aantal' },
      { sleutel: 'gecommitteerd', label: 'Gecommitteerd', soort: 'bedrag' },
      { sleutel: 'gerealiseerd', label: 'Gerealiseerd', soort: 'bedrag' },
    ],
    rijen: d.uitschieters.clienten.rijen.map((c) => ({
      gezinId: c.gezinId,
      waarden: {
        naam: c.naam,
        regisseur: c.regisseur,
        toewijzingen: c.toewijzingen,
        gecommitteerd: c.gecommitteerdCents,
        gerealiseerd: c.gerealiseerdCents,
      },
      doorklik: {
        toewijzingen: { bron: 'toewijzingen', gezinslidId: c.gezinslidId },
        gecommitteerd: { bron: 'toewijzingen', gezinslidId: c.gezinslidId },
        gerealiseerd: { bron: 'soj', gezinslidId: c.gezinslidId },
      },
    })),
  };
}

/** The toewijzingen furthest past the expected duration or the last evaluation. */
function uitschieterTabellen(d: Dashboard): Tabel[] {
  return (
    [
      ['duur_overschreden', 'duur', 'Langer dan het zorgprofiel verwacht', 'Looptijd'],
      ['evaluatie_achterstand', 'evaluatie', 'Al maanden geen evaluatie', 'Sinds evaluatie'],
    ] as const
  ).map(([kenmerk, sleutel, titel, dagenLabel]): Tabel => ({
    sleutel: `uitschieters_${sleutel}`,
    titel,
    totaal: d.uitschieters[sleutel].aantal,
    kolommen: [
      { sleutel: 'naam', label: 'Jeugdige', soort: 'tekst' },
      { sleutel: 'aanbieder', label: 'Aanbieder', soort: 'tekst' },
      { sleutel: 'zorgprofiel', label: 'Zorgprofiel', soort: 'tekst' },
      { sleutel: 'start', label: 'Start', soort: 'datum' },
      { sleutel: 'dagen', label: dagenLabel, soort: 'dagen' },
      { sleutel: 'grens', label: 'Verwacht', soort: 'dagen' },
    ],
    rijen: d.uitschieters[sleutel].rijen.map((r) => ({
      gezinId: r.gezinId,
      waarden: {
        naam: r.naam,
        aanbieder: r.aanbieder,
        zorgprofiel: r.zorgprofiel
          ? ZORGPROFIEL_CATEGORIEEN.labels[r.zorgprofiel as 'acuut']
          : null,
        start: r.startdatum,
        dagen: r.dagen,
        grens: r.grensDagen,
      },
      doorklik: { naam: tw(kenmerk) },
    })),
  }));
}

/** The aanbieders near their budgetplafond (the region's forecast). */
function plafondTabel(d: Dashboard): Tabel {
  return {
    sleutel: 'plafond',
    titel: 'Aanbieders bij hun budgetplafond (regio)',
    totaal: d.uitschieters.plafond.aantal,
    kolommen: [
      { sleutel: 'naam', label: 'Aanbieder', soort: 'tekst' },
      { sleutel: 'plafond', label: 'Budgetplafond', soort: 'bedrag' },
      { sleutel: 'prognose', label: 'Prognose regio', soort: 'bedrag' },
      { sleutel: 'benut', label: 'Benut', soort: 'procent' },
      { sleutel: 'stop', label: 'Cliëntenstop', soort: 'tekst' },
      { sleutel: 'team', label: 'Gecommitteerd door dit team', soort: 'bedrag' },
    ],
    rijen: d.uitschieters.plafond.rijen.map((a) => ({
      waarden: {
        naam: a.naam,
        plafond: a.plafondCents,
        prognose: a.prognoseRegioCents,
        benut: a.plafondCents ? a.prognoseRegioCents / a.plafondCents : null,
        stop: a.clientenstop ? 'ja' : 'nee',
        team: a.gecommitteerdCents,
      },
      doorklik: { team: { bron: 'toewijzingen', dimensie: 'aanbieder', sleutel: a.aanbiederId } },
    })),
  };
}

/** Waiting time and outcomes per aanbieder. */
function aanbiedersTabel(d: Dashboard): Tabel {
  return {
    sleutel: 'aanbieders',
    titel: 'Wachttijd en uitkomsten per aanbieder',
    kolommen: [
      { sleutel: 'naam', label: 'Aanbieder', soort: 'tekst' },
      { sleutel: 'gestart', label: 'Gestart', soort: 'aantal' },
      { sleutel: 'wacht', label: 'Gem. wachttijd', soort: 'dagen' },
      { sleutel: 'langste', label: 'Langste wachttijd', soort: 'dagen' },
      { sleutel: 'wachtend', label: 'Wacht nu', soort: 'aantal' },
      { sleutel: 'beeindigd', label: 'Beëindigd', soort: 'aantal' },
      { sleutel: 'doelen', label: 'Doelen behaald', soort: 'procent' },
      { sleutel: 'uitval', label: 'Uitval', soort: 'procent' },
      { sleutel: 'oordeel', label: 'Oordeel gezin', soort: 'tekst' },
    ],
    rijen: d.aanbieders.map((a) => ({
      waarden: {
        naam: a.naam,
        gestart: a.gestart,
        wacht: a.gestart ? Math.round(a.wachtdagenTotaal / a.gestart) : null,
        langste: a.gestart ? a.langsteWachtDagen : null,
        wachtend: a.wachtend,
        beeindigd: a.beeindigd,
        doelen: a.doelenBeoordeeld ? a.doelenBehaald / a.doelenBeoordeeld : null,
        uitval: a.beeindigd ? a.uitval / a.beeindigd : null,
        oordeel: a.oordelen ? (a.oordeelSom / a.oordelen).toFixed(1).replace('.', ',') : null,
      },
      doorklik: {
        gestart: tw('gestart', { aanbiederId: a.aanbiederId }),
        wachtend: tw('wachtend', { aanbiederId: a.aanbiederId }),
        beeindigd: tw('beeindigd', { aanbiederId: a.aanbiederId }),
        uitval: tw('uitval', { aanbiederId: a.aanbiederId }),
      },
    })),
  };
}
