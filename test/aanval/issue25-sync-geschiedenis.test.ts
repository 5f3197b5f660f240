/**
 * Aanval (issue 25 item 2): "records that can be corrected, with history ... a visit note's
 * history kept", and the new contact facts checked as the app checks them. The app keeps a
 * note's earlier wording (gespreksverslag_versies) and each correction (correcties), but the
 * central service takes any pushed change to them: a forged push (a compromised laptop, the
 * threat model the README names) rewrites or deletes a note's earlier wording, or records a
 * correction in a colleague's name, and the service stores it; the laptops then pull it. The
 * same push stores a parent's phone number or e-mail address the app would refuse.
 *
 * The service runs exactly these two functions on every pushed change (server/sync/push.ts
 * pasToe: waardeFout per field, then rolFout), so null here is "stored".
 */
import { describe, expect, it } from 'vitest';
import { rolFout } from '../../shared/regels/rollen';
import { waardeFout } from '../../shared/regels/waarden';
import type { Opzoeken } from '../../shared/regels/weigering';

const pro = { id: 'pro-1', rol: 'jeugdprofessional', teamId: 'team-1' };
const zoek: Opzoeken = { rij: () => null, rijenMet: () => [] } as unknown as Opzoeken;
const VANDAAG = '2026-11-23';

describe("a visit note's history and the corrections, pushed to the service", () => {
  const versie = {
    verslagId: 'v1',
    datum: '2026-11-01',
    aanwezig: '["Petra Verbeek"]',
    verslag: 'Sem sloeg zijn zus.',
    auteurId: 'pro-2',
    vervangenOp: '2026-11-02T10:00:00.000Z',
    vervangenDoor: 'pro-2',
    deleted: false,
  };
  const plek = { tabel: 'gespreksverslag_versies', rijId: 'vv1', teamId: 'team-1' };

  it('refuses rewriting the earlier wording of a note', () => {
    expect(
      rolFout(pro, plek, versie, { verslag: 'Er was niets aan de hand.' }, zoek),
    ).not.toBeNull();
  });

  it('refuses deleting the earlier wording of a note', () => {
    expect(rolFout(pro, plek, versie, { deleted: true }, zoek)).not.toBeNull();
  });

  it("refuses a correction recorded in a colleague's name, or one taken back", () => {
    const c = { tabel: 'correcties', rijId: 'c1', teamId: 'team-1' };
    expect(
      rolFout(
        pro,
        c,
        null,
        {
          gezinId: 'g1',
          onderdeel: 'gezinsleden',
          rijId: 'l1',
          soort: 'verwijderd',
          omschrijving: 'x',
          reden: 'y',
          op: '2026-11-23T10:00:00.000Z',
          doorId: 'pro-2',
        },
        zoek,
      ),
    ).not.toBeNull();
    expect(
      rolFout(
        pro,
        c,
        { doorId: 'pro-1', reden: 'Dubbel ingevoerd', deleted: false },
        { deleted: true },
        zoek,
      ),
    ).not.toBeNull();
  });
});

describe("a parent's contact facts, pushed to the service", () => {
  it('refuses a phone number and an e-mail address the app refuses', () => {
    expect(waardeFout('gezinsleden', 'telefoon', 'bel maar', VANDAAG)).not.toBeNull();
    expect(waardeFout('gezinsleden', 'email', 'geen-adres', VANDAAG)).not.toBeNull();
  });
});
