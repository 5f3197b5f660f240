/**
 * Which local tables sync, in which scope, and what their fields may hold. Built from the drizzle
 * schema, so client and server check changes against one definition. Reference data goes to
 * everyone and only a beheerder changes it; case data belongs to one team's scope, found through
 * the row's parent up to its family (or its own team field), so a family that moves to another
 * team (verhuizing) takes all its records along.
 * Not synced: the SOJ import (region data, read from the purchasing organisation's file), the
 * local access log, settings and the outbox itself.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { SYNC_KOLOMMEN } from '../shared/sync/rij';
import * as s from './schema';

export type ScopeSoort = 'referentie' | 'team';

export interface VeldSpec {
  soort: 'string' | 'number' | 'boolean';
  nullable: boolean;
  /** Must be in a row's first change (not null and no default). */
  verplicht: boolean;
  enumWaarden?: readonly string[];
}

export interface SyncTabel {
  naam: string;
  tabel: SQLiteTable;
  soort: ScopeSoort;
  /** Team tables: the field pointing at the parent row whose scope this row shares. */
  ouder?: { veld: string; tabel: string };
  /** Team tables without a parent: the field holding the team id. */
  teamVeld?: string;
  /** Free-text fields: concurrent edits become a conflict instead of a silent winner. */
  vrijeTekst: readonly string[];
  velden: ReadonlyMap<string, VeldSpec>;
}

function velden(tabel: SQLiteTable): Map<string, VeldSpec> {
  const uit = new Map<string, VeldSpec>();
  for (const [sleutel, kolom] of Object.entries(getTableColumns(tabel)) as [
    string,
    SQLiteColumn,
  ][]) {
    if (SYNC_KOLOMMEN.has(sleutel)) continue;
    uit.set(sleutel, {
      soort:
        kolom.dataType === 'boolean'
          ? 'boolean'
          : kolom.dataType === 'number'
            ? 'number'
            : 'string',
      nullable: !kolom.notNull,
      verplicht: kolom.notNull && !kolom.hasDefault,
      enumWaarden: kolom.enumValues?.length ? kolom.enumValues : undefined,
    });
  }
  return uit;
}

type Def = Omit<SyncTabel, 'naam' | 'velden' | 'vrijeTekst'> & { vrijeTekst?: string[] };

const ref = (tabel: SQLiteTable): Def => ({ tabel, soort: 'referentie' });
const kind = (
  tabel: SQLiteTable,
  veld: string,
  ouder: SQLiteTable,
  vrijeTekst?: string[],
): Def => ({
  tabel,
  soort: 'team',
  ouder: { veld, tabel: getTableName(ouder) },
  vrijeTekst,
});

/** In foreign-key order: parents before children (snapshots are sent in this order). */
const DEFINITIES: Def[] = [
  ref(s.gemeenten),
  ref(s.socialeVoorzieningen),
  ref(s.teams),
  ref(s.professionals),
  ref(s.aanbieders),
  ref(s.contracten),
  ref(s.producten),
  { tabel: s.gezinnen, soort: 'team', teamVeld: 'teamId', vrijeTekst: ['adres', 'oordeelGezin'] },
  kind(s.gezinsleden, 'gezinId', s.gezinnen),
  kind(s.netwerkleden, 'gezinId', s.gezinnen, ['rolInPlan']),
  kind(s.gezinsplannen, 'gezinId', s.gezinnen, ['eigenWoorden', 'toekomstplan']),
  kind(s.gezinsplanDomeinen, 'planId', s.gezinsplannen, ['situatie', 'doel']),
  kind(s.afspraken, 'planId', s.gezinsplannen, ['wat', 'wie']),
  kind(s.gezinsplanVersies, 'planId', s.gezinsplannen),
  kind(s.handtekeningen, 'planId', s.gezinsplannen),
  kind(s.actieplannen, 'gezinId', s.gezinnen, [
    'hulpvraag',
    'problemen',
    'eigenKracht',
    'netwerk',
    'voorliggend',
  ]),
  kind(s.doelen, 'actieplanId', s.actieplannen, ['omschrijving', 'meetbaar']),
  kind(s.ingezetteVoorzieningen, 'actieplanId', s.actieplannen),
  kind(s.zorgprofielen, 'actieplanId', s.actieplannen),
  kind(s.toewijzingen, 'gezinslidId', s.gezinsleden),
  kind(s.evaluaties, 'toewijzingId', s.toewijzingen, ['toelichting']),
  kind(s.doelScores, 'evaluatieId', s.evaluaties, ['toelichting']),
  kind(s.akkoorden, 'toewijzingId', s.toewijzingen, ['reden', 'toelichting']),
  kind(s.overdrachten, 'gezinId', s.gezinnen, ['reden']),
  kind(s.gezinMedewerkers, 'gezinId', s.gezinnen),
  kind(s.gespreksverslagen, 'gezinId', s.gezinnen, ['verslag']),
  kind(s.gespreksverslagVersies, 'verslagId', s.gespreksverslagen),
  kind(s.correcties, 'gezinId', s.gezinnen),
  kind(s.bezoeken, 'gezinId', s.gezinnen, ['onderwerp']),
  kind(s.doorgestuurdeTeksten, 'gezinId', s.gezinnen),
  { tabel: s.teambudgetten, soort: 'team', teamVeld: 'teamId' },
  { tabel: s.budgetWijzigingen, soort: 'team', teamVeld: 'teamId', vrijeTekst: ['toelichting'] },
];

export const SYNC_TABELLEN: readonly SyncTabel[] = DEFINITIES.map((d) => ({
  ...d,
  naam: getTableName(d.tabel),
  vrijeTekst: d.vrijeTekst ?? [],
  velden: velden(d.tabel),
}));

const OP_NAAM = new Map(SYNC_TABELLEN.map((t) => [t.naam, t]));

export function syncTabel(naam: string): SyncTabel | undefined {
  return OP_NAAM.get(naam);
}

/** Position in foreign-key order (parents first). */
export const TABEL_VOLGORDE = new Map(SYNC_TABELLEN.map((t, i) => [t.naam, i]));

export const REFERENTIE_SCOPE = 'referentie';
export const teamScope = (teamId: string) => `team:${teamId}`;

/** Why a value does not fit a field, or null when it does. */
export function veldFout(spec: VeldSpec, waarde: unknown): string | null {
  if (waarde === null) return spec.nullable ? null : 'mag niet leeg zijn';
  if (spec.soort === 'boolean') return typeof waarde === 'boolean' ? null : 'moet ja/nee zijn';
  if (spec.soort === 'number')
    return Number.isSafeInteger(waarde) ? null : 'moet een geheel getal zijn';
  if (typeof waarde !== 'string') return 'moet tekst zijn';
  if (waarde.length > 20_000) return 'is te lang';
  if (spec.enumWaarden && !spec.enumWaarden.includes(waarde)) return 'heeft een onbekende code';
  return null;
}
