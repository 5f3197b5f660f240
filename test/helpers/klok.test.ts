import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { datumInNederland, KLOK_IMPORT, klokVerschil, leesNu, momentInNederland } from './klok';

describe('EENPLAN_NU, the clock of a test run', () => {
  it('reads a day as 10:00 Dutch time, in winter and in summer time', () => {
    expect(new Date(leesNu('2028-02-29')).toISOString()).toBe('2028-02-29T09:00:00.000Z');
    expect(new Date(leesNu('2026-07-01')).toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(momentInNederland(leesNu('2026-12-06'))).toBe('2026-12-06T10:00:00+01:00');
    expect(momentInNederland(leesNu('2026-07-01'))).toBe('2026-07-01T10:00:00+02:00');
  });

  it('reads a moment with its zone, and the Dutch calendar day it falls on', () => {
    const ms = leesNu('2026-12-31T23:30:00Z');
    expect(momentInNederland(ms)).toBe('2027-01-01T00:30:00+01:00');
    expect(datumInNederland(ms)).toBe('2027-01-01');
    expect(datumInNederland(leesNu('2026-12-31T23:30:00+01:00'))).toBe('2026-12-31');
  });

  it('refuses what is no moment, a day that does not exist and a time without zone', () => {
    for (const fout of ['morgen', '2027-02-29', '2026-13-01', '2026-12-31T10:00', '31-12-2026'])
      expect(() => leesNu(fout)).toThrow(/^EENPLAN_NU moet een dag zijn/);
  });

  it('fixes one anchor for the run, which later processes reuse', () => {
    const env: NodeJS.ProcessEnv = { EENPLAN_NU: '2028-02-29' };
    const verschil = klokVerschil(env);
    expect(env.EENPLAN_NU_ANKER).toMatch(/^\d+$/);
    expect(verschil).toBe(leesNu('2028-02-29') - Number(env.EENPLAN_NU_ANKER));
    expect(klokVerschil({ ...env })).toBe(verschil);
    expect(klokVerschil({})).toBe(0);
  });

  it('puts a process on that clock: now is the day asked for, parsing and arithmetic are not shifted', () => {
    const uit = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        ...KLOK_IMPORT,
        '-e',
        `const a = Date.now();
         setTimeout(() => console.log(JSON.stringify({
           nu: new Date().toISOString(), tekst: Date(), verstreken: Date.now() - a,
           vast: new Date('2020-01-01T00:00:00Z').getTime(), utc: Date.UTC(2020, 0, 1),
           isDate: new Date() instanceof Date,
         })), 50);`,
      ],
      {
        // No anchor of this run: the child starts the clock itself, at 10:00.
        env: { ...process.env, EENPLAN_NU: '2028-02-29', EENPLAN_NU_ANKER: '', TZ: 'UTC' },
        encoding: 'utf8',
      },
    );
    const r = JSON.parse(uit) as Record<string, unknown>;
    expect(String(r.nu).slice(0, 13)).toBe('2028-02-29T09');
    expect(String(r.tekst)).toContain('Feb 29 2028');
    expect(r.verstreken).toBeGreaterThanOrEqual(50);
    expect(r.vast).toBe(Date.UTC(2020, 0, 1));
    expect(r.utc).toBe(Date.UTC(2020, 0, 1));
    expect(r.isDate).toBe(true);
  });
});
