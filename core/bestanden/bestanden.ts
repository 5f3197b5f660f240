/**
 * `bestand.exporteren`: a dashboard table (CSV, XLSX), the plan documents and the AVG inzage
 * (PDF), a toewijzing as its JW301 message. Each goes through the API methods that show the
 * same data, so their access checks apply and reading is logged; the file itself is logged as
 * printed or exported (NEN 7513).
 */
import type { ApiMethod, ApiResult } from '../../shared/api';
import type { Tabel } from '../../shared/api';
import type { Bestand, BestandExport } from '../../shared/api';
import { ApiError } from '../api-error';
import { actieplanVoor } from '../access';
import { inzageNaarPdf } from '../audit/inzage-pdf';
import { xsdFouten } from '../ijw/xsd';
import type { ReadCtx } from '../context';
import type { Roep } from '../handler';
import { dashboardTabellen, kiesTabel, tabelNaarCsv, tabelNaarXlsx } from './export';
import { actieplanNaarPdf } from '../plan-pdf/actieplan-pdf';
import { gezinsplanNaarPdf } from '../plan-pdf/gezinsplan-pdf';
import { keuzehulpNaarPdf } from '../plan-pdf/keuzehulp-pdf';
import { ZORGPROFIEL_CATEGORIEEN } from '../../shared/domain';
import { zoekAanbieders } from '../../shared/keuzehulp';
import { professionalNamen } from '../sessie/profielen';
import { inTransaction } from '../../db/transaction';

function data<M extends ApiMethod>(result: ApiResult<M>) {
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.field);
  return result.data;
}

const alsBestand = (naam: string, mime: string, bytes: Uint8Array): Bestand => ({
  naam,
  mime,
  inhoud: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
});

/** What every kind of export needs: the caller's context, the other methods, the moment. */
interface Export {
  ctx: ReadCtx;
  roep: Roep;
  gemaaktOp: Date;
  datum: string;
  /** The file itself, printed or exported, in the access log (NEN 7513). */
  logRegel(gezinId: string | null, actie: 'printen' | 'exporteren', onderdeel: string): void;
}

type Vraag<S> = Extract<BestandExport, { soort: S }>;

/** A dashboard table, or the rows behind a figure, as CSV or XLSX. */
async function tabelBestand(
  { roep, logRegel }: Export,
  vraag: Exclude<BestandExport, { soort: string }>,
): Promise<Bestand> {
  const { filter, tabel: sleutel, doorklik, formaat } = vraag;
  let tabel: Tabel | undefined;
  if (sleutel === 'regels') {
    if (!doorklik) throw new ApiError('ongeldige-invoer', 'Kies eerst een cijfer.');
    tabel = data(roep('budget.regels', { filter, doorklik }));
  } else {
    tabel = kiesTabel(dashboardTabellen(data(roep('budget.dashboard', filter))), sleutel);
  }
  if (!tabel) throw new ApiError('niet-gevonden', 'Deze tabel bestaat niet.');
  const bytes = formaat === 'csv' ? tabelNaarCsv(tabel) : await tabelNaarXlsx(tabel);
  logRegel(null, 'exporteren', `export:${sleutel}:${formaat}`);
  return alsBestand(
    `eenplan-${bestandsDeel(tabel.titel)}-${filter.jaar}.${formaat}`,
    formaat === 'csv'
      ? 'text/csv; charset=utf-8'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes,
  );
}

/** The AVG inzage as a letter (PDF); `gezin.inzage` logs the reading itself. */
async function inzageBestand({ ctx, roep }: Export, vraag: Vraag<'inzage'>): Promise<Bestand> {
  const inzage = data(roep('gezin.inzage', { gezinId: vraag.gezinId }));
  const naam = String(inzage.onderdelen.gezinnen?.[0]?.naam ?? 'gezin');
  return alsBestand(
    `eenplan-inzage-${inzage.gemaaktOp.slice(0, 10)}.pdf`,
    'application/pdf',
    await inzageNaarPdf(inzage, naam, professionalNamen(ctx.db)),
  );
}

/** A toewijzing as its JW301 message, valid against the official XSD. */
async function jw301Bestand({ roep }: Export, vraag: Vraag<'jw301'>): Promise<Bestand> {
  const bericht = data(roep('toewijzing.jw301', { id: vraag.toewijzingId }));
  // Offered only as the gemeente's message hub will take it: valid against the official XSD.
  const fouten = await xsdFouten(bericht.xml, 'jw301');
  if (fouten.length > 0)
    throw new ApiError(
      'ongeldige-invoer',
      `Deze toewijzing past niet in een JW301-bericht (iJw 3.2): ${fouten.join('; ')}. Pas de gegevens aan en probeer het opnieuw.`,
    );
  return alsBestand(bericht.bestandsnaam, 'application/xml', new TextEncoder().encode(bericht.xml));
}

/** The keuzehulp's comparison of aanbieders as the family saw it (PDF). */
async function keuzehulpBestand(
  { ctx, roep, gemaaktOp, datum, logRegel }: Export,
  vraag: Vraag<'keuzehulp'>,
): Promise<Bestand> {
  const gezinId = actieplanVoor(ctx, vraag.actieplanId).gezin.id;
  const { gezin, actieplannen } = data(roep('gezin.dossier', { gezinId }));
  const plan = actieplannen.find((p) => p.id === vraag.actieplanId)!;
  const zoek = vraag.zoek ?? '';
  const keuze = data(roep('aanbieders.voorProfiel', { actieplanId: plan.id }));
  const bytes = await keuzehulpNaarPdf({
    jeugdigeNaam: plan.jeugdigeNaam,
    gezinNaam: gezin.naam,
    zorgprofiel: plan.zorgprofiel
      ? ZORGPROFIEL_CATEGORIEEN.labels[plan.zorgprofiel.categorie]
      : null,
    zoek,
    // The aanbieders the family saw: the same search as on screen.
    aanbieders: zoekAanbieders(keuze, zoek),
    gemaaktOp,
  });
  logRegel(gezin.id, 'printen', 'pdf:keuzehulp');
  return alsBestand(
    `aanbieders-vergelijken-${bestandsDeel(plan.jeugdigeNaam)}-${datum}.pdf`,
    'application/pdf',
    bytes,
  );
}

/** The gezinsplan or an actieplan as a document (PDF). */
async function planBestand(
  { roep, gemaaktOp, datum, logRegel }: Export,
  vraag: Vraag<'gezinsplan' | 'actieplan'>,
): Promise<Bestand> {
  const { gezin, actieplannen } = data(roep('gezin.dossier', { gezinId: vraag.gezinId }));
  let bytes: Uint8Array;
  let naam: string;
  if (vraag.soort === 'gezinsplan') {
    const plan = data(roep('gezinsplan.ophalen', { gezinId: vraag.gezinId }));
    bytes = await gezinsplanNaarPdf({
      plan,
      gezinNaam: gezin.naam,
      regisseurNaam: gezin.regisseurNaam,
      gemaaktOp,
    });
    naam = `gezinsplan-${bestandsDeel(gezin.naam)}-${datum}.pdf`;
  } else {
    const plan = actieplannen.find((p) => p.id === vraag.actieplanId);
    if (!plan) throw new ApiError('niet-gevonden', 'Dit actieplan hoort niet bij dit gezin.');
    bytes = await actieplanNaarPdf({
      plan,
      gezinNaam: gezin.naam,
      regisseurNaam: gezin.regisseurNaam,
      gemaaktOp,
    });
    naam = `actieplan-${bestandsDeel(plan.jeugdigeNaam)}-${datum}.pdf`;
  }
  logRegel(gezin.id, 'printen', `pdf:${vraag.soort}`);
  return alsBestand(naam, 'application/pdf', bytes);
}

export async function bestandExporteren(
  ctx: ReadCtx,
  vraag: BestandExport,
  roep: Roep,
): Promise<Bestand> {
  const ex: Export = {
    ctx,
    roep,
    gemaaktOp: new Date(ctx.now()),
    datum: ctx.today(),
    logRegel: (gezinId, actie, onderdeel) =>
      inTransaction(ctx.sqlite, () =>
        ctx.toegangslog.schrijf(ctx.session.professionalId, [{ actie, gezinId, onderdeel }]),
      ),
  };
  if (!('soort' in vraag)) return tabelBestand(ex, vraag);
  if (vraag.soort === 'inzage') return inzageBestand(ex, vraag);
  if (vraag.soort === 'jw301') return jw301Bestand(ex, vraag);
  if (vraag.soort === 'keuzehulp') return keuzehulpBestand(ex, vraag);
  return planBestand(ex, vraag);
}

/** A title as part of a file name: lower case, ASCII, words joined by hyphens. */
function bestandsDeel(titel: string): string {
  return titel
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
