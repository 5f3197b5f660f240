/** The sociale kaart in the triage. */
import { describe, expect, it } from 'vitest';
import { DEMO_TODAY } from '../../test/helpers/demo-store';

import { dossierOmgeving } from '../../test/helpers/dossier-omgeving';

const { data, core, proA, a, vreemde, nieuwGezin, pdfTekst } = dossierOmgeving();

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
