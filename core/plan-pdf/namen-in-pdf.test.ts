/**
 * Names as families have them: every PDF handed to a family (gezinsplan, actieplan, AVG inzage)
 * must print "Ayşe Yılmaz", "Çelik" and "Łukasz" exactly, read back from the file as a reader's
 * PDF viewer would (pdftotext), titles included.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Actieplan, ApiOutput, Gezinsplan } from '../../shared/api';
import { inzageNaarPdf } from '../audit/inzage-pdf';
import { actieplanNaarPdf } from './actieplan-pdf';
import { LETTERTYPE_BESTANDEN } from './document';
import { gezinsplanNaarPdf } from './gezinsplan-pdf';

const GEZIN = 'Familie Yılmaz';
const OUDER = 'Ayşe Yılmaz';
const JEUGDIGE = 'Çelik Yılmaz';
const NETWERK = 'Łukasz Wiśniewski';
const REGISSEUR = 'Ümit Doğan';
const gemaaktOp = new Date('2026-03-02T10:00:00Z');

const tekstVan = (pdf: Uint8Array) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });

const plan: Gezinsplan = {
  id: 'p1',
  gezinId: 'g1',
  inhoud: {
    eigenWoorden: `${OUDER} wil dat ${JEUGDIGE} weer naar school gaat.`,
    toekomstplan: null,
    domeinen: [{ domein: 'onderwijs', situatie: 'Thuis sinds januari', doel: 'Elke dag school' }],
    afspraken: [{ wat: 'Gesprek met school', wie: NETWERK, uiterlijk: null, status: 'open' }],
  },
  afspraakIds: ['a1'],
  toekomstplanNodig: false,
  versie: 1,
  gewijzigdSindsVersie: false,
  toestemming: null,
  versies: [],
  handtekeningen: [
    {
      id: 'h1',
      versie: 1,
      naam: OUDER,
      rol: 'ouder',
      lijnen: '10,10 200,150 400,60',
      getekendOp: gemaaktOp.toISOString(),
    },
  ],
  ondertekening: 'ondertekend',
};

const actieplan: Actieplan = {
  id: 'ap1',
  jeugdigeId: 'l2',
  jeugdigeNaam: JEUGDIGE,
  hulpvraag: `${JEUGDIGE} wil weer naar school.`,
  problemen: '',
  verwijzer: 'jeugdteam',
  eigenKracht: `${OUDER} brengt ${JEUGDIGE} naar school.`,
  netwerk: `${NETWERK} haalt hem op.`,
  voorliggend: null,
  triageUitkomst: 'laten_doen',
  jeugdhulpNodig: false,
  status: 'open',
  geopendOp: '2026-02-01',
  afgerondOp: null,
  doelen: [],
  zorgprofiel: null,
  toewijzingen: [],
  voorzieningen: [],
};

const inzage: ApiOutput<'gezin.inzage'> = {
  gemaaktOp: gemaaktOp.toISOString(),
  gezinId: 'g1',
  onderdelen: {
    gezinnen: [
      {
        id: 'g1',
        naam: GEZIN,
        adres: 'Voorstraat 1',
        postcode: '3311AB',
        woonplaats: 'Dordrecht',
        status: 'actief',
        regisseurId: 'r1',
      },
    ],
    gezinsleden: [
      {
        id: 'l1',
        rol: 'ouder',
        voornaam: 'Ayşe',
        achternaam: 'Yılmaz',
        geboortedatum: '1986-03-12',
      },
      {
        id: 'l2',
        rol: 'jeugdige',
        voornaam: 'Çelik',
        achternaam: 'Yılmaz',
        geboortedatum: '2012-09-01',
      },
    ],
    netwerkleden: [{ id: 'n1', naam: NETWERK, relatie: 'buurman', telefoon: null }],
  },
  toegangslog: [],
};

describe('names outside Latin-1 in the PDFs handed to a family', () => {
  it('the gezinsplan prints the family, the signer and the regisseur exactly', async () => {
    const tekst = tekstVan(
      await gezinsplanNaarPdf({ plan, gezinNaam: GEZIN, regisseurNaam: REGISSEUR, gemaaktOp }),
    );
    expect(tekst).toContain(`Gezinsplan ${GEZIN}`);
    for (const naam of [OUDER, JEUGDIGE, NETWERK, REGISSEUR]) expect(tekst).toContain(naam);
  });

  it('the actieplan prints the youth, the family and the network exactly', async () => {
    const tekst = tekstVan(
      await actieplanNaarPdf({
        plan: actieplan,
        gezinNaam: GEZIN,
        regisseurNaam: REGISSEUR,
        gemaaktOp,
      }),
    );
    expect(tekst).toContain(`Actieplan ${JEUGDIGE}`);
    for (const naam of [GEZIN, OUDER, NETWERK, REGISSEUR]) expect(tekst).toContain(naam);
  });

  it('the inzage prints every member and the network exactly', async () => {
    const tekst = tekstVan(await inzageNaarPdf(inzage, GEZIN, new Map([['r1', REGISSEUR]])));
    for (const naam of [GEZIN, 'Ayşe', 'Çelik', 'Yılmaz', NETWERK, REGISSEUR])
      expect(tekst).toContain(naam);
  });
});

describe('the embedded font in the desktop app', () => {
  it('is copied beside the bundle by the build, which electron-builder packs', () => {
    const bouw = readFileSync('scripts/build-electron.mjs', 'utf8');
    for (const bestand of LETTERTYPE_BESTANDEN) expect(bouw).toContain(`'${bestand}'`);
    expect(bouw).toContain('`${outdir}/fonts/${bestand}`');
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(
      /files:\n\s+- dist\/electron\/\*\*/,
    );
  });
});
