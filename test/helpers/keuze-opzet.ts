/**
 * The service of the toewijzing-keuze tests (test/sync/toewijzing-keuze-dienst.test.ts,
 * test/aanval/keuze-*.test.ts): a region with aanbieders, contracts and products (one fits
 * zorgprofiel Intensief, one is light, one is crisis help, one needs no beschikking), a team with
 * a jeugdprofessional and a colleague, and a family with an action plan under Intensief and one
 * without a zorgprofiel.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Wijziging } from '../../shared/sync/protocol';
import { uitOpslag, waardenVan } from '../../shared/sync/rij';
import { verwerkPush } from '../../server/sync/push';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  zaaiReferentie,
  type Account,
  type Omgeving,
} from './dienst-omgeving';
import { gezinVelden, meldAan, wijziging } from './toegang-opzet';

export type Waarde = Wijziging['velden'][string]['waarde'];

export interface KeuzeOpzet {
  o: Omgeving;
  team: string;
  pro: Account;
  collega: Account;
  token: string;
  collegaToken: string;
  id: Record<
    | 'gezin'
    | 'lid'
    | 'plan'
    | 'profiel'
    | 'planZonder'
    | 'gecontracteerd'
    | 'anderProfiel'
    | 'verlopen'
    | 'past'
    | 'licht'
    | 'crisis'
    | 'vrij'
    | 'contractGecontracteerdZwaar',
    string
  >;
  push(wijzigingen: Wijziging[], als?: 'pro' | 'collega'): Promise<LightMyRequestResponse>;
  stand(): Promise<string>;
  /** The stored winning values of a row. */
  opgeslagen(tabel: string, rijId: string): Promise<Record<string, unknown> | null>;
  toewijzing(extra: Record<string, Waarde>): Record<string, Waarde>;
}

export function zetKeuzeOp(soort: 'pglite' | 'postgresql'): KeuzeOpzet {
  const t = {
    id: {
      gezin: randomUUID(),
      lid: randomUUID(),
      plan: randomUUID(),
      profiel: randomUUID(),
      planZonder: randomUUID(),
      gecontracteerd: randomUUID(),
      anderProfiel: randomUUID(),
      verlopen: randomUUID(),
      past: randomUUID(),
      licht: randomUUID(),
      crisis: randomUUID(),
      vrij: randomUUID(),
      contractGecontracteerdZwaar: randomUUID(),
    },
  } as KeuzeOpzet;
  t.push = (wijzigingen, als = 'pro') =>
    t.o.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { authorization: `Bearer ${als === 'pro' ? t.token : t.collegaToken}` },
      payload: { wijzigingen },
    });
  t.stand = async () =>
    JSON.stringify(
      (
        (await t.o.store.db.execute(
          sql`SELECT (SELECT count(*) FROM wijzigingen_log) AS log, (SELECT string_agg(hash, ',' ORDER BY tabel, rij_id) FROM rijen) AS hashes`,
        )) as unknown as { rows: unknown[] }
      ).rows[0],
    );
  t.opgeslagen = async (tabel, rijId) => {
    const rows = (
      (await t.o.store.db.execute(
        sql`SELECT registers FROM rijen WHERE tabel = ${tabel} AND rij_id = ${rijId}`,
      )) as unknown as { rows: { registers: string }[] }
    ).rows;
    return rows[0] ? waardenVan(uitOpslag(rows[0].registers)).waarden : null;
  };
  t.toewijzing = (extra) => ({
    gezinslidId: t.id.lid,
    actieplanId: t.id.plan,
    zorgprofielId: t.id.profiel,
    aanbiederId: t.id.gecontracteerd,
    productId: t.id.past,
    volume: 2,
    eenheid: '04',
    frequentie: '2',
    tariefCents: 8_000,
    startdatum: '2026-12-01',
    einddatum: '2027-02-28',
    status: 'toegewezen',
    verwijzer: 'jeugdteam',
    aangemaaktOp: '2026-11-20',
    aangemaaktDoor: t.pro.id,
    ...extra,
  });

  beforeAll(async () => {
    const { id } = t;
    t.o = await maakOmgeving(soort);
    t.team = await maakTeam(t.o.store, 'Jeugdteam Sliedrecht');
    t.pro = await maakAccount(t.o.store, 'jeugdprofessional', t.team);
    t.collega = await maakAccount(t.o.store, 'jeugdprofessional', t.team);
    t.token = (await meldAan(t.o, t.pro)).toegangstoken;
    t.collegaToken = (await meldAan(t.o, t.collega, 'Laptop collega')).toegangstoken;
    const aanbieder = (naam: string, agbCode: string) => ({
      naam,
      agbCode,
      plaats: 'Dordrecht',
      budgetplafondCents: 1_000_000_000,
      clientenstop: false,
    });
    await zaaiReferentie(t.o.store, 'aanbieders', [
      { id: id.gecontracteerd, ...aanbieder('Gezin Vooruit', '11112222') },
      { id: id.anderProfiel, ...aanbieder('Licht en Kort', '33334444') },
      { id: id.verlopen, ...aanbieder('Vroeger Zorg', '55556666') },
    ]);
    const contract = (
      aanbiederId: string,
      perceel: string,
      zorgprofiel: string,
      van: string,
      tot: string | null,
      cid: string = randomUUID(),
    ) => ({ id: cid, aanbiederId, perceel, zorgprofiel, geldigVan: van, geldigTot: tot });
    await zaaiReferentie(t.o.store, 'contracten', [
      contract(
        id.gecontracteerd,
        'jo_zwaar',
        'intensief',
        '2026-01-01',
        null,
        id.contractGecontracteerdZwaar,
      ),
      contract(id.gecontracteerd, 'jo_licht', 'perspectief', '2026-01-01', null),
      contract(id.anderProfiel, 'jo_licht', 'perspectief', '2026-01-01', null),
      contract(id.verlopen, 'jo_zwaar', 'intensief', '2024-01-01', '2025-12-31'),
    ]);
    const product = (
      perceel: string,
      categorie: string,
      productcode: string,
      beschikkingsvrij = false,
    ) => ({
      productcode,
      omschrijving: `Product ${productcode}`,
      perceel,
      categorie,
      eenheid: '04',
      frequentie: '2',
      tariefCents: 8_000,
      beschikkingsvrij,
    });
    await zaaiReferentie(t.o.store, 'producten', [
      { id: id.past, ...product('jo_zwaar', '45', '45A11') },
      { id: id.licht, ...product('jo_licht', '45', '45A12') },
      { id: id.crisis, ...product('jo_zwaar', '46', '46A13') },
      { id: id.vrij, ...product('jo_licht', '45', '45A14', true) },
    ]);
    await verwerkPush(
      t.o.store.db,
      { gebruikerId: t.pro.id, rol: t.pro.rol, teamId: t.team },
      [
        wijziging(t.pro.id, 'gezinnen', id.gezin, gezinVelden(t.team, t.pro.id)),
        wijziging(t.pro.id, 'gezinsleden', id.lid, {
          gezinId: id.gezin,
          rol: 'jeugdige',
          voornaam: 'Noor',
          achternaam: 'Test',
          geboortedatum: '2013-03-01',
        }),
        ...[id.plan, id.planZonder].map((plan) =>
          wijziging(t.pro.id, 'actieplannen', plan, {
            gezinId: id.gezin,
            jeugdigeId: id.lid,
            hulpvraag: 'Rust thuis',
            verwijzer: 'jeugdteam',
            triageUitkomst: 'laten_doen',
            geopendOp: '2026-11-02',
          }),
        ),
        wijziging(t.pro.id, 'zorgprofielen', id.profiel, {
          actieplanId: id.plan,
          categorie: 'intensief',
          probleemgebieden: '["gedrag"]',
          vastgesteldOp: '2026-11-10',
          vastgesteldDoor: t.pro.id,
        }),
      ],
      new Date(),
    );
  }, 120_000);
  afterAll(() => t.o?.sluit());
  return t;
}
