/**
 * The conflicts screen's data: free-text fields two people changed at the same time (both
 * versions kept, also when one of them deleted the row), changes the central service refused
 * (kept locally, with the reason and the text itself) and rows from the service this laptop
 * could not store (quarantine). Resolving writes the chosen or combined text as a new version
 * that replaces all it saw, and can bring a deleted row back.
 */
import { eq } from 'drizzle-orm';
import { professionals } from '../../db/schema';
import { syncTabel } from '../../db/sync-tabellen';
import type { ConflictOplossen, SyncOverzicht } from '../../shared/api';
import { decodeHlc } from '../../shared/hlc';
import { onderdeel, veldLabel } from '../../shared/sync/labels';
import { conflictenVan, uitOpslag, waardenVan } from '../../shared/sync/rij';
import type { z } from 'zod';
import { gezinVoor, raakGezin } from '../access';
import { ApiError } from '../api-error';
import type { Ctx, ReadCtx } from '../context';
import { professionalNamen } from '../sessie/profielen';
import { inQuarantaine } from './quarantaine';
import { leesRegisters } from './registers';

/** The family a row belongs to, following its parents (null for budget rows). */
function gezinVan(ctx: ReadCtx, tabel: string, rijId: string): { id: string; naam: string } | null {
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

export function syncOverzicht(ctx: ReadCtx): SyncOverzicht {
  const namen = professionalNamen(ctx.db);
  const rijen = ctx.sqlite
    .prepare<[], { tabel: string; rijId: string; registers: string }>(
      'SELECT tabel, rij_id AS rijId, registers FROM sync_registers WHERE conflict = 1',
    )
    .all();
  const conflicten: SyncOverzicht['conflicten'] = [];
  const verwijderd = (tabel: string, rijId: string) =>
    Boolean(ctx.sqlite.prepare(`SELECT 1 FROM "${tabel}" WHERE id = ? AND deleted = 1`).get(rijId));
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
        verwijderd: verwijderd(r.tabel, r.rijId),
      });
  }
  return {
    conflicten,
    geweigerd: geweigerdeWijzigingen(ctx),
    quarantaine: inQuarantaineOverzicht(ctx),
  };
}

/** Changes the service refused, with what was typed in them. */
function geweigerdeWijzigingen(ctx: ReadCtx): SyncOverzicht['geweigerd'] {
  return ctx.sqlite
    .prepare<
      [],
      { changeId: string; tabel: string; fields: string; geweigerd: string; createdAt: string }
    >(
      `SELECT change_id AS changeId, table_name AS tabel, fields, geweigerd, created_at AS createdAt
     FROM outbox WHERE geweigerd IS NOT NULL ORDER BY outbox.rowid`,
    )
    .all()
    .map((g) => {
      const velden = JSON.parse(g.fields) as Record<string, { waarde: unknown }>;
      return {
        wijzigingId: g.changeId,
        onderdeel: onderdeel(g.tabel),
        velden: Object.keys(velden).map(veldLabel),
        teksten: getypt(
          g.tabel,
          Object.fromEntries(Object.entries(velden).map(([k, v]) => [k, v.waarde])),
        ),
        reden: g.geweigerd,
        op: g.createdAt,
      };
    });
}

/** Rows this laptop could not store (ADR 0003), with the family they belong to. */
function inQuarantaineOverzicht(ctx: ReadCtx): SyncOverzicht['quarantaine'] {
  return inQuarantaine(ctx.sqlite).flatMap((q) => {
    const spec = syncTabel(q.tabel);
    if (!spec || spec.soort !== 'team') return [];
    const { waarden } = waardenVan(q.registers);
    // Not in its table: the family is found from the parent its values name.
    const ouderId = spec.ouder ? waarden[spec.ouder.veld] : undefined;
    const gezin =
      spec.naam === 'gezinnen'
        ? { naam: String(waarden.naam ?? '') }
        : spec.ouder && typeof ouderId === 'string'
          ? gezinVan(ctx, spec.ouder.tabel, ouderId)
          : null;
    return [
      {
        tabel: q.tabel,
        rijId: q.rijId,
        onderdeel: onderdeel(q.tabel),
        gezinNaam: gezin?.naam ?? null,
        reden: q.reden,
        teksten: getypt(q.tabel, waarden),
      },
    ];
  });
}

/** The text in a change or row, as a person reads it: its free text, else every value. */
function getypt(tabel: string, waarden: Record<string, unknown>) {
  const vrij = syncTabel(tabel)?.vrijeTekst ?? [];
  const velden = Object.keys(waarden).filter((v) => vrij.includes(v));
  const getoond = velden.length > 0 ? velden : Object.keys(waarden).filter((v) => v !== 'deleted');
  return getoond
    .filter((v) => waarden[v] !== null && waarden[v] !== '')
    .map((v) => ({ veld: veldLabel(v), tekst: String(waarden[v]) }));
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
  if (input.herstellen) ctx.write.herstel(spec.tabel as typeof professionals, input.rijId);
  return syncOverzicht(ctx);
}
