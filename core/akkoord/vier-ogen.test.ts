/** Vier ogen in the core: a colleague or the teamcoach approves, and "nee, tenzij". */
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../shared/dates';
import { clientFor } from '../../test/helpers/core-client';
import { DEMO_TODAY } from '../../test/helpers/demo-store';
import { caseworkOmgeving } from '../../test/helpers/casework-omgeving';

const { store, core, team, coach, a, b, newFamily, readyActieplan } = caseworkOmgeving();

describe('the casework chain in the core', () => {
  it('asks a colleague for vier ogen on out-of-home care; the requester cannot approve', () => {
    const gezinId = newFamily('Familie Vierogen');
    const apId = readyActieplan(gezinId);
    a.ok('zorgprofiel.vaststellen', {
      actieplanId: apId,
      categorie: 'intensief',
      probleemgebieden: ['huiselijk_geweld'],
    });
    const aanbieder = a
      .ok('aanbieders.voorProfiel', { actieplanId: apId })
      .find(
        (k) =>
          !k.clientenstop &&
          !k.plafondBereikt &&
          k.producten.some((p) => p.productcode === '41A01'),
      )!;
    const product = aanbieder.producten.find((p) => p.productcode === '41A01')!;
    const toewijzing = {
      actieplanId: apId,
      aanbiederId: aanbieder.id,
      productId: product.id,
      volume: 1,
      startdatum: DEMO_TODAY,
      einddatum: addMonths(DEMO_TODAY, 9),
    };
    expect(a.ok('toewijzing.voorstel', toewijzing).vierOgen.redenen).toEqual(
      expect.arrayContaining(['hulp met verblijf buiten huis']),
    );
    expect(a.fails('toewijzing.aanmaken', { toewijzing }).field).toBe('vierOgenReden');
    const made = a.ok('toewijzing.aanmaken', {
      toewijzing,
      vierOgenReden: 'Thuis is het niet veilig.',
    });
    expect(made.status).toBe('ter_accordering');
    expect(a.fails('toewijzing.startVastleggen', { id: made.id, datum: DEMO_TODAY }).code).toBe(
      'conflict',
    );

    expect(a.ok('akkoorden.wachtrij', {}).some((v) => v.toewijzingId === made.id)).toBe(false);
    const verzoek = b.ok('akkoorden.wachtrij', {}).find((v) => v.toewijzingId === made.id)!;
    expect(verzoek.reden).toMatch(/Thuis is het niet veilig/);
    expect(
      b
        .ok('taken.lijst', {})
        .signalen.some((s) => s.soort === 'akkoord_gevraagd' && s.gezinId === gezinId),
    ).toBe(true);
    expect(
      a.fails('akkoord.besluiten', { id: verzoek.id, besluit: 'akkoord', toelichting: 'ok' }).code,
    ).toBe('geen-toegang');
    clientFor(core, store, coach.id!).ok('akkoord.besluiten', {
      id: verzoek.id,
      besluit: 'akkoord',
      toelichting: 'Eens, veiligheid gaat voor.',
    });
    const tw = a.ok('gezin.dossier', { gezinId }).actieplannen[0]!.toewijzingen[0]!;
    expect(tw).toMatchObject({
      status: 'toegewezen',
      akkoord: { besluit: 'akkoord', beoordeeldDoorNaam: coach.naam },
    });
    expect(
      b.fails('akkoord.besluiten', {
        id: verzoek.id,
        besluit: 'afgewezen',
        toelichting: 'toch niet',
      }).code,
    ).toBe('conflict');
  });

  /** Issue 24: a toewijzing taking the team to 256% of its budget went through unasked. */

  it('asks the teamcoach, not a colleague, when the forecast would go over the budget', () => {
    const gezinId = newFamily('Familie Overbudget');
    const apId = readyActieplan(gezinId);
    a.ok('zorgprofiel.vaststellen', {
      actieplanId: apId,
      categorie: 'intensief',
      probleemgebieden: ['gedrag'],
    });
    const aanbieder = a
      .ok('aanbieders.voorProfiel', { actieplanId: apId })
      .find(
        (k) =>
          !k.clientenstop &&
          !k.plafondBereikt &&
          k.producten.some((p) => p.productcode === '45A02'),
      )!;
    const product = aanbieder.producten.find((p) => p.productcode === '45A02')!;
    const toewijzing = {
      actieplanId: apId,
      aanbiederId: aanbieder.id,
      productId: product.id,
      volume: 1,
      startdatum: DEMO_TODAY,
      einddatum: addMonths(DEMO_TODAY, 1),
    };
    const voor = a.ok('toewijzing.voorstel', toewijzing);
    expect(voor.vierOgen.nodig).toBe(false);
    // The coach lowers the budget to just below the forecast with this toewijzing.
    const c = clientFor(core, store, coach.id!);
    c.ok('budget.vaststellen', {
      teamId: team.id!,
      jaar: voor.budget.jaar,
      perceel: null,
      bedragCents: voor.budget.prognoseNaCents - 1,
      toelichting: 'Bezuiniging',
    });
    const voorstel = a.ok('toewijzing.voorstel', toewijzing);
    expect(voorstel.budget.naDezeCents).toBe(-1);
    expect(voorstel.vierOgen).toMatchObject({ nodig: true, alleenTeamcoach: true });
    const made = a.ok('toewijzing.aanmaken', { toewijzing, vierOgenReden: 'Nodig.' });
    expect(made.status).toBe('ter_accordering');
    // A colleague does not see it to decide, and cannot; the teamcoach can.
    expect(b.ok('akkoorden.wachtrij', {}).some((v) => v.toewijzingId === made.id)).toBe(false);
    const verzoek = c.ok('akkoorden.wachtrij', {}).find((v) => v.toewijzingId === made.id)!;
    expect(
      b.fails('akkoord.besluiten', { id: verzoek.id, besluit: 'akkoord', toelichting: 'ok' }).code,
    ).toBe('geen-toegang');
    c.ok('akkoord.besluiten', { id: verzoek.id, besluit: 'akkoord', toelichting: 'Akkoord.' });
    c.ok('budget.vaststellen', {
      teamId: team.id!,
      jaar: voor.budget.jaar,
      perceel: null,
      bedragCents: voor.budget.budgetCents!,
      toelichting: 'Terug',
    });
  });

  it('routes a provider with a cliëntenstop through "nee, tenzij" with a reason', () => {
    const apId = readyActieplan(newFamily('Familie Neetenzij'));
    a.ok('zorgprofiel.vaststellen', {
      actieplanId: apId,
      categorie: 'perspectief',
      probleemgebieden: ['gedrag'],
    });
    const aanbieder = a
      .ok('aanbieders.voorProfiel', { actieplanId: apId })
      .find((k) => k.producten.some((p) => p.productcode === '45A01'))!;
    store.sqlite.prepare('UPDATE aanbieders SET clientenstop = 1 WHERE id = ?').run(aanbieder.id);
    const product = aanbieder.producten.find((p) => p.productcode === '45A01')!;
    const toewijzing = {
      actieplanId: apId,
      aanbiederId: aanbieder.id,
      productId: product.id,
      volume: 2,
      startdatum: DEMO_TODAY,
      einddatum: addMonths(DEMO_TODAY, 3),
    };
    expect(a.ok('toewijzing.voorstel', toewijzing).neeTenzijNodig).toBe(true);
    expect(a.fails('toewijzing.aanmaken', { toewijzing }).field).toBe('neeTenzijReden');
    const made = a.ok('toewijzing.aanmaken', {
      toewijzing,
      neeTenzijReden: 'Alleen deze aanbieder spreekt Tigrinya.',
      vierOgenReden: 'Taal.',
    });
    expect(made.status).toBe('ter_accordering');
  });
});
