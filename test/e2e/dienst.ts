/**
 * The central service for specs where the work of one person reaches another: a laptop profile
 * belongs to one person, so two people share data only through the service, as in real life.
 * Starts `server/main.ts` with the demo region (every professional an account), laptops (browser
 * hosts of their own that know the service), connects a laptop through the "Verbinden" dialog
 * and synchronises.
 */
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { expect, zetKlok } from './fixtures';
import { ontgrendel, wie } from './helpers';
import { Processen, wachtOp } from './processen';

// The first beheerder's password passes the service's rule (shared/wachtwoord.ts).
export const BEHEER = { email: 'beheer@e2e.example', wachtwoord: 'kraanvogel boven de Merwede' };
export const DEMO_WACHTWOORD = 'demo-wachtwoord-e2e';

/** An account of the service (`/beheer/gebruikers`); the demo's are its professionals. */
export interface Account {
  id: string;
  email: string;
  naam: string;
  rol: 'jeugdprofessional' | 'teamcoach' | 'beheerder';
  teamId: string | null;
}

export class Dienst {
  /** The service's address: a free port taken on the first start, the same after a restart. */
  url = '';
  private proces: ChildProcess | undefined;
  private data = '';

  constructor(private readonly processen: Processen) {}

  async start(): Promise<void> {
    this.data ||= this.processen.map('server');
    const env = {
      PORT: this.url ? new URL(this.url).port : '0',
      DATA_DIR: this.data,
      EENPLAN_DEMO: '1',
      EENPLAN_DEMO_WACHTWOORD: DEMO_WACHTWOORD,
      EENPLAN_BEHEERDER_EMAIL: BEHEER.email,
      EENPLAN_BEHEERDER_WACHTWOORD: BEHEER.wachtwoord,
    };
    if (this.url) {
      this.proces = this.processen.start(['server/main.ts'], env);
      await wachtOp(`${this.url}/health`);
      return;
    }
    // The service prints the port it was given; its log line (Fastify's) has the one it took.
    ({ proces: this.proces, url: this.url } = await this.processen.startMetAdres(
      ['server/main.ts'],
      env,
      /Server listening at (http:\/\/127\.0\.0\.1:\d+)/,
    ));
  }

  /** Makes the service unreachable (it keeps its data for the next `start`). */
  async stop(): Promise<void> {
    const p = this.proces!;
    const klaar = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await klaar;
  }

  /** A laptop: a browser host with a data folder of its own, that knows the service. */
  laptop(): Promise<string> {
    return this.processen.startHost({ EENPLAN_SERVER_URL: this.url });
  }

  /** The service's accounts, as its first beheerder lists them. */
  async accounts(): Promise<Account[]> {
    const aanmelden = await fetch(`${this.url}/auth/aanmelden`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...BEHEER, apparaat: { naam: 'e2e' } }),
    });
    const { toegangstoken } = (await aanmelden.json()) as { toegangstoken: string };
    const lijst = await fetch(`${this.url}/beheer/gebruikers`, {
      headers: { authorization: `Bearer ${toegangstoken}` },
    });
    // The first beheerder is an account only, not one of the region's professionals.
    return ((await lijst.json()) as Account[]).filter((a) => a.email !== BEHEER.email);
  }

  /** Two jeugdprofessionals of one team. */
  async collegas(): Promise<[Account, Account]> {
    const perTeam = new Map<string, Account[]>();
    for (const a of await this.accounts())
      if (a.rol === 'jeugdprofessional' && a.teamId)
        perTeam.set(a.teamId, [...(perTeam.get(a.teamId) ?? []), a]);
    const [a, b] = [...perTeam.values()].find((e) => e.length >= 2)!;
    return [a!, b!];
  }

  /**
   * Makes the laptop's profile (lock screen), connects it with `account` through the
   * "Verbinden" dialog and returns the page, in the app as that person: a connected laptop's
   * profile belongs to the account it connected with, with no choice of professional.
   */
  async verbind(browser: Browser, host: string, account: Account): Promise<Page> {
    const context = await browser.newContext({ baseURL: host });
    await zetKlok(context);
    const page = await context.newPage();
    await page.goto('/');
    await ontgrendel(page);
    await expect(page.getByText('Verbind deze laptop met de centrale dienst')).toBeVisible();
    await page.getByRole('button', { name: 'Verbinden' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verbinden met de centrale dienst' });
    await expect(dialog.getByLabel('Adres van de centrale dienst')).toHaveValue(this.url);
    await dialog.getByLabel('E-mailadres').fill(account.email);
    await dialog.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
    await dialog.getByRole('button', { name: 'Verbinden' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(
      page.getByRole('heading', { name: account.rol === 'beheerder' ? /Regio/ : 'Mijn gezinnen' }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('banner')).toContainText(account.naam);
    expect((await wie(page))?.id).toBe(account.id);
    return page;
  }
}

export const syncStatus = (page: Page) => page.getByRole('status', { name: 'Synchronisatie' });

/** "Synchroniseren", until the laptop says it is online and synced. */
export async function synchroniseer(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Synchroniseren' }).click();
  await expect(syncStatus(page)).toHaveText(/^Online · laatst/, { timeout: 30_000 });
}
