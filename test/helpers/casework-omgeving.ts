/**
 * The setting of the core's casework tests: a demo region, a core at its fixed day, two
 * professionals and the teamcoach of one team, one of another, and helpers for a new family
 * and an action plan ready for jeugdhulp.
 */
import { afterAll } from 'vitest';
import { createCore } from '../../core/core';
import { clientFor } from './core-client';
import { DEMO_TODAY, demoStore } from './demo-store';

export function caseworkOmgeving() {
  const { store, data } = demoStore();
  const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
  afterAll(() => core.close());
  const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
  const [proA, proB] = data.professionals.filter(
    (p) => p.teamId === team.id && p.rol === 'jeugdprofessional',
  );
  const coach = data.professionals.find((p) => p.teamId === team.id && p.rol === 'teamcoach')!;
  const outsider = data.professionals.find(
    (p) => p.teamId !== team.id && p.rol === 'jeugdprofessional',
  )!;
  const a = clientFor(core, store, proA!.id!);
  const b = clientFor(core, store, proB!.id!);
  const count = (table: string) =>
    (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  function newFamily(naam: string) {
    return a.ok('gezin.aanmaken', {
      naam,
      adres: 'Voorstraat 12',
      postcode: '3311ab',
      woonplaats: 'Dordrecht',
      leden: [
        { rol: 'ouder', voornaam: 'Petra', achternaam: 'Verbeek', geboortedatum: '1985-04-02' },
        {
          rol: 'jeugdige',
          voornaam: 'Sem',
          achternaam: 'Verbeek',
          geboortedatum: '2011-05-10',
          bsn: '111222333',
        },
      ],
    }).id;
  }

  function readyActieplan(gezinId: string) {
    const jeugdige = a.ok('gezin.dossier', { gezinId }).leden.find((l) => l.rol === 'jeugdige')!;
    const id = a.ok('actieplan.aanmaken', {
      gezinId,
      jeugdigeId: jeugdige.id,
      hulpvraag: 'Sem gaat niet meer naar school.',
      verwijzer: 'jeugdteam',
    }).id;
    a.ok('actieplan.opslaan', {
      id,
      eigenKracht: 'Moeder brengt Sem zelf naar school.',
      netwerk: 'Oma helpt op woensdag.',
      voorliggend: 'Schoolmaatschappelijk werk is bekeken.',
    });
    a.ok('actieplan.triage', { id, uitkomst: 'laten_doen' });
    return id;
  }
  return {
    store,
    data,
    core,
    team,
    proA,
    proB,
    coach,
    outsider,
    a,
    b,
    count,
    newFamily,
    readyActieplan,
  };
}
