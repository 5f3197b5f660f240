/**
 * The AVG inzage PDF is a letter to the family, not a field dump: a greeting by name, what the
 * law gives them, and their data in Dutch words (labels from shared/domain.ts, never codes).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../shared/api';
import { inzageNaarPdf } from './inzage-pdf';

const tekstVan = (pdf: Uint8Array) =>
  execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf, encoding: 'utf8' });

const inzage: ApiOutput<'gezin.inzage'> = {
  gemaaktOp: '2026-03-02T10:00:00.000Z',
  gezinId: 'g1',
  onderdelen: {
    gezinnen: [
      {
        team: 'Jeugdteam Dordrecht Noord',
        id: 'g1',
        hlc: '0001',
        naam: 'Familie Jansen',
        adres: 'Voorstraat 1',
        postcode: '3311AB',
        woonplaats: 'Dordrecht',
        status: 'actief',
        regisseurId: 'r1',
        teamId: 't1',
        aangemeldOp: '2026-01-05',
      },
    ],
    gezinsleden: [
      {
        id: 'l1',
        gezinId: 'g1',
        rol: 'ouder',
        voornaam: 'Petra',
        achternaam: 'Jansen',
        geboortedatum: '1986-03-12',
        bsn: null,
      },
      {
        id: 'l2',
        gezinId: 'g1',
        rol: 'jeugdige',
        voornaam: 'Tim',
        achternaam: 'Jansen',
        geboortedatum: '2012-09-01',
        bsn: '111222333',
      },
    ],
    gezinsplannen: [{ id: 'p1', gezinId: 'g1', eigenWoorden: 'Rust in huis', versie: 0 }],
    actieplannen: [
      {
        id: 'a1',
        gezinId: 'g1',
        jeugdigeId: 'l2',
        hulpvraag: 'Tim wil weer naar school',
        verwijzer: 'jeugdteam',
        triageUitkomst: 'laten_doen',
        jeugdhulpNodig: true,
        status: 'open',
        geopendOp: '2026-02-01',
      },
    ],
  },
  toegangslog: [
    {
      seq: 1,
      at: '2026-03-01T09:30:00.000Z',
      actie: 'inzien',
      gezinId: 'g1',
      gezinNaam: 'Familie Jansen',
      medewerkerId: 'r1',
      medewerker: 'Anouk de Vries',
      namens: null,
      onderdeel: 'gezin.dossier',
      reden: null,
      apparaat: 'laptop',
    },
  ],
};

describe('the inzage as a letter to the family', () => {
  it('greets the parents, says what the AVG gives them and who to ask', async () => {
    const tekst = tekstVan(
      await inzageNaarPdf(inzage, 'Familie Jansen', new Map([['r1', 'Anouk de Vries']])),
    );
    expect(tekst).toContain('Beste Petra Jansen,');
    expect(tekst).toContain('AVG, artikel 15');
    expect(tekst).toMatch(/contact op met Anouk de Vries, uw regisseur/);
    expect(tekst).toContain('Met vriendelijke groet,');
    expect(tekst).toContain('Regisseur, Jeugdteam Dordrecht Noord');
    // The letter comes first; the data follows as its enclosure.
    expect(tekst.indexOf('Met vriendelijke groet,')).toBeLessThan(tekst.indexOf('Gezinsleden'));
  });

  it('shows the data with Dutch labels and never a code', async () => {
    const tekst = tekstVan(
      await inzageNaarPdf(inzage, 'Familie Jansen', new Map([['r1', 'Anouk de Vries']])),
    );
    expect(tekst).toContain('Rol in het gezin: Ouder/verzorger');
    expect(tekst).toContain('Uitkomst van de triage: Laten doen (jeugdhulp)');
    expect(tekst).toContain('Laatst vastgelegde versie: nog geen');
    expect(tekst).toContain('Voor: Tim Jansen');
    expect(tekst).toContain('Stand: Actief');
    expect(tekst).toContain('Geboortedatum: 01-09-2012');
    expect(tekst).toContain('BSN: 111222333');
    expect(tekst).toContain('Anouk de Vries');
    for (const code of [
      'laten_doen',
      'Rol: ouder',
      'Versie: 0',
      'door: jeugdteam',
      'Triage uitkomst',
    ])
      expect(tekst).not.toContain(code);
  });
});
