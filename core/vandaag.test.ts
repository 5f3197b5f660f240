/**
 * "Today" is the Dutch calendar day, whatever the computer's zone: just after midnight on
 * New Year's Day in the Netherlands it is still 31 December in UTC, and a professional there
 * must see the new year (and may start care dated today).
 */
import { describe, expect, it } from 'vitest';
import { alsPersoon } from '../test/helpers/core-client';
import { demoStore } from '../test/helpers/demo-store';
import { createCore } from './core';

describe('today in the core', () => {
  it('is the Dutch date, also in the first hour of a new year', () => {
    const { store, data } = demoStore();
    const core = createCore(store, {
      now: () => new Date('2027-01-01T00:30:00+01:00'),
      log: () => {},
    });
    alsPersoon(store, data.professionals.find((p) => p.rol === 'jeugdprofessional')!.id);
    expect(core.call('kosten.mijn', {})).toMatchObject({ ok: true, data: { jaar: 2027 } });
    core.close();
  });
});
