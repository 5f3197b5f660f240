/**
 * The conflicts screen's data: free-text fields two people changed at the same time (both
 * versions kept), and changes the central service refused (kept locally, with the reason).
 * Resolving writes the chosen or combined text as a new version that replaces all it saw.
 */
import { eq } from 'drizzle-orm';
import { professionals } from '../../db/schema';
import { syncTabel } from '../../db/sync-tabellen';
import type { ConflictOplossen, SyncOverzicht } from '../../shared/api-sync';
import { decodeHlc } from '../../shared/hlc';
import { conflictenVan, uitOpslag } from '../../shared/sync/rij';
import type { z } from 'zod';
import { gezinVoor, raakGezin } from '../access';
import { ApiError } from '../api-error';
import type { Ctx } from '../context';
import { professionalNamen } from '../services/profielen';
import { leesRegisters } from './registers';

const ONDERDELEN: Record<string, string> = {
  gezinnen: 'Gezin',
  gezinsleden: 'Gezinslid',
  netwerkleden: 'Netwerk',
  gezinsplannen: 'Gezinsplan',
  gezinsplan_domeinen: 'Leefdomein',
  afspraken: 'Afspraak',
  actieplannen: 'Actieplan',
  doelen: 'Doel',
  evaluaties: 'Evaluatie',
  akkoorden: 'Akkoord',
  overdrachten: 'Overdracht',
  budget_wijzigingen: 'Budgetwijziging',
};

const VELDEN: Record<string, string> = {
  adres: 'Adres',
  oordeelGezin: 'Oordeel van het gezin',
  rolInPlan: 'Rol in het plan',
  eigenWoorden: 'In eigen woorden',
  toekomstplan: 'Toekomstplan',
  situatie: 'Situatie',
  doel: 'Doel',
  wat: 'Wat',
  wie: 'Wie',
  hulpvraag: 'Hulpvraag',
  problemen: 'Problemen',
  eigenKracht: 'Eigen kracht',
  netwerk: 'Netwerk',
  voorliggend: 'Voorliggend veld',
  omschrijving: 'Omschrijving',
  meetbaar: 'Meetbaar',
  toelichting: 'Toelichting',
  reden: 'Reden',
};

const onderdeel = (tabel: string) => ONDERDELEN[tabel] ?? tabel;
const veldLabel = (veld: string) => VELDEN[veld] ?? veld;

/** The family a row belongs to, following its parents (null for budget rows). */
function gezinVan(ctx: Ctx, tabel: string, rijId: string): { id: string; naam: string } | null {
  let spec = syncTabel(tabel);
  let id: string | undefined = rijId;
  while (spec && id) {
    const rij = ctx.sqlite.prepare(`SELECT * FROM "${spec.naam}" WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined;
    if (!rij) return null;
    if (spec.naam === 'gezinnen') return { id, naam: rij.naam as string };
    if (!spec.ouder) return null;
    const kolom = spec.ouder.veld.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    id = rij[kolom] as string | undefined;
    spec = syncTabel(spec.ouder.tabel);
  }
  return null;
}

export function syncOverzicht(ctx: Ctx): SyncOverzicht {
  const namen = professionalNamen(ctx.db);
  const rijen = ctx.sqlite
    .prepare<[], { tabel: string; rijId: string; registers: string }>(
      'SELECT tabel, rij_id AS rijId, registers FROM sync_registers WHERE conflict = 1',
    )
    .all();
  const conflicten: SyncOverzicht['conflicten'] = [];
  for (const r of rijen) {
    const spec = syncTabel(r.tabel);
    if (!spec || spec.soort !== 'team') continue;
    const gezin = gezinVan(ctx, r.tabel, r.rijId);
    if (gezin) raakGezin(ctx, gezin.id);
    for (const c of conflictenVan(uitOpslag(r.registers), spec.vrijeTekst))
      conflicten.push({
        tabel: r.tabel,
        rijId: r.rijId,
        veld: c.veld,
        onderdeel: onderdeel(r.tabel),
        veldLabel: veldLabel(c.veld),
        gezinId: gezin?.id ?? null,
        gezinNaam: gezin?.naam ?? null,
        versies: [c.huidig, ...c.anders].map((v) => ({
          hlc: v.hlc,
          waarde: v.waarde === null ? null : String(v.waarde),
          auteur: namen.get(v.auteur) ?? 'Onbekend',
          op: new Date(decodeHlc(v.hlc).wallMs).toISOString(),
          huidig: v === c.huidig,
        })),
      });
  }
  const geweigerd = ctx.sqlite
    .prepare<
      [],
      { changeId: string; tabel: string; fields: string; geweigerd: string; createdAt: string }
    >(
      `SELECT change_id AS changeId, table_name AS tabel, fields, geweigerd, created_at AS createdAt
       FROM outbox WHERE geweigerd IS NOT NULL ORDER BY outbox.rowid`,
    )
    .all()
    .map((g) => ({
      wijzigingId: g.changeId,
      onderdeel: onderdeel(g.tabel),
      velden: Object.keys(JSON.parse(g.fields) as object).map(veldLabel),
      reden: g.geweigerd,
      op: g.createdAt,
    }));
  return { conflicten, geweigerd };
}

export function conflictOplossen(
  ctx: Ctx,
  input: z.output<typeof ConflictOplossen>,
): SyncOverzicht {
  const spec = syncTabel(input.tabel);
  if (!spec || spec.soort !== 'team' || !spec.vrijeTekst.includes(input.veld))
    throw new ApiError('niet-gevonden', 'Dit conflict bestaat niet (meer).');
  const t = spec.tabel as typeof professionals;
  const rij = ctx.db.select().from(t).where(eq(t.id, input.rijId)).get();
  const registers = leesRegisters(ctx.sqlite, spec.naam, input.rijId, rij);
  if (!rij || conflictenVan(registers, [input.veld]).length === 0)
    throw new ApiError('conflict', 'Dit conflict is al opgelost; bekijk de actuele tekst.');
  // Choosing the text is a change like any other: for those who work with the family.
  const gezin = gezinVan(ctx, spec.naam, input.rijId);
  if (gezin) gezinVoor(ctx, gezin.id, { schrijven: true });
  ctx.write.update(
    spec.tabel as typeof professionals,
    input.rijId,
    { [input.veld]: input.waarde },
    {
      altijd: true,
    },
  );
  return syncOverzicht(ctx);
}
