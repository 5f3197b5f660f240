/**
 * Hostile input (fast-check): generated inputs for every API method, as every role. The core
 * never crashes and never answers with an internal error: each call succeeds or gives a typed
 * error with a Dutch message; and a refused call leaves the database exactly as it was.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API, API_ERROR_CODES, type ApiMethod } from '../shared/api';
import { alsPersoon } from '../test/helpers/core-client';
import { DEMO_TODAY, demoStore } from '../test/helpers/demo-store';
import { createCore } from './core';
import { isKluisMethode } from './kluis/acties';
import { GeenVerbinding } from './sync/transport';

const { store, data } = demoStore();
const core = createCore(store, {
  now: () => new Date(`${DEMO_TODAY}T10:00:00Z`),
  // Nothing leaves the machine: the central service is never reachable here.
  transport: () => () => Promise.reject(new GeenVerbinding()),
});
afterAll(() => core.close());

const team = data.teams[0]!;
const rollen = [
  data.professionals.find((p) => p.teamId === team.id && p.rol === 'jeugdprofessional')!.id,
  data.professionals.find((p) => p.teamId === team.id && p.rol === 'teamcoach')!.id,
  data.professionals.find((p) => p.rol === 'beheerder')!.id,
  null,
];
const gezinIds = data.gezinnen.filter((g) => g.teamId === team.id).map((g) => g.id);

/** Values that are nearly right as often as they are wrong, so calls get past the first check. */
const waarde = fc.oneof(
  fc.constantFrom(...gezinIds.slice(0, 5), team.id, DEMO_TODAY, '2026-02-30', '31-12-2026'),
  fc.constantFrom(
    '',
    ' ',
    'a'.repeat(10_001),
    '<script>alert(1)</script>',
    "'; DROP TABLE gezinnen;--",
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.anything({ maxDepth: 2 }),
);

/** The field names a method's input schema knows, so generated objects reach deeper checks. */
function velden(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def?: { type?: string; in?: z.ZodType; schema?: z.ZodType } })
    .def;
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (def?.in) return velden(def.in);
  if (def?.schema) return velden(def.schema);
  return [];
}

const invoer = (method: ApiMethod) => {
  const namen = velden(API[method].input as z.ZodType);
  return fc.oneof(
    fc.anything({ maxDepth: 2 }),
    namen.length
      ? fc.record(Object.fromEntries(namen.map((n) => [n, waarde])), { requiredKeys: [] })
      : fc.constant({}),
    fc.dictionary(fc.constantFrom(...namen, 'extra', '__proto__', 'constructor'), waarde),
  );
};

const stand = () => (store.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const uitgaand = () =>
  (store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

describe('hostile input to every API method', () => {
  it('gives success or a typed Dutch error, a refused call changes nothing, a read writes nothing', async () => {
    // The lock's methods are the host's (core/kluis/acties.ts): no core exists while locked.
    const methods = (Object.keys(API) as ApiMethod[]).filter((m) => !isKluisMethode(m));
    let geweigerd = 0;
    let gelezen = 0;
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...methods)
          .chain((m) => fc.tuple(fc.constant(m), invoer(m), fc.constantFrom(...rollen))),
        async ([method, input, professionalId]) => {
          // The profile's person (null: nobody chosen yet); the call itself names nobody.
          if (professionalId) alsPersoon(store, professionalId);
          else
            store.sqlite
              .prepare("DELETE FROM instellingen WHERE sleutel = 'sessie-professional'")
              .run();
          const voor = stand();
          const voorUit = uitgaand();
          const result = await core.callAsync(method, input);
          if (result.ok) {
            // A method the contract declares `lezen` is given no writer: no change goes out.
            if (API[method].soort === 'lezen') {
              gelezen += 1;
              expect(uitgaand(), `${method} is een lezing en schreef toch`).toBe(voorUit);
            }
            return;
          }
          geweigerd += 1;
          expect(API_ERROR_CODES).toContain(result.error.code);
          expect(result.error.code, `${method}: ${result.error.message}`).not.toBe('interne-fout');
          expect(result.error.message.length).toBeGreaterThan(5);
          expect(stand(), `${method} schreef iets en weigerde toch`).toBe(voor);
        },
      ),
      { numRuns: 3_000 },
    );
    expect(geweigerd).toBeGreaterThan(1_000);
    // Enough reads succeed to mean something (about 90 to 130 of the 3,000 calls).
    expect(gelezen).toBeGreaterThan(25);
  }, 120_000);
});
