/** The password rule of the central service's accounts (and, later, the laptop's dialog). */
import { describe, expect, it } from 'vitest';
import { VEELGEBRUIKTE_WOORDEN } from './wachtwoord-lijst';
import { beoordeelWachtwoord, MAX_WACHTWOORD_LENGTE, type WachtwoordBezwaar } from './wachtwoord';

const account = { email: 'fatima.el-amrani@gemeente-dordrecht.nl', naam: 'Fatima el Amrani' };
const bezwaar = (wachtwoord: string) => {
  const oordeel = beoordeelWachtwoord(wachtwoord, account);
  return oordeel.ok ? 'ok' : oordeel.bezwaar;
};

describe('password rule', () => {
  it('ships a list of common words, lower case, of four letters or more', () => {
    expect(VEELGEBRUIKTE_WOORDEN.size).toBeGreaterThan(600);
    for (const w of VEELGEBRUIKTE_WOORDEN) expect(w, w).toMatch(/^[a-z]{4,}$/);
    for (const w of ['wachtwoord', 'welkom', 'password', 'qwerty', 'feyenoord', 'dordrecht'])
      expect(VEELGEBRUIKTE_WOORDEN.has(w), w).toBe(true);
  });

  it.each<[string, WachtwoordBezwaar]>([
    ['kort', 'te-kort'],
    ['elf tekens!', 'te-kort'],
    ['x'.repeat(MAX_WACHTWOORD_LENGTE + 1), 'te-lang'],
    ['aaaaaaaaaaaa', 'herhaling'],
    ['zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', 'herhaling'],
    ['x7Kx7Kx7Kx7Kx7K', 'herhaling'],
    ['😀😀😀😀😀😀😀😀😀😀😀😀', 'herhaling'],
    ['123456789012', 'reeks'],
    ['abcdefghijkl', 'reeks'],
    ['zyxwvutsrqpo', 'reeks'],
    ['1qaz2wsx3edc', 'reeks'],
    ['qwertyuiop12', 'veelgebruikt'],
    ['wachtwoord123', 'veelgebruikt'],
    ['Wachtwoord2024!', 'veelgebruikt'],
    ['W@chtw00rd2024', 'veelgebruikt'],
    ['P@ssw0rd1234', 'veelgebruikt'],
    ['welkom01welkom01', 'veelgebruikt'],
    ['Welkom123!Welkom', 'veelgebruikt'],
    ['iloveyou1234', 'veelgebruikt'],
    ['Feyenoord1908', 'veelgebruikt'],
    ['Dordrecht2025!', 'veelgebruikt'],
    ['Zomervakantie!1', 'veelgebruikt'],
    ['Wachtwoord.,.,.,', 'veelgebruikt'],
    ['01-01-1990!!', 'datum'],
    ['19701990!200', 'datum'],
    ['fatima.el-amrani@gemeente-dordrecht.nl', 'persoonlijk'],
    ['fatima.el-amrani1', 'persoonlijk'],
    ['FatimaAmrani!1', 'persoonlijk'],
  ])('refuses %j (%s)', (wachtwoord, verwacht) => {
    expect(bezwaar(wachtwoord)).toBe(verwacht);
    const oordeel = beoordeelWachtwoord(wachtwoord, account);
    expect(oordeel.ok ? '' : oordeel.melding).toMatch(/^[A-Z].{20,}\.$/);
  });

  it.each([
    'paars konijn fietst door Gouda',
    'Tr0mp3t-Vl1nder-Zucht',
    'lang genoeg wachtwoord 42',
    'correct horse battery staple',
    'kaas appel fiets zomer',
    'IkHouVanAjax1900',
    '482915736204',
    'ÀÉÎÕÜàéîõüçñ',
    '🍎🚲🏠🌧️🐈🎺🌷🧀⚽🚂🌙🦉',
    'de kat van de buren slaapt op ons dak',
  ])('accepts %j', (wachtwoord) => {
    expect(bezwaar(wachtwoord)).toBe('ok');
  });

  it('takes the account into account: a name is only predictable for its own account', () => {
    expect(beoordeelWachtwoord('FatimaAmrani!1').ok).toBe(true);
    expect(beoordeelWachtwoord('FatimaAmrani!1', account).ok).toBe(false);
  });
});
