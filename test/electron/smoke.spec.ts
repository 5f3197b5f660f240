/**
 * Smoke test of the desktop app itself (Electron, not the browser host): it starts on the lock
 * screen, a new profile opens with the demo region, a family opens, and the OS going to sleep
 * locks the profile. Launches the unpackaged app (`electron .`) with the Electron binary from
 * node_modules: Playwright drives Electron through --inspect, which the packaged app's fuses
 * switch off. Expects a fresh OS user (the app's userData holds no profile yet), as on a CI
 * runner. Unverified on the development machine (no Electron binary there).
 */
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Fictional, for this test only. */
const WACHTWOORDZIN = 'Zeven blauwe fietsen op de dijk';
const TEAM = 'Jeugdteam Dordrecht Noord';

test('the desktop app unlocks, opens a family and locks when the laptop sleeps', async () => {
  const app = await electron.launch({ args: ['.'], cwd: ROOT });
  try {
    const win = await app.firstWindow();
    // Served on the app's own scheme, and locked: a first start asks for a profile.
    await expect(win.getByRole('heading', { name: 'Profiel aanmaken' })).toBeVisible({
      timeout: 60_000,
    });
    expect(new URL(win.url()).origin).toBe('app://eenplan');
    await win.getByLabel('Naam van het profiel').fill('Smoke');
    await win.getByLabel(/^Wachtwoordzin/).fill(WACHTWOORDZIN);
    await win.getByLabel('Herhaal de wachtwoordzin').fill(WACHTWOORDZIN);
    await win.getByRole('button', { name: 'Profiel aanmaken' }).click();

    // The new profile is nobody's yet: it is given its professional once.
    const profielen = win.getByRole('list', { name: 'Medewerkers' });
    await expect(profielen).toBeVisible({ timeout: 120_000 });
    const knop = profielen
      .getByRole('list', { name: TEAM, exact: true })
      .getByRole('button')
      .filter({ hasText: 'Jeugdprofessional' })
      .first();
    const naam = (await knop.locator('.MuiListItemText-primary').innerText()).trim();
    await knop.click();
    await win
      .getByRole('dialog', { name: `Dit profiel is van ${naam}` })
      .getByRole('button', { name: `Ik ben ${naam}` })
      .click();

    // A family from the caseload opens.
    const rij = win.getByRole('table', { name: 'Mijn gezinnen' }).locator('tbody tr').first();
    await expect(rij).toBeVisible();
    const gezin = (await rij.locator('td').first().innerText()).split('\n')[0]!.trim();
    await rij.click();
    await expect(win.getByRole('heading', { name: gezin })).toBeVisible();

    // The laptop goes to sleep: the main process locks the vault (powerMonitor 'suspend'), and
    // the window shows the lock and nothing of the family.
    await app.evaluate(({ powerMonitor }) => powerMonitor.emit('suspend'));
    await win.reload();
    await expect(win.getByRole('heading', { name: 'Eenplan is vergrendeld' })).toBeVisible();
    await expect(win.getByText(gezin)).toHaveCount(0);

    await win.getByLabel(/^Wachtwoordzin/).fill(WACHTWOORDZIN);
    await win.getByRole('button', { name: 'Ontgrendelen' }).click();
    await expect(win.getByRole('banner')).toContainText(naam);
  } finally {
    await app.close();
  }
});
