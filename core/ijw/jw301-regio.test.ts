/**
 * Every JW301 the demo region can produce (every running toewijzing with a BSN, all teams)
 * validates against the official JW301 XSD, checked with Debian's xmllint.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { generateRegion } from '../../demo/generate';
import { writeDataset } from '../../demo/write';
import { clientFor } from '../../test/helpers/core-client';
import { DEMO_TODAY } from '../../test/helpers/demo-store';
import { xmllint } from '../../test/helpers/xmllint';
import { createCore } from '../core';

const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
const data = generateRegion({ scale: 'region', today: DEMO_TODAY });
writeDataset(store.sqlite, data);
const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
afterAll(() => core.close());

it('every running toewijzing of the demo region makes a JW301 that validates', () => {
  const rijen = store.sqlite
    .prepare(
      `SELECT t.id, g.team_id AS teamId FROM toewijzingen t
         JOIN gezinsleden l ON l.id = t.gezinslid_id JOIN gezinnen g ON g.id = l.gezin_id
        WHERE t.status IN ('toegewezen', 'gestart') AND t.deleted = 0 AND l.bsn IS NOT NULL`,
    )
    .all() as { id: string; teamId: string }[];
  const perTeam = new Map(
    data.professionals
      .filter((p) => p.rol === 'jeugdprofessional')
      .map((p) => [p.teamId, clientFor(core, store, p.id!)] as const),
  );
  const berichten = rijen.map(
    (r) => perTeam.get(r.teamId)!.ok('toewijzing.jw301', { id: r.id }).xml,
  );
  expect(berichten.length).toBeGreaterThan(3000);
  const fouten = xmllint(berichten, 'JW301.xsd').filter((f) => f !== null);
  expect(fouten.slice(0, 3)).toEqual([]);
  // Four-character product codes (H300, H132) go out too.
  expect(berichten.some((x) => x.includes('<ijw:Code>H300</ijw:Code>'))).toBe(true);
}, 300_000);
