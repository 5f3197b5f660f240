/**
 * A provider's JW305 (start of care) and JW307 (stop, with its JZ588 reason), read and recorded
 * on the toewijzing they are about: XSD-valid messages with every optional element are read, a
 * toewijzing is found by its ToewijzingNummer (stored, or derived from the id for one sent
 * before numbers were issued) or by youth, provider and product; the actual start, the waiting
 * time, the end and its reasons are stored only after confirming, with the rules of recording
 * them by hand, for the whole message or not at all; every refusal says why in Dutch.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startStopOpzet } from '../../test/helpers/start-stop';

const { core, A, a, zetKlaar, rij, start, stop, lezen, verwerken, geweigerd } = startStopOpzet();
afterAll(() => core.close());
beforeEach(zetKlaar);

describe('JW307: the end of care', () => {
  it('is refused before the start is recorded', async () => {
    expect((await geweigerd(stop())).verwerken).toContain('Lees eerst het startbericht (JW305) in');
  });

  it('shows the end and the JZ588 reason, then records them: beëindigd, with both reasons', async () => {
    await verwerken(start());
    const uit = await lezen(stop());
    expect(uit).toMatchObject({
      soort: 'jw307',
      verwerkbaar: true,
      producten: [
        {
          begindatum: '2026-10-15',
          einddatum: '2026-11-20',
          redenBeeindiging: { code: '31', label: 'Levering is volgens plan beëindigd' },
          eindeReden: 'volgens_plan',
          wachttijdDagen: null,
          toewijzing: { id: A.id, status: 'gestart', werkelijkeStart: '2026-10-15' },
          probleem: null,
        },
      ],
    });
    expect(rij(A.id).status).toBe('gestart');
    expect((await verwerken(stop())).toewijzingen).toEqual([
      { id: A.id, gezinId: A.gezinId, gewijzigd: true },
    ]);
    expect(rij(A.id)).toEqual({
      status: 'beeindigd',
      werkelijkeStart: '2026-10-15',
      beeindigdOp: '2026-11-20',
      eindeReden: 'volgens_plan',
      redenBeeindiging: '31',
    });
    const dossier = a.ok('gezin.dossier', { gezinId: A.gezinId });
    expect(
      dossier.actieplannen.flatMap((p) => p.toewijzingen).find((t) => t.id === A.id),
    ).toMatchObject({ status: 'beeindigd', beeindigdOp: '2026-11-20', wachttijdDagen: 14 });
    // Again: nothing changes; another end for the ended toewijzing is refused.
    expect((await lezen(stop())).producten[0]!.alVerwerkt).toBe(true);
    expect((await verwerken(stop())).toewijzingen[0]!.gewijzigd).toBe(false);
    expect((await geweigerd(stop({ reden: '32' }))).verwerken).toContain(
      'al beëindigd op 20-11-2026 (levering is volgens plan beëindigd)',
    );
    expect((await geweigerd(stop({ einddatum: '2026-11-21' }))).verwerken).toContain(
      'al beëindigd',
    );
  });

  it('maps JZ588 to the own end reasons: 32 and 33 early, 35 a move only when confirmed', async () => {
    for (const [reden, verhuizing, eindeReden] of [
      ['32', false, 'voortijdig_client'],
      ['33', false, 'voortijdig_aanbieder'],
      ['35', false, 'overig'],
      ['35', true, 'verhuizing'],
      ['38', false, 'overig'],
    ] as const) {
      zetKlaar();
      await verwerken(start());
      await verwerken(stop({ reden }), verhuizing);
      expect(rij(A.id)).toMatchObject({ eindeReden, redenBeeindiging: reden });
    }
  });

  it('refuses a stop before the start, after the toewijzing, or for another start', async () => {
    await verwerken(start());
    expect((await geweigerd(stop({ einddatum: '2026-10-14' }))).verwerken).toContain(
      'De einddatum 14-10-2026 ligt vóór de start van de zorg (15-10-2026)',
    );
    expect((await geweigerd(stop({ einddatum: '2027-04-01' }))).verwerken).toContain(
      'na het einde van de toewijzing (31-03-2027)',
    );
    expect((await geweigerd(stop({ begindatum: '2026-10-16' }))).verwerken).toContain(
      'is niet de vastgelegde start van de zorg (15-10-2026)',
    );
    expect(rij(A.id)).toMatchObject({ status: 'gestart', beeindigdOp: null });
  });
});
