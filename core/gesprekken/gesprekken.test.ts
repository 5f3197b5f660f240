/** Visit notes (gespreksverslagen): written, printed and searched. */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/dates';
import { DEMO_TODAY } from '../../test/helpers/demo-store';

import { dossierOmgeving } from '../../test/helpers/dossier-omgeving';

const { core, proA, a, vreemde, count, nieuwGezin, pdfTekst } = dossierOmgeving();

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
