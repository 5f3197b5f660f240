/**
 * Permissions are enforced in the core, not the UI: every API method is called by every role
 * (and by nobody), and the outcome must match this hand-written matrix, kept apart from the
 * roles in `shared/api.ts` so a changed role there shows up here. A method that is not in the
 * matrix fails the test: a new method needs a decision.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { API, type ApiMethod } from '../shared/api';
import { DEMO_TODAY, demoStore } from '../test/helpers/demo-store';
import { createCore } from './core';

/** p: jeugdprofessional, c: teamcoach, b: beheerder; '*': also before sign-in. */
const MATRIX: Record<ApiMethod, string> = {
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
  'socialeKaart.zoeken': 'pc',
  'actieplan.voorzieningInzetten': 'p',
  'actieplan.voorzieningWeghalen': 'p',
  'agenda.lijst': 'pc',
  'bezoek.plannen': 'p',
  'bezoek.verwijderen': 'p',
  'toewijzing.jw301': 'pc',
  'ijw.verzoekLezen': 'pc',
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
  'kosten.mijn': 'pc',
};

const { store, data } = demoStore();
const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
afterAll(() => core.close());
const team = data.teams[0]!;
const wie = {
  p: data.professionals.find((p) => p.teamId === team.id && p.rol === 'jeugdprofessional')!.id,
  c: data.professionals.find((p) => p.teamId === team.id && p.rol === 'teamcoach')!.id,
  b: data.professionals.find((p) => p.rol === 'beheerder')!.id,
};
const GEWEIGERD = new Set(['geen-toegang', 'niet-aangemeld']);

describe('the role matrix', () => {
  it('covers every method of the API', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(API).sort());
  });

  it('lets each role call exactly the methods of the matrix', async () => {
    const afwijkingen: string[] = [];
    for (const method of Object.keys(API) as ApiMethod[]) {
      const mag = MATRIX[method];
      for (const rol of ['p', 'c', 'b', 'niemand'] as const) {
        // Empty input: the role check comes first, so a refused role never reaches validation.
        const result = await core.callAsync(
          method,
          {},
          {
            professionalId: rol === 'niemand' ? null : wie[rol],
          },
        );
        const toegelaten = mag === '*' || (rol !== 'niemand' && mag.includes(rol));
        const geweigerd = !result.ok && GEWEIGERD.has(result.error.code);
        if (toegelaten === geweigerd)
          afwijkingen.push(
            `${method} als ${rol}: ${result.ok ? 'ok' : result.error.code}, verwacht ${toegelaten ? 'toegang' : 'geweigerd'}`,
          );
        if (!toegelaten && !result.ok)
          expect(result.error.code).toBe(rol === 'niemand' ? 'niet-aangemeld' : 'geen-toegang');
      }
    }
    expect(afwijkingen).toEqual([]);
  });

  it('applies the same roles to the file import and export outside `call`', async () => {
    const csv = new TextEncoder().encode('periode;team\n');
    const importeer = (id: string | null) =>
      core.sojImporteren(csv, 'soj.csv', { professionalId: id });
    expect(importeer(wie.p)).toMatchObject({ ok: false, error: { code: 'geen-toegang' } });
    expect(importeer(null)).toMatchObject({ ok: false, error: { code: 'niet-aangemeld' } });
    const exporteer = (id: string) =>
      core.exporteren(
        { filter: { teamId: team.id, jaar: 2026 }, tabel: 'perceel', formaat: 'csv' },
        { professionalId: id },
      );
    expect(await exporteer(wie.p)).toMatchObject({ ok: false, error: { code: 'geen-toegang' } });
    expect(await exporteer(wie.c)).toMatchObject({ ok: true });
  });
});
