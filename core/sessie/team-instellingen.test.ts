/** The auto-lock time per team: set by the beheerder, shown in every profile of that team. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/connection';
import type { DemoDataset } from '../../demo/generate';
import { VERGRENDELEN } from '../../shared/domain';
import { clientFor } from '../../test/helpers/core-client';
import { DEMO_TODAY, demoStore } from '../../test/helpers/demo-store';
import { createCore, type Core } from '../core';

let store: OpenDatabase;
let data: DemoDataset;
let core: Core;
beforeEach(() => {
  ({ store, data } = demoStore());
  core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`), log: () => {} });
});
afterEach(() => core.close());

const eerste = (rol: string) => data.professionals.find((p) => p.rol === rol)!;
const outbox = () =>
  store.sqlite.prepare("SELECT fields FROM outbox WHERE table_name = 'teams'").all() as {
    fields: string;
  }[];

describe('automatic lock per team', () => {
  it('is set by the beheerder, reaches the team profiles and is sent with the reference data', () => {
    const beheerder = clientFor(core, store, eerste('beheerder').id);
    const pro = eerste('jeugdprofessional');
    // A profile lists only its own person: each professional sees the lock time in their own.
    const profiel = (wie: { id: string }) =>
      clientFor(core, store, wie.id)
        .ok('profielen.lijst', {})
        .find((p) => p.id === wie.id)!.vergrendelMinuten;
    expect(profiel(pro)).toBe(VERGRENDELEN.standaard);
    beheerder.ok('team.vergrendeling', { teamId: pro.teamId!, minuten: 2 });
    expect(profiel(pro)).toBe(2);
    const anderTeam = data.professionals.find(
      (p) => p.rol === 'jeugdprofessional' && p.teamId !== pro.teamId,
    )!;
    expect(profiel(anderTeam)).toBe(VERGRENDELEN.standaard);
    const teams = beheerder.ok('budget.overzicht', { jaar: 2026 }).teams;
    expect(teams.find((t) => t.id === pro.teamId)?.vergrendelMinuten).toBe(2);
    expect(outbox().map((r) => JSON.parse(r.fields) as object)).toEqual([
      { vergrendelMinuten: { waarde: 2, basis: [expect.any(String)] } },
    ]);
  });

  it('refuses a time out of range or an unknown team with a Dutch reason, writing nothing', () => {
    const beheerder = clientFor(core, store, eerste('beheerder').id);
    const teamId = eerste('jeugdprofessional').teamId!;
    for (const [minuten, reden] of [
      [0, /minstens 1 minuut/i],
      [61, /hooguit 60 minuten/i],
      [2.5, /heel aantal/],
    ] as const)
      expect(beheerder.fails('team.vergrendeling', { teamId, minuten }).message).toMatch(reden);
    expect(
      beheerder.fails('team.vergrendeling', { teamId: crypto.randomUUID(), minuten: 3 }).code,
    ).toBe('niet-gevonden');
    expect(outbox()).toEqual([]);
  });

  it('is not for a teamcoach or professional: reference data is the beheerder’s', () => {
    const coach = clientFor(core, store, eerste('teamcoach').id);
    expect(
      coach.fails('team.vergrendeling', { teamId: eerste('teamcoach').teamId!, minuten: 3 }).code,
    ).toBe('geen-toegang');
  });
});
