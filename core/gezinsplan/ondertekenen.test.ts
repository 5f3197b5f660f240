/** Signatures under a plan version and the plan PDFs. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { DEMO_TODAY } from '../../test/helpers/demo-store';

import { dossierOmgeving } from '../../test/helpers/dossier-omgeving';

const { store, core, proA, a, b, vreemde, count, krabbel, nieuwGezin, pdfTekst } =
  dossierOmgeving();

describe('signatures under the gezinsplan', () => {
  const gezinId = nieuwGezin('Familie de Wit');

  it('is signed on a fixed, unchanged version only, and a bad scrawl is refused without writing', () => {
    const voor = count('handtekeningen');
    const teken = { gezinId, naam: 'Anouk de Wit', rol: 'ouder', lijnen: krabbel };
    expect(a.fails('gezinsplan.ondertekenen', teken).code).toBe('conflict');
    a.ok('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Wij willen weer rust in huis.' });
    a.ok('gezinsplan.vastleggen', { gezinId });
    for (const lijnen of ['', '10,10', '1000,5 20,20', 'x,y', '10,10 12,12'])
      expect(a.fails('gezinsplan.ondertekenen', { ...teken, lijnen })).toMatchObject({
        code: 'ongeldige-invoer',
        field: 'lijnen',
      });
    expect(b.fails('gezinsplan.ondertekenen', teken).code).toBe('geen-toegang');
    expect(count('handtekeningen')).toBe(voor);
    expect(a.ok('gezinsplan.ophalen', { gezinId }).ondertekening).toBe('niet');
  });

  it('keeps the version it approves, counts as consent, and shows a changed plan as not re-signed', () => {
    expect(
      a.ok('gezinsplan.ondertekenen', {
        gezinId,
        naam: 'Anouk de Wit',
        rol: 'ouder',
        lijnen: krabbel,
      }).versie,
    ).toBe(1);
    let plan = a.ok('gezinsplan.ophalen', { gezinId });
    expect(plan.ondertekening).toBe('ondertekend');
    expect(plan.handtekeningen).toMatchObject([
      { versie: 1, naam: 'Anouk de Wit', lijnen: krabbel },
    ]);
    expect(plan.toestemming).toMatchObject({ versie: 1, door: 'Anouk de Wit' });

    a.ok('gezinsplan.opslaan', {
      gezinId,
      eigenWoorden: 'Wij willen rust in huis en Daan naar school.',
    });
    plan = a.ok('gezinsplan.ophalen', { gezinId });
    expect(plan.ondertekening).toBe('opnieuw');
    expect(
      a.fails('gezinsplan.ondertekenen', { gezinId, naam: 'Anouk', rol: 'ouder', lijnen: krabbel })
        .code,
    ).toBe('conflict');
    a.ok('gezinsplan.vastleggen', { gezinId });
    expect(a.ok('gezinsplan.ophalen', { gezinId }).ondertekening).toBe('opnieuw');
    a.ok('gezinsplan.ondertekenen', {
      gezinId,
      naam: 'Anouk de Wit',
      rol: 'ouder',
      lijnen: krabbel,
    });
    plan = a.ok('gezinsplan.ophalen', { gezinId });
    expect(plan.ondertekening).toBe('ondertekend');
    expect(plan.handtekeningen.map((h) => h.versie)).toEqual([1, 2]);
  });

  it('prints the family plan with their own words first, the agreements as a table and the signature', async () => {
    a.ok('gezinsplan.opslaan', {
      gezinId,
      domeinen: [
        { domein: 'onderwijs', situatie: 'Daan verzuimt veel.', doel: 'Daan gaat elke dag.' },
      ],
    });
    a.ok('afspraak.opslaan', {
      gezinId,
      wat: 'Wekker om zeven uur',
      wie: 'Anouk',
      uiterlijk: addDays(DEMO_TODAY, 14),
    });
    a.ok('gezinsplan.vastleggen', { gezinId });
    a.ok('gezinsplan.ondertekenen', {
      gezinId,
      naam: 'Anouk de Wit',
      rol: 'ouder',
      lijnen: krabbel,
    });
    const { pad, tekst } = await pdfTekst(core, { soort: 'gezinsplan', gezinId }, proA!.id!);
    const plek = (s: string) => tekst.indexOf(s);
    expect(plek('Gezinsplan Familie de Wit')).toBeGreaterThanOrEqual(0);
    expect(plek('Wij willen rust in huis en Daan naar school.')).toBeGreaterThan(0);
    expect(plek('eigen woorden')).toBeLessThan(plek('Leefdomeinen'));
    expect(plek('Leefdomeinen')).toBeLessThan(plek('Afspraken'));
    expect(tekst).toMatch(/Wekker om zeven uur\s+Anouk\s+\d{2}-12-2026\s+Open/);
    expect(tekst).toContain('Ondertekend: de handtekeningen hieronder gelden voor versie 3.');
    expect(tekst).toContain('Anouk de Wit');
    expect(tekst).toMatch(/Pagina 1 van \d/);
    // The page renders, and the signature is ink on it (a drawn path, not text).
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', pad, pad]);
    expect(readFileSync(`${pad}-1.png`).length).toBeGreaterThan(2_000);
    const log = store.sqlite
      .prepare("SELECT actie FROM audit_log WHERE gezin_id = ? AND onderdeel = 'pdf:gezinsplan'")
      .all(gezinId);
    expect(log).toEqual([{ actie: 'printen' }]);

    a.ok('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Nieuwe woorden.' });
    const gewijzigd = await pdfTekst(core, { soort: 'gezinsplan', gezinId }, proA!.id!);
    expect(gewijzigd.tekst).toContain('nog niet opnieuw ondertekend');
    expect(gewijzigd.tekst).toContain('daarna gewijzigd');
  });

  it("does not print another team's family", async () => {
    const uit = await vreemde.async('bestand.exporteren', { soort: 'gezinsplan', gezinId });
    expect(uit).toMatchObject({ ok: false, error: { code: 'niet-gevonden' } });
  });
});
