import { describe, expect, it } from 'vitest';
import { API, type ApiMethod } from '../shared/api';
import { invalidInput } from './api-error';

/** The message the core gives for `input` to `method`. */
function melding(method: ApiMethod, input: unknown) {
  const parsed = API[method].input.safeParse(input);
  if (parsed.success) throw new Error('invoer is geldig');
  return invalidInput(parsed.error);
}

const lid = { rol: 'ouder', voornaam: 'Ayşe', achternaam: 'Yılmaz', geboortedatum: '1985-03-01' };

describe('validation messages', () => {
  it('names a member field by its label, counting members from 1', () => {
    const fout = melding('gezin.aanmaken', {
      naam: 'Familie Yılmaz',
      adres: 'Singel 1',
      postcode: '3311 AA',
      woonplaats: 'Dordrecht',
      leden: [lid, { ...lid, rol: 'jeugdige', bsn: '123456789' }],
    });
    expect(fout.message).toMatch(/^BSN van gezinslid 2: /);
    expect(fout.message).not.toMatch(/leden|Veld "/);
  });

  it('reports every problem at once, each by its label', () => {
    const fout = melding('gezin.aanmaken', {
      naam: '',
      adres: '',
      postcode: '',
      woonplaats: '',
      leden: [{ ...lid, voornaam: '' }],
    });
    for (const label of ['Naam', 'Adres', 'Postcode', 'Woonplaats', 'Voornaam van gezinslid 1'])
      expect(fout.message).toContain(`${label}: `);
    expect(fout.field).toBe('naam');
  });

  it('never shows a code name of a field', () => {
    const plan = melding('gezinsplan.opslaan', { gezinId: 'g', eigenWoorden: 'x'.repeat(20_001) });
    expect(plan.message).toMatch(/^In eigen woorden: maximaal/);
    const bezoek = melding('bezoek.plannen', {
      gezinId: 'g',
      soort: 'huisbezoek',
      op: 'morgen',
      duurMinuten: 60,
      onderwerp: '',
    });
    expect(bezoek.message).toMatch(/^Datum en tijd: /);
    expect(bezoek.message).not.toMatch(/"op"/);
  });

  it('ends each sentence with one full stop', () => {
    const fout = melding('gezinsplan.ondertekenen', {
      gezinId: 'g',
      naam: 'Ayşe Yılmaz',
      rol: 'ouder',
      lijnen: 'x'.repeat(20_001),
    });
    expect(fout.message).toMatch(/^Handtekening: /);
    expect(fout.message).not.toMatch(/\.\./);
  });
});
