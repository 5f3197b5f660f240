/**
 * Loaded before anything else (`node --import tsx --import ./test/helpers/klok-preload.ts`, and
 * vitest's setupFiles) so that a process started by the tests runs on EENPLAN_NU's clock from
 * its first line: the demo region made on a first start is then made for that day too.
 */
import { installeerKlok } from './klok';

installeerKlok();
