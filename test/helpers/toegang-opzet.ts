/**
 * The environment of the access tests (toegang-matrix.test.ts, toegang-invoer.test.ts): a
 * service on PGlite or PostgreSQL with two teams, a family in each, an account per role, a
 * colleague in the other team, and an account with a laptop that the beheer cases revoke.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { BEGIN_HASH, regelHash } from '../../shared/audit/keten';
import { encodeHlc } from '../../shared/hlc';
import type { Wijziging } from '../../shared/sync/protocol';
import { verwerkPush } from '../../server/sync/push';
import {
  gemeenteVanTeam,
  maakAccount,
  maakOmgeving,
  maakTeam,
  WACHTWOORD,
  type Account,
  type Omgeving,
} from './dienst-omgeving';

export type Rol = Account['rol'];
export const ROLLEN: Rol[] = ['jeugdprofessional', 'teamcoach', 'beheerder'];
export type Doel = 'eigen' | 'ander';

let teller = 0;
/** How many HLCs were made: a different value in each request that needs one. */
export const klokTeller = () => teller;
export const hlc = (ms = Date.now()) =>
  encodeHlc({ wallMs: ms, counter: teller++ % 1000, node: 'test' });

export function wijziging(
  auteur: string,
  tabel: string,
  rijId: string,
  velden: Record<string, string | number | boolean | null>,
  extra: Partial<Wijziging> = {},
): Wijziging {
  return {
    wijzigingId: randomUUID(),
    tabel,
    rijId,
    hlc: hlc(),
    auteur,
    velden: Object.fromEntries(
      Object.entries(velden).map(([k, waarde]) => [k, { waarde, basis: [] }]),
    ),
    ...extra,
  };
}

export const gezinVelden = (teamId: string, regisseurId: string) => ({
  teamId,
  regisseurId,
  naam: 'Familie Test',
  adres: 'Kerkstraat 1',
  postcode: '3311 AA',
  woonplaats: 'Dordrecht',
  status: 'actief',
  aangemeldOp: '2026-11-01',
});

export interface ToegangOpzet {
  o: Omgeving;
  teams: Record<Doel, string>;
  accounts: Record<Rol | 'collegaAnder', Account>;
  gezin: Record<Doel, string>;
  gemeenten: Record<Doel, string>;
  /** An account and its laptop that the beheer cases revoke and deactivate (again and again). */
  doelAccount: Account;
  doelApparaat: string;
}

/** Signs `a` in on a new laptop of that name. */
export const meldAan = async (o: Omgeving, a: Account, naam = 'Laptop') =>
  (
    await o.app.inject({
      method: 'POST',
      url: '/auth/aanmelden',
      payload: { email: a.email, wachtwoord: WACHTWOORD, apparaat: { naam } },
    })
  ).json() as { toegangstoken: string; apparaatId: string };

/** Within a `describe`: the environment, filled in `beforeAll` and closed `afterAll`. */
export function zetToegangOp(soort: 'pglite' | 'postgresql'): ToegangOpzet {
  const t = {
    accounts: {},
    gezin: {},
    gemeenten: {},
  } as ToegangOpzet;
  beforeAll(async () => {
    const o = (t.o = await maakOmgeving(soort));
    const teams = (t.teams = {
      eigen: await maakTeam(o.store, 'Jeugdteam Dordrecht-Oost'),
      ander: await maakTeam(o.store, 'Jeugdteam Papendrecht'),
    });
    for (const doel of ['eigen', 'ander'] as const)
      t.gemeenten[doel] = await gemeenteVanTeam(o.store, teams[doel]);
    for (const rol of ROLLEN)
      t.accounts[rol] = await maakAccount(o.store, rol, rol === 'beheerder' ? null : teams.eigen);
    t.accounts.collegaAnder = await maakAccount(o.store, 'jeugdprofessional', teams.ander);
    t.doelAccount = await maakAccount(o.store, 'jeugdprofessional', teams.ander);
    t.doelApparaat = (await meldAan(o, t.doelAccount)).apparaatId;
    for (const [doel, eigenaar] of [
      ['eigen', t.accounts.jeugdprofessional],
      ['ander', t.accounts.collegaAnder],
    ] as const) {
      t.gezin[doel] = randomUUID();
      await verwerkPush(
        o.store.db,
        { gebruikerId: eigenaar.id, rol: 'jeugdprofessional', teamId: eigenaar.teamId },
        [
          wijziging(
            eigenaar.id,
            'gezinnen',
            t.gezin[doel],
            gezinVelden(eigenaar.teamId!, eigenaar.id),
          ),
        ],
        new Date(),
      );
    }
  }, 120_000);
  afterAll(() => t.o?.sluit());
  return t;
}

/**
 * The next line of one running access log, with a correct hash. Each device's chain at the
 * service starts at its first line and then goes on: a device sending twice in a row sends
 * two lines that follow each other.
 */
export function maakLogregels() {
  let vorigeRegel = { seq: 0, hash: BEGIN_HASH };
  return (userId: string, gezinId: string | undefined) => {
    const regel = {
      id: randomUUID(),
      seq: vorigeRegel.seq + 1,
      at: new Date().toISOString(),
      userId,
      namensId: null,
      actie: 'inzien' as const,
      gezinId: gezinId ?? null,
      onderdeel: 'gezin.dossier',
      reden: null,
      apparaat: randomUUID().slice(0, 8),
      prevHash: vorigeRegel.hash,
    };
    vorigeRegel = { seq: regel.seq, hash: regelHash(regel) };
    return { ...regel, hash: vorigeRegel.hash };
  };
}
