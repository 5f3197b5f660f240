/**
 * The beheerder keeps the sociale kaart on the central service. Each change is written as an
 * ordinary reference-data change through the push path (merge, log line, checksum), so laptops
 * receive it with their next sync like any other reference data, and its history is the log.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { REFERENTIE_SCOPE } from '../../db/sync-tabellen';
import { VOORZIENING_SOORTEN } from '../../shared/domain';
import { decodeHlc, encodeHlc } from '../../shared/hlc';
import type { Wijziging } from '../../shared/sync/protocol';
import { uitOpslag, waardenVan, type RijRegisters } from '../../shared/sync/rij';
import type { ServerDb } from '../db/connection';
import { ServiceError } from '../http/errors';
import { verwerkPush, type Aanroeper } from './push';
import { rijenIn } from './pull';

const TABEL = 'sociale_voorzieningen';

const velden = {
  naam: z.string().trim().min(1).max(120),
  soort: z.enum(VOORZIENING_SOORTEN.codes),
  aanbod: z.string().trim().min(1).max(1_000),
  contact: z.string().trim().min(1).max(300),
  gratis: z.boolean(),
};
export const NieuweVoorziening = z.object({ gemeenteId: z.string().uuid(), ...velden }).strict();
export const VoorzieningWijzigen = z
  .object({ ...velden, actief: z.boolean() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Geef aan wat er verandert' });
export const VoorzieningParams = z.object({ id: z.string().uuid() }).strict();
export const VoorzieningVraag = z.object({ gemeenteId: z.string().uuid().optional() }).strict();

async function huidig(db: ServerDb, tabel: string) {
  const rijen = await rijenIn(db, REFERENTIE_SCOPE, [tabel]);
  return new Map(rijen.map((r) => [r.rijId, uitOpslag(r.registers)]));
}

export async function voorzieningenLijst(db: ServerDb, gemeenteId?: string) {
  const uit: Record<string, unknown>[] = [];
  for (const [id, registers] of await huidig(db, TABEL)) {
    const { waarden } = waardenVan(registers);
    if (waarden.deleted === true) continue;
    if (gemeenteId && waarden.gemeenteId !== gemeenteId) continue;
    uit.push({ id, ...waarden });
  }
  return uit.sort((a, b) => String(a.naam).localeCompare(String(b.naam), 'nl'));
}

/** One change by the beheerder: every field it sets replaces what was there (it saw it). */
async function schrijf(
  db: ServerDb,
  beheerder: Aanroeper,
  rijId: string,
  bestaand: RijRegisters | undefined,
  waarden: Record<string, string | boolean>,
  nu: Date,
) {
  // After every version the row holds, so the beheerder's edit wins as the newest.
  let wall = nu.getTime();
  for (const register of Object.values(bestaand ?? {}))
    for (const kop of register.koppen) wall = Math.max(wall, decodeHlc(kop.hlc).wallMs + 1);
  const wijziging: Wijziging = {
    wijzigingId: randomUUID(),
    tabel: TABEL,
    rijId,
    hlc: encodeHlc({ wallMs: wall, counter: 0, node: 'dienst' }),
    auteur: beheerder.gebruikerId,
    velden: Object.fromEntries(
      Object.entries(waarden).map(([veld, waarde]) => [
        veld,
        { waarde, basis: (bestaand?.[veld]?.koppen ?? []).map((k) => k.hlc) },
      ]),
    ),
  };
  await verwerkPush(db, beheerder, [wijziging], nu);
}

export async function voorzieningToevoegen(
  db: ServerDb,
  beheerder: Aanroeper,
  invoer: z.infer<typeof NieuweVoorziening>,
  nu: Date,
): Promise<string> {
  if (!(await huidig(db, 'gemeenten')).has(invoer.gemeenteId))
    throw new ServiceError(400, 'ongeldige-wijziging', 'Deze gemeente bestaat niet.');
  const id = randomUUID();
  await schrijf(db, beheerder, id, undefined, { ...invoer, actief: true }, nu);
  return id;
}

export async function voorzieningWijzigen(
  db: ServerDb,
  beheerder: Aanroeper,
  id: string,
  invoer: z.infer<typeof VoorzieningWijzigen>,
  nu: Date,
): Promise<void> {
  const bestaand = (await huidig(db, TABEL)).get(id);
  if (!bestaand)
    throw new ServiceError(404, 'ongeldige-wijziging', 'Deze voorziening bestaat niet.');
  await schrijf(db, beheerder, id, bestaand, invoer as Record<string, string | boolean>, nu);
}
