/**
 * Permissions are enforced in the core, not the UI, and the caller is the profile's person,
 * never what a request says. Every API method is called by every role (and by nobody) through
 * the browser host's one door, each time claiming to be someone of another role (the header of
 * earlier versions), and the outcome must match this hand-written matrix, kept apart from the
 * roles in `shared/api/` so a changed role there shows up here. A method that is not in the
 * matrix fails the test: a new method needs a decision. Every access-log line a role's calls
 * write names that role's person.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiMethod } from '../shared/api';
import { alsPersoon } from '../test/helpers/core-client';
import { DEMO_TODAY } from '../test/helpers/demo-store';
import { createCore } from './core';
import { startWebHost, type WebHost } from '../web/web';
import { Kluizen } from './kluis/kluizen';
import type { ProfileStore } from './kluis/profile-store';
import { seedDemo } from '../demo/seed';

const MATRIX: Record<ApiMethod, string> = {
  'kluis.staat': '*',
  'kluis.instellen': '*',
  'kluis.ontgrendelen': '*',
  'kluis.aanmelden': '*',
  'kluis.wijzigen': '*',
  'kluis.vergrendelen': '*',
  'kluis.actief': '*',
  'sessie.wie': '*',
  'sessie.kiezen': '*',
  'bestand.exporteren': 'pcb',
  'soj.importeren': 'cb',
  'sync.status': '*',
  'sync.verbinden': '*',
  'sync.nu': '*',
  'sync.overzicht': 'pc',
  'sync.oplossen': 'pc',
  'profielen.lijst': '*',
  'team.collegas': 'pc',
  'team.vergrendeling': 'b',
  'gezinnen.lijst': 'pc',
  'gezin.aanmaken': 'p',
  'gezin.dossier': 'pc',
  'gezinslid.bsnTonen': 'pc',
  'gezin.inzage': 'pc',
  'inzage.reden': 'c',
  'toegangslog.lijst': 'cb',
  'gezinslid.opslaan': 'p',
  'gezinslid.verwijderen': 'p',
  'gezin.gegevens': 'p',
  'netwerklid.opslaan': 'p',
  'netwerklid.verwijderen': 'p',
  'gezinsplan.ophalen': 'pc',
  'gezinsplan.opslaan': 'p',
  'afspraak.opslaan': 'p',
  'afspraak.verwijderen': 'p',
  'gezinsplan.vastleggen': 'p',
  'gezinsplan.toestemming': 'p',
  'gezinsplan.ondertekenen': 'p',
  'gesprek.opslaan': 'p',
  'gesprek.lijst': 'pc',
  'concept.lezen': 'p',
  'concept.bewaren': 'p',
  'socialeKaart.zoeken': 'pc',
  'actieplan.voorzieningInzetten': 'p',
  'actieplan.voorzieningWeghalen': 'p',
  'agenda.lijst': 'pc',
  'bezoek.plannen': 'p',
  'bezoek.verwijderen': 'p',
  'toewijzing.jw301': 'pc',
  'ijw.verzoekLezen': 'pc',
  'ijw.berichtLezen': 'pc',
  'ijw.berichtVerwerken': 'p',
  'actieplan.aanmaken': 'p',
  'actieplan.opslaan': 'p',
  'actieplan.triage': 'p',
  'doel.opslaan': 'p',
  'zorgprofiel.vaststellen': 'p',
  'aanbieders.voorProfiel': 'pc',
  'toewijzing.voorstel': 'p',
  'toewijzing.aanmaken': 'p',
  'akkoorden.wachtrij': 'pc',
  'akkoord.besluiten': 'pc',
  'toewijzing.startVastleggen': 'p',
  'evaluatie.vastleggen': 'p',
  'toewijzing.stoppen': 'p',
  'gezin.afsluiten': 'p',
  'gezin.medewerker': 'p',
  'gezin.overdragen': 'p',
  'taken.lijst': 'pc',
  'budget.dashboard': 'cb',
  'budget.regels': 'cb',
  'budget.overzicht': 'cb',
  'budget.vaststellen': 'cb',
  'soj.imports': 'cb',
  'soj.importStatus': 'cb',
  'soj.bevestigen': 'cb',
  'kosten.mijn': 'pc',
};

const WACHTWOORDZIN = 'Zeven blauwe fietsen op de dijk';
const dataDir = mkdtempSync(join(tmpdir(), 'eenplan-matrix-'));
let store: ProfileStore;
const kluizen = new Kluizen({
  dataDir,
  seed: seedDemo,
  maakCore: (geopend) => {
    store = geopend;
    return createCore(geopend, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`), log: () => {} });
  },
});
let host: WebHost;
type Wie = { p: string; c: string; b: string };
let wie: Wie;
let teamId: string;

beforeAll(async () => {
  host = await startWebHost({ kluis: kluizen, staticDir: dataDir, port: 0 });
  await ontgrendel('kluis.instellen', { naam: 'Matrix', wachtwoord: WACHTWOORDZIN });
  const een = (sql: string) => (store.sqlite.prepare(sql).get() as { id: string }).id;
  teamId = een("SELECT team_id AS id FROM professionals WHERE rol = 'teamcoach' LIMIT 1");
  const inTeam = (rol: string) =>
    een(`SELECT id FROM professionals WHERE team_id = '${teamId}' AND rol = '${rol}' LIMIT 1`);
  wie = {
    p: inTeam('jeugdprofessional'),
    c: inTeam('teamcoach'),
    b: een("SELECT id FROM professionals WHERE rol = 'beheerder' LIMIT 1"),
  };
});
afterAll(async () => {
  await host.close();
  kluizen.vergrendel();
  rmSync(dataDir, { recursive: true, force: true });
});

const GEWEIGERD = new Set(['geen-toegang', 'niet-aangemeld']);
type Rolcode = keyof Wie | 'niemand';

/** The session secret the host hands the page that unlocked, sent like a browser does. */
let cookie = '';
const headers = (zegt: string) => ({
  'Content-Type': 'application/json',
  'X-Eenplan-Profiel': zegt,
  Cookie: cookie,
});

/** Unlocks through the host, as the page does, and keeps the secret it hands out. */
async function ontgrendel(method: string, input: object) {
  const res = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  expect(res.status).toBe(200);
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
}

/** Makes `rol` the profile's person (or nobody), unlocking again after `kluis.vergrendelen`. */
async function wordt(rol: Rolcode) {
  if (kluizen.staat() !== 'open')
    await ontgrendel('kluis.ontgrendelen', { wachtwoord: WACHTWOORDZIN });
  if (rol === 'niemand')
    store.sqlite.prepare("DELETE FROM instellingen WHERE sleutel = 'sessie-professional'").run();
  else alsPersoon(store, wie[rol]);
}

/** Through the door, claiming to be someone else: `zegt` in the old header and in the body. */
async function roep(method: ApiMethod, zegt: string) {
  const res = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: headers(zegt),
    body: JSON.stringify({ input: {}, professionalId: zegt }),
  });
  return (await res.json()) as { ok: boolean; error?: { code: string } };
}

describe('the role matrix', () => {
  it('covers every method of the API', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(API).sort());
  });

  it('lets each role call exactly the methods of the matrix, whoever the request claims to be', async () => {
    const afwijkingen: string[] = [];
    for (const rol of ['p', 'c', 'b', 'niemand'] as const) {
      await wordt(rol);
      const vanaf =
        (
          store.sqlite.prepare('SELECT max(seq) AS n FROM audit_log').get() as {
            n: number | null;
          }
        ).n ?? 0;
      for (const method of Object.keys(API) as ApiMethod[]) {
        const mag = MATRIX[method];
        const toegelaten = mag === '*' || (rol !== 'niemand' && mag.includes(rol));
        // Claim to be the one who may, when this role may not (and someone else when it may).
        const zegt = (['c', 'b', 'p'] as const).find(
          (r) => r !== rol && (mag === '*' || mag.includes(r) !== toegelaten),
        );
        await wordt(rol);
        // Empty input: the role check comes first, so a refused role never reaches validation.
        const result = await roep(method, zegt ? wie[zegt] : wie.c);
        const geweigerd = !result.ok && GEWEIGERD.has(result.error!.code);
        if (toegelaten === geweigerd)
          afwijkingen.push(
            `${method} als ${rol}${zegt ? ` (zegt ${zegt})` : ''}: ${result.ok ? 'ok' : result.error!.code}, verwacht ${toegelaten ? 'toegang' : 'geweigerd'}`,
          );
        if (!toegelaten && !result.ok)
          expect(result.error!.code).toBe(rol === 'niemand' ? 'niet-aangemeld' : 'geen-toegang');
      }
      await wordt(rol);
      const namen = store.sqlite
        .prepare('SELECT DISTINCT user_id AS id FROM audit_log WHERE seq > ?')
        .all(vanaf) as { id: string }[];
      expect(namen.map((n) => n.id)).toEqual(
        namen.length ? [rol === 'niemand' ? '' : wie[rol as keyof Wie]] : [],
      );
    }
    expect(afwijkingen).toEqual([]);
  });

  it('reads and writes in the person’s name when a request claims to be the teamcoach', async () => {
    await wordt('p');
    const gezin = store.sqlite
      .prepare(
        'SELECT g.id, l.id AS lid FROM gezinnen g JOIN gezinsleden l ON l.gezin_id = g.id WHERE g.regisseur_id = ? AND g.status != ? AND l.bsn IS NOT NULL LIMIT 1',
      )
      .get(wie.p, 'afgesloten') as { id: string; lid: string };
    const vanaf = (
      store.sqlite.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }
    ).n;
    const alsCoach = (method: ApiMethod, input: object) =>
      fetch(`${host.url}/api/${method}`, {
        method: 'POST',
        headers: headers(wie.c),
        body: JSON.stringify({ input, professionalId: wie.c }),
      }).then((r) => r.json() as Promise<{ ok: boolean }>);
    expect(await alsCoach('gezin.dossier', { gezinId: gezin.id })).toMatchObject({ ok: true });
    expect(await alsCoach('gezinslid.bsnTonen', { gezinslidId: gezin.lid })).toMatchObject({
      ok: true,
    });
    expect(
      await alsCoach('gesprek.opslaan', {
        gezinId: gezin.id,
        datum: DEMO_TODAY,
        aanwezig: ['moeder'],
        verslag: 'Huisbezoek: afspraken doorgenomen.',
        koppelingen: [],
      }),
    ).toMatchObject({ ok: true });
    const regels = store.sqlite
      .prepare('SELECT user_id AS wie, onderdeel FROM audit_log WHERE seq > ? ORDER BY seq')
      .all(vanaf) as { wie: string; onderdeel: string }[];
    expect(regels.map((r) => r.onderdeel)).toEqual([
      'gezin.dossier',
      'gezinslid.bsnTonen',
      'gesprek.opslaan',
    ]);
    expect(new Set(regels.map((r) => r.wie))).toEqual(new Set([wie.p]));
    const verslag = store.sqlite
      .prepare(
        'SELECT auteur_id AS auteur FROM gespreksverslagen WHERE gezin_id = ? ORDER BY rowid DESC LIMIT 1',
      )
      .get(gezin.id) as { auteur: string };
    expect(verslag.auteur).toBe(wie.p);
  });

  it('applies the roles to the file import and export like to every method', async () => {
    const soj = { naam: 'soj.csv', inhoud: Buffer.from('periode;team\n').toString('base64') };
    const importeer = async (rol: Rolcode) => {
      await wordt(rol);
      const res = await fetch(`${host.url}/api/soj.importeren`, {
        method: 'POST',
        headers: headers(wie.c),
        body: JSON.stringify({ input: soj }),
      });
      return res.json();
    };
    expect(await importeer('p')).toMatchObject({ ok: false, error: { code: 'geen-toegang' } });
    expect(await importeer('niemand')).toMatchObject({
      ok: false,
      error: { code: 'niet-aangemeld' },
    });
    expect(await importeer('c')).toMatchObject({ ok: true });
    const exporteer = async (rol: Rolcode) => {
      await wordt(rol);
      const res = await fetch(`${host.url}/api/bestand.exporteren`, {
        method: 'POST',
        headers: headers(wie.c),
        body: JSON.stringify({
          input: { filter: { teamId, jaar: 2026 }, tabel: 'perceel', formaat: 'csv' },
        }),
      });
      return res.json();
    };
    expect(await exporteer('p')).toMatchObject({ ok: false, error: { code: 'geen-toegang' } });
    expect(await exporteer('c')).toMatchObject({ ok: true });
  });
});
