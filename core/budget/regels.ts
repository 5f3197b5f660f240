/** The rows behind a dashboard figure (every figure clicks through to these). */
import type { DashboardFilter, Doorklik, Tabel } from '../../shared/api';
import { DIMENSIE_LABELS } from '../../shared/budget';
import { gecommitteerdInJaar, raaktJaar } from '../../shared/cost';
import { TOEWIJZING_STATUSSEN, ZORGPROFIEL_CATEGORIEEN } from '../../shared/domain';
import type { ReadCtx } from '../context';
import { groepLabel, laadNamen, sleutelVan } from './groepen';
import { laadFeiten, namenVanJeugdigen, scopeParams, sojScope } from './feiten';
import { stmt } from '../prepared';
import { kenmerkSets, peildatumVoor } from './kenmerken';
import { actieplanFeiten } from './kpis';
import { controleerCijferToegang } from './toegang';

/** Click-through lists stop here; the table says how many there are in all. */
export const REGELS_MAX = 500;

const AFGESCHERMD = '(afgeschermd)';

export function titelVan(d: Doorklik, namen: ReturnType<typeof laadNamen>): string {
  const delen: string[] = [];
  if (d.dimensie && d.sleutel !== undefined)
    delen.push(`${DIMENSIE_LABELS[d.dimensie]}: ${groepLabel(d.dimensie, d.sleutel, namen)}`);
  if (d.periode) delen.push(`periode ${d.periode.slice(5)}-${d.periode.slice(0, 4)}`);
  if (d.aanbiederId) delen.push(namen.aanbieder.get(d.aanbiederId) ?? 'aanbieder');
  if (d.onbekend) delen.push('niet gekoppeld');
  const bron = { toewijzingen: 'Toewijzingen', soj: 'SOJ-regels', actieplannen: 'Actieplannen' };
  return [bron[d.bron], ...delen].join(' · ');
}

function toewijzingRegels(ctx: ReadCtx, filter: DashboardFilter, d: Doorklik): Tabel {
  const feiten = laadFeiten(ctx, filter);
  const jaar = filter.jaar;
  const sets = d.kenmerk
    ? kenmerkSets(feiten, { jaar, peildatum: peildatumVoor(jaar, ctx.today()) })
    : null;
  const gekozen = feiten.toewijzingen.filter(
    (f) =>
      (d.kenmerk && d.kenmerk !== 'zonder_jeugdhulp' && d.kenmerk !== 'actieplan_afgerond'
        ? sets!.sets.get(d.kenmerk)!.has(f.id)
        : raaktJaar(f, jaar)) &&
      (!d.dimensie || sleutelVan(f, d.dimensie) === (d.sleutel ?? null)) &&
      (!d.gezinslidId || f.gezinslidId === d.gezinslidId) &&
      (!d.aanbiederId || f.aanbiederId === d.aanbiederId),
  );
  const gerealiseerd = new Map<string, number>();
  for (const r of feiten.realisatie)
    if (r.toewijzingId)
      gerealiseerd.set(r.toewijzingId, (gerealiseerd.get(r.toewijzingId) ?? 0) + r.cents);
  const rows = gekozen
    .map((f) => ({ f, c: gecommitteerdInJaar(f, jaar).cents }))
    .sort((a, b) => b.c - a.c || a.f.id.localeCompare(b.f.id));
  const shown = rows.slice(0, REGELS_MAX);
  const namen = laadNamen(ctx);
  const jeugdigen = namenVanJeugdigen(
    ctx,
    shown.map((r) => r.f.gezinslidId),
  );
  const metDossier = ctx.session.rol !== 'beheerder';
  return {
    sleutel: 'regels',
    titel: titelVan(d, namen),
    kolommen: [
      { sleutel: 'jeugdige', label: 'Jeugdige', soort: 'tekst' },
      { sleutel: 'aanbieder', label: 'Aanbieder', soort: 'tekst' },
      { sleutel: 'product', label: 'Product', soort: 'tekst' },
      { sleutel: 'zorgprofiel', label: 'Zorgprofiel', soort: 'tekst' },
      { sleutel: 'status', label: 'Status', soort: 'tekst' },
      { sleutel: 'start', label: 'Start', soort: 'datum' },
      { sleutel: 'eind', label: 'Eind', soort: 'datum' },
      { sleutel: 'gecommitteerd', label: `Gecommitteerd ${jaar}`, soort: 'bedrag' },
      { sleutel: 'gerealiseerd', label: `Gerealiseerd ${jaar}`, soort: 'bedrag' },
    ],
    rijen: shown.map(({ f, c }) => ({
      gezinId: metDossier ? f.gezinId : null,
      waarden: {
        jeugdige: jeugdigen.get(f.gezinslidId) ?? AFGESCHERMD,
        aanbieder: namen.aanbieder.get(f.aanbiederId) ?? 'Onbekende aanbieder',
        product: f.productcode,
        zorgprofiel: f.zorgprofiel ? ZORGPROFIEL_CATEGORIEEN.labels[f.zorgprofiel] : null,
        status: TOEWIJZING_STATUSSEN.labels[f.status],
        start: f.startdatum,
        eind: f.eind,
        gecommitteerd: c,
        gerealiseerd: gerealiseerd.get(f.id) ?? 0,
      },
    })),
    totaal: rows.length,
  };
}

/** SQL for a dimension's key over a SOJ line `s` joined as in sojRegels below. */
const SOJ_DIMENSIE_SQL = {
  perceel: 's.perceel',
  zorgprofiel: 'z.categorie',
  aanbieder: 'a.id',
  verwijzer: 's.verwijzer',
  regisseur: 'g.regisseur_id',
} as const;

function sojRegels(ctx: ReadCtx, filter: DashboardFilter, d: Doorklik): Tabel {
  const where = [sojScope(filter)];
  if (d.dimensie) where.push(`${SOJ_DIMENSIE_SQL[d.dimensie]} IS @sleutel`);
  if (d.periode) where.push('s.periode = @periode');
  if (d.gezinslidId) where.push('s.gezinslid_id = @gezinslidId');
  if (d.aanbiederId) where.push('a.id = @aanbiederId');
  if (d.onbekend) where.push('s.toewijzing_id IS NULL');
  const from = `FROM soj_regels s
    LEFT JOIN aanbieders a ON a.agb_code = s.aanbieder_agb
    LEFT JOIN toewijzingen t ON t.id = s.toewijzing_id
    LEFT JOIN zorgprofielen z ON z.id = t.zorgprofiel_id
    LEFT JOIN gezinsleden l ON l.id = s.gezinslid_id
    LEFT JOIN gezinnen g ON g.id = l.gezin_id
   WHERE ${where.join(' AND ')}`;
  const params = {
    ...scopeParams(filter, `${filter.jaar}-01-01`, `${filter.jaar}-12-31`),
    sleutel: d.sleutel ?? null,
    periode: d.periode ?? null,
    gezinslidId: d.gezinslidId ?? null,
    aanbiederId: d.aanbiederId ?? null,
  };
  const used = Object.fromEntries(Object.entries(params).filter(([k]) => from.includes(`@${k}`)));
  const { n } = stmt(ctx, `SELECT count(*) AS n ${from}`).get(used) as { n: number };
  const rows = stmt(
    ctx,
    `SELECT s.id, s.periode, s.client_ref, s.gezinslid_id, l.gezin_id, s.productcode,
            a.naam AS aanbieder, s.startdatum, s.einddatum, s.volume, s.bedrag_cents,
            s.toewijzing_id
     ${from} ORDER BY s.bedrag_cents DESC, s.id LIMIT ${REGELS_MAX}`,
  ).all(used) as {
    periode: string;
    client_ref: string;
    gezinslid_id: string | null;
    gezin_id: string | null;
    productcode: string;
    aanbieder: string | null;
    startdatum: string;
    einddatum: string | null;
    volume: number;
    bedrag_cents: number;
    toewijzing_id: string | null;
  }[];
  const jeugdigen = namenVanJeugdigen(
    ctx,
    rows.map((r) => r.gezinslid_id).filter((x): x is string => x !== null),
  );
  const metDossier = ctx.session.rol !== 'beheerder';
  return {
    sleutel: 'regels',
    titel: titelVan(d, laadNamen(ctx)),
    kolommen: [
      { sleutel: 'client', label: 'Cliënt', soort: 'tekst' },
      { sleutel: 'periode', label: 'Periode', soort: 'tekst' },
      { sleutel: 'product', label: 'Product', soort: 'tekst' },
      { sleutel: 'aanbieder', label: 'Aanbieder', soort: 'tekst' },
      { sleutel: 'start', label: 'Van', soort: 'datum' },
      { sleutel: 'eind', label: 'Tot', soort: 'datum' },
      { sleutel: 'volume', label: 'Volume', soort: 'aantal' },
      { sleutel: 'bedrag', label: 'Bedrag', soort: 'bedrag' },
      { sleutel: 'gekoppeld', label: 'Gekoppeld', soort: 'tekst' },
    ],
    rijen: rows.map((r) => ({
      gezinId: metDossier ? r.gezin_id : null,
      waarden: {
        periode: `${r.periode.slice(5)}-${r.periode.slice(0, 4)}`,
        client:
          (r.gezinslid_id && jeugdigen.get(r.gezinslid_id)) ||
          (metDossier ? `Onbekend (${r.client_ref})` : AFGESCHERMD),
        product: r.productcode,
        aanbieder: r.aanbieder ?? 'Onbekende aanbieder',
        start: r.startdatum,
        eind: r.einddatum,
        volume: r.volume,
        bedrag: r.bedrag_cents,
        gekoppeld: r.toewijzing_id ? 'ja' : 'nee',
      },
    })),
    totaal: n,
  };
}

function actieplanRegels(ctx: ReadCtx, filter: DashboardFilter, d: Doorklik): Tabel {
  const plannen = actieplanFeiten(ctx, filter).filter(
    (p) => d.kenmerk !== 'zonder_jeugdhulp' || p.met_jeugdhulp === 0,
  );
  const shown = plannen.slice(0, REGELS_MAX);
  const metDossier = ctx.session.rol !== 'beheerder';
  const info = new Map(
    (
      stmt(
        ctx,
        `SELECT a.id, g.naam AS gezin, a.hulpvraag, a.afgerond_op FROM actieplannen a
           JOIN gezinnen g ON g.id = a.gezin_id WHERE a.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(shown.map((p) => p.id))) as Record<string, string>[]
    ).map((r) => [r.id, r]),
  );
  return {
    sleutel: 'regels',
    titel: titelVan(d, laadNamen(ctx)),
    kolommen: [
      { sleutel: 'gezin', label: 'Gezin', soort: 'tekst' },
      { sleutel: 'hulpvraag', label: 'Hulpvraag', soort: 'tekst' },
      { sleutel: 'afgerond', label: 'Afgerond op', soort: 'datum' },
      { sleutel: 'jeugdhulp', label: 'Met jeugdhulp', soort: 'tekst' },
    ],
    rijen: shown.map((p) => ({
      gezinId: metDossier ? p.gezin_id : null,
      waarden: {
        gezin: metDossier ? (info.get(p.id)?.gezin ?? '') : AFGESCHERMD,
        hulpvraag: metDossier ? (info.get(p.id)?.hulpvraag ?? '') : AFGESCHERMD,
        afgerond: info.get(p.id)?.afgerond_op ?? null,
        jeugdhulp: p.met_jeugdhulp ? 'ja' : 'nee',
      },
    })),
    totaal: plannen.length,
  };
}

export function regelsAchterCijfer(ctx: ReadCtx, filter: DashboardFilter, d: Doorklik): Tabel {
  controleerCijferToegang(ctx, filter);
  if (d.bron === 'soj') return sojRegels(ctx, filter, d);
  if (d.bron === 'actieplannen') return actieplanRegels(ctx, filter, d);
  return toewijzingRegels(ctx, filter, d);
}
