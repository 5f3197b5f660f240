/**
 * `test` and `expect` for every e2e spec: the same as Playwright's, except that each browser
 * context runs on the run's clock (EENPLAN_NU, see test/helpers/klok.ts), so the pages agree
 * with the browser hosts about what day it is, whatever the real date.
 */
import { test as basis, type BrowserContext } from '@playwright/test';
import { nu } from '../helpers/klok';

export { expect } from '@playwright/test';

/**
 * Puts a context's pages on the run's clock. The clock runs on in real time from there; a spec
 * that needs a minute to pass at once moves it on with `page.clock.fastForward`.
 */
export async function zetKlok(context: BrowserContext): Promise<void> {
  await context.clock.install({ time: nu() });
}

export const test = basis.extend({
  context: async ({ context }, use) => {
    await zetKlok(context);
    await use(context);
  },
});
