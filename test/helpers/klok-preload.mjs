/**
 * Loaded before anything else (`node --import tsx --import ./test/helpers/klok-preload.mjs`, and
 * vitest's setupFiles) so that a process started by the tests runs on EENPLAN_NU's clock from
 * its first line: the demo region made on a first start is then made for that day too.
 *
 * Plain JavaScript, and the clock only in the main thread: a worker thread (the iJw XSD
 * validator's) inherits these imports but not tsx's loader, and needs no clock of its own.
 */
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const { installeerKlok } = await import('./klok.ts');
  installeerKlok();
}
