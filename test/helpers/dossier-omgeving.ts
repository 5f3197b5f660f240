/**
 * The setting of the core's dossier tests: a demo region, a core at its fixed day, two
 * professionals of one team and one of another, and helpers to make a family and read a PDF.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { createCore, type Core } from '../../core/core';
import { schrijfLijnen } from '../../shared/handtekening';
import { clientFor } from './core-client';
import { DEMO_TODAY, demoStore } from './demo-store';
import { useTempDir } from './temp-dir';

export function dossierOmgeving() {
  const tempDir = useTempDir();
  const { store, data } = demoStore();
  const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
  afterAll(() => core.close());

  const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
  const [proA, proB] = data.professionals.filter(
    (p) => p.teamId === team.id && p.rol === 'jeugdprofessional',
  );
  const outsider = data.professionals.find(
    (p) => p.teamId !== team.id && p.rol === 'jeugdprofessional',
  )!;
  const a = clientFor(core, store, proA!.id!);
  const b = clientFor(core, store, proB!.id!);
  const vreemde = clientFor(core, store, outsider.id!);
  const count = (table: string) =>
    (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  /** A signature-like scrawl: two strokes across the box. */
  const krabbel = schrijfLijnen([
    Array.from({ length: 40 }, (_, i) => [20 + i * 12, 120 + Math.sin(i / 3) * 40] as const),
    [
      [100, 60],
      [180, 160],
    ],
  ]);

  function nieuwGezin(naam: string) {
    return a.ok('gezin.aanmaken', {
      naam,
      adres: 'Lindelaan 4b',
      postcode: '3311 AB',
      woonplaats: 'Dordrecht',
      leden: [
        { rol: 'ouder', voornaam: 'Anouk', achternaam: 'de Wit', geboortedatum: '1986-02-11' },
        {
          rol: 'jeugdige',
          voornaam: 'Daan',
          achternaam: 'de Wit',
          geboortedatum: '2012-09-30',
          bsn: '111222333',
        },
      ],
    }).id;
  }

  async function pdfTekst(core: Core, input: unknown, professionalId: string) {
    const uit = await clientFor(core, store, professionalId).async('bestand.exporteren', input);
    if (!uit.ok) expect.fail(uit.error.message);
    expect(uit.data.mime).toBe('application/pdf');
    const pad = join(tempDir(), uit.data.naam);
    writeFileSync(pad, Buffer.from(uit.data.inhoud, 'base64'));
    return {
      naam: uit.data.naam,
      pad,
      tekst: execFileSync('pdftotext', ['-layout', pad, '-'], { encoding: 'utf8' }),
    };
  }
  return {
    tempDir,
    store,
    data,
    core,
    team,
    proA,
    proB,
    outsider,
    a,
    b,
    vreemde,
    count,
    krabbel,
    nieuwGezin,
    pdfTekst,
  };
}
