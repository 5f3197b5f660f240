/** Hosts and services an e2e spec starts of its own (beside the shared browser host). */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class Processen {
  private readonly lopend: ChildProcess[] = [];
  private readonly mappen: string[] = [];

  /** A fresh temporary folder, removed by `stop`. */
  map(naam: string): string {
    const map = mkdtempSync(join(tmpdir(), `eenplan-e2e-${naam}-`));
    this.mappen.push(map);
    return map;
  }

  start(args: string[], env: Record<string, string>): ChildProcess {
    const p = spawn(process.execPath, ['--import', 'tsx', ...args], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    this.lopend.push(p);
    return p;
  }

  /** A browser host on `poort` over a data folder of its own. */
  async startHost(poort: number, env: Record<string, string> = {}): Promise<string> {
    this.start(['core/hosts/web-cli.ts'], {
      EENPLAN_DATA_DIR: this.map('laptop'),
      EENPLAN_PORT: String(poort),
      ...env,
    });
    const url = `http://127.0.0.1:${poort}`;
    await wachtOp(`${url}/health`);
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
