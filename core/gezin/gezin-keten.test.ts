/** A family in the core: registering, closing, handing over, who may read or change it, tasks and signals. */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/dates';
import { alsPersoon, clientFor } from '../../test/helpers/core-client';
import { DEMO_TODAY } from '../../test/helpers/demo-store';
import { caseworkOmgeving } from '../../test/helpers/casework-omgeving';

const {
  store,
  data,
  core,
  team,
  proA,
  proB,
  coach,
  outsider,
  a,
  b,
  count,
  newFamily,
  readyActieplan,
} = caseworkOmgeving();

describe('the casework chain in the core', () => {
  it('registers a family with members and its one plan, and refuses bad input without writing', () => {
    const before = { gezinnen: count('gezinnen'), outbox: count('outbox') };
    const fout = a.fails('gezin.aanmaken', {
      naam: 'Familie X',
      adres: 'A 1',
      postcode: '33',
      woonplaats: 'Dordrecht',
      leden: [{ rol: 'jeugdige', voornaam: 'A', achternaam: 'B', geboortedatum: '2012-01-01' }],
    });
    expect(fout).toMatchObject({ code: 'ongeldige-invoer', field: 'postcode' });
    expect(
      a.fails('gezin.aanmaken', {
        naam: 'Familie X',
        adres: 'A 1',
        postcode: '3311 AB',
        woonplaats: 'D',
        leden: [
          {
            rol: 'jeugdige',
            voornaam: 'A',
            achternaam: 'B',
            geboortedatum: '2012-01-01',
            bsn: '123456789',
          },
        ],
      }).field,
    ).toBe('leden.0.bsn');
    expect({ gezinnen: count('gezinnen'), outbox: count('outbox') }).toEqual(before);

    const gezinId = newFamily('Familie Verbeek');
    const dossier = a.ok('gezin.dossier', { gezinId });
    expect(dossier.gezin).toMatchObject({
      status: 'aangemeld',
      postcode: '3311 AB',
      regisseurId: proA!.id,
    });
    expect(dossier.leden.map((l) => l.bsnGemaskeerd)).toEqual([null, '******333']);
    // Every change is in the outbox, written in the same transaction.
    expect(count('outbox')).toBe(before.outbox + 4);
  });

  it('closes a family only after the last help has ended', () => {
    const gezinId = newFamily('Familie Nog Even');
    const apId = readyActieplan(gezinId);
    const aanbieder = a
      .ok('aanbieders.voorProfiel', { actieplanId: apId })
      .find((k) => !k.clientenstop && !k.plafondBereikt)!;
    const made = a.ok('toewijzing.aanmaken', {
      toewijzing: {
        actieplanId: apId,
        aanbiederId: aanbieder.id,
        productId: aanbieder.producten[0]!.id,
        volume: 1,
        startdatum: addDays(DEMO_TODAY, -7),
        einddatum: addMonths(DEMO_TODAY, 3),
      },
    });
    a.ok('toewijzing.startVastleggen', { id: made.id, datum: addDays(DEMO_TODAY, -7) });
    a.ok('toewijzing.stoppen', {
      id: made.id,
      datum: addDays(DEMO_TODAY, 10),
      reden: 'volgens_plan',
    });
    const fout = a.fails('gezin.afsluiten', {
      gezinId,
      datum: DEMO_TODAY,
      doelen: [],
      oordeelGezin: 'Prima',
      oordeelCijfer: 7,
    });
    expect(fout).toMatchObject({
      field: 'datum',
      message: expect.stringMatching(/De hulp loopt tot \d{2}-\d{2}-\d{4}/),
    });
  });

  it('hands a family to a colleague of the same team with the reason on the timeline', () => {
    const gezinId = newFamily('Familie Overdracht');
    expect(a.fails('gezin.overdragen', { gezinId, naarId: coach.id, reden: 'Verlof' }).field).toBe(
      'naarId',
    );
    expect(
      a.fails('gezin.overdragen', { gezinId, naarId: outsider.id, reden: 'Verlof' }).field,
    ).toBe('naarId');
    a.ok('gezin.medewerker', { gezinId, professionalId: proB!.id!, actie: 'toevoegen' });
    a.ok('gezin.overdragen', { gezinId, naarId: proB!.id!, reden: 'Zwangerschapsverlof' });
    const dossier = b.ok('gezin.dossier', { gezinId });
    expect(dossier.gezin.regisseurNaam).toBe(proB!.naam);
    expect(dossier.tijdlijn[0]!.tekst).toMatch(/Zwangerschapsverlof/);
    // The new regisseur is no longer a medewerker as well; the old one now only reads.
    expect(dossier.gezin).toMatchObject({ magWijzigen: true, medewerkers: [] });
    expect(a.ok('gezin.dossier', { gezinId }).gezin.magWijzigen).toBe(false);
  });

  it('lets the team read a dossier but only the regisseur and medewerkers change it', () => {
    const gezinId = newFamily('Familie Medewerk');
    const uitgaand = () => count('outbox');
    const wijzig = (professionalId: string, tekst: string) => {
      alsPersoon(store, professionalId);
      return core.call('gezinsplan.opslaan', { gezinId, eigenWoorden: tekst });
    };
    // B reads the dossier, sees it is read-only, and is refused a change: nothing written.
    expect(b.ok('gezin.dossier', { gezinId }).gezin).toMatchObject({
      magWijzigen: false,
      medewerkers: [],
    });
    const voor = uitgaand();
    const geweigerd = b.fails('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Van B' });
    expect(geweigerd).toMatchObject({ code: 'geen-toegang' });
    expect(geweigerd.message).toMatch(/regisseur of medewerker/);
    expect(uitgaand()).toBe(voor);
    // Only the regisseur adds a medewerker; then B may change the plan too.
    expect(
      b.fails('gezin.medewerker', { gezinId, professionalId: proB!.id!, actie: 'toevoegen' }),
    ).toMatchObject({ code: 'geen-toegang' });
    expect(
      a.fails('gezin.medewerker', { gezinId, professionalId: outsider.id!, actie: 'toevoegen' })
        .field,
    ).toBe('professionalId');
    a.ok('gezin.medewerker', { gezinId, professionalId: proB!.id!, actie: 'toevoegen' });
    expect(
      a.fails('gezin.medewerker', { gezinId, professionalId: proB!.id!, actie: 'toevoegen' }).code,
    ).toBe('conflict');
    expect(b.ok('gezin.dossier', { gezinId }).gezin).toMatchObject({
      magWijzigen: true,
      medewerkers: [{ id: proB!.id, naam: proB!.naam }],
    });
    expect(wijzig(proB!.id!, 'Van B, als medewerker').ok).toBe(true);
    // A medewerker does not add others; removed again, B only reads.
    expect(
      b.fails('gezin.medewerker', { gezinId, professionalId: coach.id!, actie: 'toevoegen' }).code,
    ).toBe('geen-toegang');
    a.ok('gezin.medewerker', { gezinId, professionalId: proB!.id!, actie: 'verwijderen' });
    expect(wijzig(proB!.id!, 'Weer van B').ok).toBe(false);
    expect(b.ok('gezin.dossier', { gezinId }).gezin.magWijzigen).toBe(false);
    // The teamcoach reads (with a reason) and never changes a dossier.
    const c = clientFor(core, store, coach.id!);
    c.ok('inzage.reden', { gezinId, reden: 'Casusoverleg over de voortgang' });
    expect(c.ok('gezin.dossier', { gezinId }).gezin.magWijzigen).toBe(false);
  });

  it("never shows another team's family", () => {
    const gezinId = newFamily('Familie Geheim');
    expect(clientFor(core, store, outsider.id!).fails('gezin.dossier', { gezinId }).code).toBe(
      'niet-gevonden',
    );
    expect(
      clientFor(core, store, outsider.id!).fails('netwerklid.opslaan', {
        gezinId,
        naam: 'X',
        relatie: 'Oom',
      }).code,
    ).toBe('niet-gevonden');
  });

  it('lists tasks and signals, and filters the caseload on them', () => {
    const taken = a.ok('taken.lijst', {});
    expect(
      taken.perSoort.evaluatie_te_laat +
        taken.perSoort.toewijzing_eindigt +
        taken.perSoort.geen_toestemming,
    ).toBeGreaterThan(0);
    const due = a.ok('gezinnen.lijst', { evaluatieNodig: true });
    const all = a.ok('gezinnen.lijst', {});
    expect(due.totaal).toBeGreaterThan(0);
    expect(due.totaal).toBeLessThan(all.totaal);
    const intensief = a.ok('gezinnen.lijst', { zorgprofiel: 'intensief' });
    expect(intensief.gezinnen.every((g) => g.zorgprofielen.includes('intensief'))).toBe(true);
    expect(all.perStatus.actief + all.perStatus.afgesloten + all.perStatus.aangemeld).toBe(
      all.totaal,
    );
  });
});

describe('the demo families in the core', () => {
  it('opens every dossier and plan of a team, with fixed versions that match the plan', () => {
    const families = data.gezinnen.filter((g) => g.teamId === team.id);
    let unchanged = 0;
    for (const g of families) {
      expect(a.ok('gezin.dossier', { gezinId: g.id! }).gezin.id).toBe(g.id);
      const plan = a.ok('gezinsplan.ophalen', { gezinId: g.id! });
      expect(plan.versies).toHaveLength(plan.versie);
      if (!plan.gewijzigdSindsVersie) unchanged++;
    }
    expect(unchanged).toBe(
      families.filter((g) => data.gezinsplannen.find((p) => p.gezinId === g.id)!.versie! > 0)
        .length,
    );
  });
});
