/**
 * npm run test:sync-fuzz [-- --runs 1000] [--seed=N] [--steps N] [--path P] [--shrink S]:
 * the sync property of test/helpers/sync-fuzz.ts in long mode (the short mode runs in `npm test`,
 * test/sync/convergentie.test.ts). Prints the seed, runs and steps; on a failure fast-check's
 * report with the (shrunk) counterexample and the command that replays it, and exits 1.
 */
import { parseArgs } from 'node:util';
import { syncFuzz } from '../test/helpers/sync-fuzz';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    seed: { type: 'string' },
    steps: { type: 'string', default: '30' },
    path: { type: 'string' },
    /** Seconds shrinking a counterexample may take. */
    shrink: { type: 'string', default: '300' },
  },
});

const geheel = (naam: string, waarde: string) => {
  const n = Number(waarde);
  if (!Number.isSafeInteger(n))
    throw new Error(`--${naam} verwacht een geheel getal, niet "${waarde}"`);
  return n;
};
const runs = geheel('runs', values.runs);
const stappen = geheel('steps', values.steps);
// fast-check would pick one itself; chosen here so that it is printed before the first run.
const seed =
  values.seed !== undefined
    ? geheel('seed', values.seed)
    : Date.now() ^ (Math.random() * 0x100000000);

console.log(
  `sync-fuzz: seed ${seed}, ${values.path ? `path ${values.path}` : `${runs} runs`}, up to ${stappen} steps per run`,
);
const uitkomst = await syncFuzz({
  runs,
  stappen,
  seed,
  path: values.path,
  krimpSeconden: geheel('shrink', values.shrink),
  log: (regel) => console.log(regel),
});
const { telling } = uitkomst;
console.log(
  `${telling.runs} runs (${uitkomst.seconden.toFixed(0)} s): ${telling.stappen} steps, ` +
    `${telling.storingen} failed syncs, ${telling.dubbeleDomeinen} leefdomeinen filled on two laptops, ` +
    `${telling.versiesVastgelegd} plan versions, ${telling.verhuizingen} verhuizingen, ` +
    `${telling.klokVoor} clocks set more than 5 minutes ahead, ${telling.overgeslagen} steps with nothing to do`,
);
const tabellen = [
  ...new Set([...Object.keys(telling.invoegingen), ...Object.keys(telling.bewerkingen)]),
];
console.log(
  `rows new/edited/deleted: ${tabellen
    .map(
      (t) =>
        `${t} ${telling.invoegingen[t] ?? 0}/${telling.bewerkingen[t] ?? 0}/${telling.verwijderingen[t] ?? 0}`,
    )
    .join(', ')}`,
);
if (uitkomst.rapport) {
  console.log(`\n${uitkomst.rapport}\n`);
  console.log(`reproduce: ${uitkomst.reproduceer}`);
  process.exit(1);
}
console.log(`passed: ${uitkomst.details.numRuns} runs (seed ${seed}, up to ${stappen} steps)`);
process.exit(0);
