/**
 * Field work in the core: signatures under a plan version, the plan PDFs, visit notes, the
 * sociale kaart in the triage and the agenda. (iJw messages: core/ijw/ijw.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../shared/dates';
import { schrijfLijnen } from '../shared/handtekening';
import { clientFor } from '../test/helpers/core-client';
import { DEMO_TODAY, demoStore } from '../test/helpers/demo-store';
import { useTempDir } from '../test/helpers/temp-dir';
import { createCore, type Core } from './core';

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

describe('visit notes (gespreksverslagen)', () => {
  const gezinId = nieuwGezin('Familie Çelik');
  const jeugdige = a.ok('gezin.dossier', { gezinId }).leden.find((l) => l.rol === 'jeugdige')!;
  const apId = a.ok('actieplan.aanmaken', {
    gezinId,
    jeugdigeId: jeugdige.id,
    hulpvraag: 'Daan heeft ruzie op school.',
    verwijzer: 'jeugdteam',
  }).id;
  const doelId = a.ok('doel.opslaan', {
    actieplanId: apId,
    omschrijving: 'Daan lost ruzies op zonder te slaan',
    meetbaar: 'Geen schorsing meer dit schooljaar',
    uiterlijk: addMonths(DEMO_TODAY, 4),
  }).id;

  it('are written with who was there and the goals they touched, and refuse bad input without writing', () => {
    const voor = count('gespreksverslagen');
    const verslag = {
      gezinId,
      datum: DEMO_TODAY,
      aanwezig: ['Anouk', 'Daan'],
      verslag: 'Gesproken over de ruzie op het schoolplein. Daan vertelde zelf wat er gebeurde.',
      koppelingen: [doelId],
    };
    expect(a.fails('gesprek.opslaan', { ...verslag, aanwezig: [] }).field).toBe('aanwezig');
    expect(a.fails('gesprek.opslaan', { ...verslag, datum: addDays(DEMO_TODAY, 1) }).field).toBe(
      'datum',
    );
    expect(a.fails('gesprek.opslaan', { ...verslag, koppelingen: ['onbekend-id'] }).field).toBe(
      'koppelingen',
    );
    expect(vreemde.fails('gesprek.opslaan', verslag).code).toBe('niet-gevonden');
    expect(count('gespreksverslagen')).toBe(voor);

    const id = a.ok('gesprek.opslaan', verslag).id;
    a.ok('gesprek.opslaan', {
      ...verslag,
      datum: addDays(DEMO_TODAY, -7),
      aanwezig: ['Anouk', 'mentor Ruud'],
      verslag: 'Kennismaking op school; het café om de hoek is een hangplek.',
      koppelingen: [],
    });
    const lijst = a.ok('gesprek.lijst', { gezinId });
    expect(lijst.totaal).toBe(2);
    expect(lijst.verslagen[0]).toMatchObject({
      id,
      aanwezig: ['Anouk', 'Daan'],
      koppelingen: [{ id: doelId, soort: 'doel', tekst: 'Daan lost ruzies op zonder te slaan' }],
    });
    expect(lijst.koppelbaar.map((k) => k.id)).toContain(doelId);
  });

  it('prints under a plain file name, accents dropped', async () => {
    const { naam, tekst } = await pdfTekst(core, { soort: 'gezinsplan', gezinId }, proA!.id!);
    expect(naam).toBe(`gezinsplan-familie-celik-${DEMO_TODAY}.pdf`);
    expect(tekst).toContain('Gezinsplan Familie Çelik');
  });

  it('are searchable within the dossier, whatever the case or accents', () => {
    const zoek = (z: string) => a.ok('gesprek.lijst', { gezinId, zoek: z }).verslagen.length;
    expect(zoek('CAFE')).toBe(1);
    expect(zoek('schoolplein daan')).toBe(1);
    expect(zoek('mentor')).toBe(1);
    expect(zoek('schorsing')).toBe(0);
    expect(zoek('ruzies')).toBe(1);
    expect(zoek(`${DEMO_TODAY.slice(8, 10)}-${DEMO_TODAY.slice(5, 7)}`)).toBe(1);
    expect(zoek('bestaat niet')).toBe(0);
    expect(a.ok('gesprek.lijst', { gezinId, zoek: 'bestaat niet' }).totaal).toBe(2);
  });
});

describe('the sociale kaart in the triage', () => {
  const gezinId = nieuwGezin('Familie Bakker');
  const jeugdige = a.ok('gezin.dossier', { gezinId }).leden.find((l) => l.rol === 'jeugdige')!;
  const apId = a.ok('actieplan.aanmaken', {
    gezinId,
    jeugdigeId: jeugdige.id,
    hulpvraag: 'Daan zit veel thuis.',
    verwijzer: 'jeugdteam',
  }).id;

  it('holds a catalogue for each of the ten gemeenten in the demo data', () => {
    const perGemeente = new Map<string, number>();
    for (const v of data.socialeVoorzieningen)
      perGemeente.set(v.gemeenteId, (perGemeente.get(v.gemeenteId) ?? 0) + 1);
    expect(perGemeente.size).toBe(10);
    for (const n of perGemeente.values()) expect(n).toBeGreaterThanOrEqual(10);
  });

  it("searches the team's gemeente by words, kind and price", () => {
    const alles = a.ok('socialeKaart.zoeken', { actieplanId: apId, zoek: '' });
    expect(alles.gemeente?.naam).toBe('Dordrecht');
    expect(alles.voorzieningen.length).toBeGreaterThanOrEqual(10);
    expect(new Set(alles.voorzieningen.map((v) => v.gemeente))).toEqual(new Set(['Dordrecht']));
    const sport = a.ok('socialeKaart.zoeken', { actieplanId: apId, zoek: 'SPORT vereniging' });
    expect(sport.voorzieningen.map((v) => v.naam)).toEqual(['Buurtsportcoach Dordrecht']);
    const schuld = a.ok('socialeKaart.zoeken', {
      actieplanId: apId,
      zoek: '',
      soort: 'schuldhulp',
    });
    expect(schuld.voorzieningen.every((v) => v.soort === 'schuldhulp')).toBe(true);
    const gratis = a.ok('socialeKaart.zoeken', { actieplanId: apId, zoek: '', alleenGratis: true });
    expect(gratis.voorzieningen.every((v) => v.gratis)).toBe(true);
    expect(gratis.voorzieningen.length).toBeLessThan(alles.voorzieningen.length);
    expect(vreemde.fails('socialeKaart.zoeken', { actieplanId: apId, zoek: '' }).code).toBe(
      'niet-gevonden',
    );
  });

  it('records a voorziening in the plan once, shows it in the dossier and the PDF, and takes it out again', async () => {
    const [opvoedpunt] = a.ok('socialeKaart.zoeken', {
      actieplanId: apId,
      zoek: 'opvoedpunt',
    }).voorzieningen;
    const id = a.ok('actieplan.voorzieningInzetten', {
      actieplanId: apId,
      voorzieningId: opvoedpunt!.id,
    }).id;
    expect(
      a.fails('actieplan.voorzieningInzetten', { actieplanId: apId, voorzieningId: opvoedpunt!.id })
        .code,
    ).toBe('conflict');
    expect(
      a.fails('actieplan.voorzieningInzetten', { actieplanId: apId, voorzieningId: 'x' }).code,
    ).toBe('niet-gevonden');
    const plan = () => a.ok('gezin.dossier', { gezinId }).actieplannen.find((p) => p.id === apId)!;
    expect(plan().voorzieningen).toMatchObject([
      { id, naam: 'Opvoedpunt Dordrecht', gratis: true, op: DEMO_TODAY },
    ]);
    const { tekst } = await pdfTekst(
      core,
      { soort: 'actieplan', gezinId, actieplanId: apId },
      proA!.id!,
    );
    expect(tekst).toContain('Actieplan Daan');
    expect(tekst).toContain('Daan zit veel thuis.');
    expect(tekst).toContain('Opvoedpunt Dordrecht');
    expect(tekst).toContain('Voor akkoord');
    a.ok('actieplan.voorzieningWeghalen', { id });
    expect(plan().voorzieningen).toEqual([]);
  });
});

describe('the agenda', () => {
  const gezinId = nieuwGezin('Familie Jansen');

  it('shows planned visits and the dates the plans hold, for the professionals who work with the family', () => {
    const op = `${addDays(DEMO_TODAY, 2)}T14:30`;
    expect(
      a.fails('bezoek.plannen', {
        gezinId,
        soort: 'huisbezoek',
        op: '2026-11-25T25:00',
        duurMinuten: 60,
        onderwerp: '',
      }).field,
    ).toBe('op');
    expect(
      b.fails('bezoek.plannen', {
        gezinId,
        soort: 'huisbezoek',
        op,
        duurMinuten: 60,
        onderwerp: '',
      }).code,
    ).toBe('geen-toegang');
    const id = a.ok('bezoek.plannen', {
      gezinId,
      soort: 'huisbezoek',
      op,
      duurMinuten: 90,
      onderwerp: 'Plan doorlopen',
    }).id;
    a.ok('afspraak.opslaan', {
      gezinId,
      wat: 'Aanmelden bij sportclub',
      wie: 'Anouk',
      uiterlijk: addDays(DEMO_TODAY, 3),
    });

    const week = { van: DEMO_TODAY, tot: addDays(DEMO_TODAY, 6) };
    const items = a.ok('agenda.lijst', week).items;
    expect(items).toContainEqual(
      expect.objectContaining({
        id,
        soort: 'bezoek',
        datum: addDays(DEMO_TODAY, 2),
        tijd: '14:30',
        duurMinuten: 90,
        titel: 'Huisbezoek: Plan doorlopen',
        gezinNaam: 'Familie Jansen',
      }),
    );
    expect(items.some((i) => i.soort === 'afspraak' && i.titel.includes('sportclub'))).toBe(true);
    expect(items.map((i) => i.datum)).toEqual([...items.map((i) => i.datum)].sort());
    // The regisseur's existing caseload brings evaluations and end dates within a month.
    const maand = a.ok('agenda.lijst', { van: DEMO_TODAY, tot: addDays(DEMO_TODAY, 41) }).items;
    expect(new Set(maand.map((i) => i.soort))).toEqual(
      new Set(['bezoek', 'afspraak', 'evaluatie', 'einde_toewijzing']),
    );
    expect(b.ok('agenda.lijst', week).items.some((i) => i.id === id)).toBe(false);
    expect(a.fails('agenda.lijst', { van: DEMO_TODAY, tot: addDays(DEMO_TODAY, 42) }).field).toBe(
      'tot',
    );
    expect(a.fails('agenda.lijst', { van: DEMO_TODAY, tot: addDays(DEMO_TODAY, -1) }).field).toBe(
      'tot',
    );

    a.ok('bezoek.verwijderen', { id });
    expect(a.ok('agenda.lijst', week).items.some((i) => i.id === id)).toBe(false);
  });
});
