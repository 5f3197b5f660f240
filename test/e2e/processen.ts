/** Hosts and services an e2e spec starts of its own (beside the shared browser host). */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KLOK_IMPORT } from '../helpers/klok';

export class Processen {
  private readonly lopend: ChildProcess[] = [];
  private readonly mappen: string[] = [];

  /** A fresh temporary folder, removed by `stop`. */
  map(naam: string): string {
    const map = mkdtempSync(join(tmpdir(), `eenplan-e2e-${naam}-`));
    this.mappen.push(map);
    return map;
  }

  /** A Node process of the app, on the run's clock (EENPLAN_NU) like the shared browser host. */
  start(args: string[], env: Record<string, string>): ChildProcess {
    const p = spawn(process.execPath, ['--import', 'tsx', ...KLOK_IMPORT, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    // Read on, or a chatty process blocks once the pipe is full.
    p.stdout!.resume();
    this.lopend.push(p);
    return p;
  }

  /**
   * Starts a process that takes a free port itself (port 0, so no other program can hold it)
   * and waits until it prints its address (`adres`, whose first group is the URL).
   */
  async startMetAdres(
    args: string[],
    env: Record<string, string>,
    adres: RegExp,
  ): Promise<{ proces: ChildProcess; url: string }> {
    const proces = this.start(args, env);
    const url = await new Promise<string>((klaar, mislukt) => {
      let uitvoer = '';
      const lees = (stuk: Buffer) => {
        uitvoer += stuk.toString('utf8');
        const gevonden = adres.exec(uitvoer);
        if (!gevonden) return;
        proces.stdout!.off('data', lees);
        proces.off('exit', gestopt);
        klaar(gevonden[1]!);
      };
      const gestopt = (code: number | null) =>
        mislukt(new Error(`${args.join(' ')} stopte (${code}) zonder adres:\n${uitvoer}`));
      proces.stdout!.on('data', lees);
      proces.once('exit', gestopt);
    });
    await wachtOp(`${url}/health`);
    return { proces, url };
  }

  /** A browser host over a data folder of its own, on a free port; returns its address. */
  async startHost(env: Record<string, string> = {}): Promise<string> {
    const { url } = await this.startMetAdres(
      ['web/web-cli.ts'],
      { EENPLAN_DATA_DIR: this.map('laptop'), EENPLAN_PORT: '0', ...env },
      /draait in de browser op (http:\/\/127\.0\.0\.1:\d+)/,
    );
    return url;
  }

  stop(): void {
    for (const p of this.lopend) p.kill('SIGTERM');
    for (const m of this.mappen) rmSync(m, { recursive: true, force: true });
  }
}

export async function wachtOp(url: string, ms = 90_000): Promise<void> {
  const einde = Date.now() + ms;
  while (Date.now() < einde) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} kwam niet op`);
}
