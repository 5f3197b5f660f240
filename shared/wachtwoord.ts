/**
 * The password rule for accounts of the central service, on both sides: the service refuses a
 * password that breaks it (a new account, the first beheerder), and a laptop's dialog can say so
 * before it asks. In the spirit of NIST SP 800-63B: a minimum length and a check against what
 * people pick most, no rules about kinds of characters.
 *
 * A password is refused when, after taking out what an attacker tries first, too little is left:
 * common passwords and words (`wachtwoord-lijst.ts`, also in leetspeak), the account's own
 * e-mail address and name, sequences (`123`, `abc`, `qwerty`, `!@#`), repetition (`aaa`,
 * `abcabc`, `welkom01welkom01`) and years and dates. What remains must count at least
 * `MIN_ONVOORSPELBAAR` characters (spaces not counted), where each common word after the first
 * counts as `WOORD_TELT` characters: four common words make a passphrase, one with a year does not.
 */
import { VEELGEBRUIKTE_WOORDEN } from './wachtwoord-lijst';

export const MIN_WACHTWOORD_LENGTE = 12;
export const MAX_WACHTWOORD_LENGTE = 200;
/** What must be left, in characters, once the predictable parts are taken out. */
export const MIN_ONVOORSPELBAAR = 6;
/** What each common word after the first counts for (a passphrase of common words is fine). */
const WOORD_TELT = 3;

export type WachtwoordBezwaar =
  'te-kort' | 'te-lang' | 'persoonlijk' | 'veelgebruikt' | 'reeks' | 'herhaling' | 'datum';

export type WachtwoordOordeel =
  { ok: true } | { ok: false; bezwaar: WachtwoordBezwaar; melding: string };

const TIP = 'Kies bijvoorbeeld een zin van vier of meer woorden.';
const MELDINGEN: Record<WachtwoordBezwaar, string> = {
  'te-kort': `Een wachtwoord heeft minstens ${MIN_WACHTWOORD_LENGTE} tekens. ${TIP}`,
  'te-lang': `Een wachtwoord heeft hooguit ${MAX_WACHTWOORD_LENGTE} tekens.`,
  persoonlijk: `Dit wachtwoord bestaat vooral uit uw naam of e-mailadres. ${TIP}`,
  veelgebruikt: `Dit wachtwoord lijkt te veel op een veelgebruikt wachtwoord. ${TIP}`,
  reeks: `Dit wachtwoord bestaat vooral uit een reeks (zoals 123456, abcdef of qwerty). ${TIP}`,
  herhaling: `Dit wachtwoord bestaat vooral uit herhaling (zoals aaaa of abcabc). ${TIP}`,
  datum: `Dit wachtwoord bestaat vooral uit een jaartal of datum. ${TIP}`,
};

/** Rows of the keyboard and runs of the alphabet and digits, both ways (digits wrap round). */
const REEKSEN = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890123456789',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'azertyuiop',
  'qsdfghjklm',
  'wxcvbn',
  'qwertzuiop',
  'yxcvbnm',
  '!@#$%^&*()_+',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
].flatMap((r) => [r, [...r].reverse().join('')]);

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '+': 't',
};
const LANGSTE_WOORD = Math.max(...[...VEELGEBRUIKTE_WOORDEN].map((w) => w.length));

interface Context {
  /** The account's e-mail address. */
  email?: string;
  /** The account holder's name. */
  naam?: string;
}

/** The words of the account itself: the e-mail, its local part and its pieces, the name's parts. */
function persoonlijkeWoorden({ email, naam }: Context): string[] {
  const woorden = new Set<string>(['eenplan']);
  const e = email?.trim().toLowerCase();
  if (e) {
    woorden.add(e);
    const lokaal = e.split('@')[0] ?? '';
    woorden.add(lokaal);
    for (const deel of lokaal.split(/[^a-z]+/)) woorden.add(deel);
  }
  for (const deel of (naam ?? '').toLowerCase().split(/[^\p{L}]+/u)) woorden.add(deel);
  return [...woorden].filter((w) => w.length >= 3).sort((a, b) => b.length - a.length);
}

/**
 * Judges a new password for an account. `context` names the account, so that its own e-mail and
 * name count as predictable.
 */
export function beoordeelWachtwoord(wachtwoord: string, context: Context = {}): WachtwoordOordeel {
  const tekens = [...wachtwoord];
  const afwijzing = (bezwaar: WachtwoordBezwaar): WachtwoordOordeel => ({
    ok: false,
    bezwaar,
    melding: MELDINGEN[bezwaar],
  });
  if (tekens.length < MIN_WACHTWOORD_LENGTE) return afwijzing('te-kort');
  if (tekens.length > MAX_WACHTWOORD_LENGTE) return afwijzing('te-lang');

  const m = new Markering(kleineTekens(tekens));
  markeerPersoonlijk(m, context);
  const woorden = markeerWoorden(m);
  markeerReeksen(m);
  markeerHerhaling(m);
  markeerData(m);

  const over = m.klein.filter((t, i) => !m.gemarkeerd[i] && !/\s/u.test(t)).length;
  const score = over + WOORD_TELT * Math.max(0, woorden.size - 1);
  if (score >= MIN_ONVOORSPELBAAR) return { ok: true };
  // The reason that covers most of it.
  const telling = new Map<WachtwoordBezwaar, number>();
  for (const b of m.gemarkeerd) if (b) telling.set(b, (telling.get(b) ?? 0) + 1);
  const [bezwaar] = [...telling].sort((a, b) => b[1] - a[1])[0] ?? ['veelgebruikt'];
  return afwijzing(bezwaar);
}

/**
 * One code unit per character, so string positions are character positions: a character
 * outside the basic plane (or one that lowercases to two) stands in as a private-use one.
 */
function kleineTekens(tekens: string[]): string[] {
  const plaatsvervangers = new Map<string, string>();
  return tekens.map((t) => {
    const l = t.toLowerCase();
    if (l.length === 1) return l;
    if (!plaatsvervangers.has(t))
      plaatsvervangers.set(t, String.fromCharCode(0xe000 + plaatsvervangers.size));
    return plaatsvervangers.get(t)!;
  });
}

/** The password in lower case, and per position why it is predictable (the first reason found). */
class Markering {
  readonly n: number;
  readonly tekst: string;
  /** Leetspeak read back (one character for one, so positions stay), with 1 as i and as l. */
  readonly lezingen: string[];
  readonly gemarkeerd: (WachtwoordBezwaar | undefined)[];

  constructor(readonly klein: string[]) {
    this.n = klein.length;
    this.tekst = klein.join('');
    this.lezingen = [
      klein,
      klein.map((t) => LEET[t] ?? t),
      klein.map((t) => (t === '1' ? 'l' : (LEET[t] ?? t))),
    ].map((l) => l.join(''));
    this.gemarkeerd = new Array(this.n);
  }

  /** Marks the range; whether any of it was not marked yet. */
  markeer(van: number, tot: number, bezwaar: WachtwoordBezwaar): boolean {
    let nieuw = false;
    for (let i = van; i < tot; i++) {
      nieuw ||= !this.gemarkeerd[i];
      this.gemarkeerd[i] ??= bezwaar;
    }
    return nieuw;
  }
}

/** The account's own e-mail and name, anywhere. */
function markeerPersoonlijk(m: Markering, context: Context): void {
  for (const woord of persoonlijkeWoorden(context))
    for (const lezing of m.lezingen)
      for (let i = lezing.indexOf(woord); i >= 0; i = lezing.indexOf(woord, i + 1))
        m.markeer(i, i + woord.length, 'persoonlijk');
}

/**
 * Common words: from left to right, the longest that starts at each place. Returns the distinct
 * common words found (the account's own words count for nothing).
 */
function markeerWoorden(m: Markering): Set<string> {
  const woorden = new Set<string>();
  for (let i = 0; i < m.n;) {
    let woord = '';
    for (let l = Math.min(LANGSTE_WOORD, m.n - i); l >= 4 && !woord; l--)
      woord =
        m.lezingen
          .find((lezing) => VEELGEBRUIKTE_WOORDEN.has(lezing.slice(i, i + l)))
          ?.slice(i, i + l) ?? '';
    if (woord) {
      if (m.markeer(i, i + woord.length, 'veelgebruikt')) woorden.add(woord);
      i += woord.length;
    } else i++;
  }
  return woorden;
}

/** Sequences of three or more. */
function markeerReeksen(m: Markering): void {
  for (let i = 0; i < m.n;) {
    let j = i + 1;
    while (j < m.n && REEKSEN.some((r) => r.includes(m.tekst.slice(i, j + 1)))) j++;
    if (j - i >= 3) {
      m.markeer(i, j, 'reeks');
      i = j;
    } else i++;
  }
}

/**
 * Repetition: a block said again (the first time counts, the repeats do not); a single
 * character only from its third time in a row.
 */
function markeerHerhaling(m: Markering): void {
  const { klein, n } = m;
  for (let p = 1; p <= n / 2; p++)
    for (let i = p; i < n;) {
      let j = i;
      while (j < n && klein[j] === klein[j - p]) j++;
      if (j - i >= Math.max(p, 2)) m.markeer(i, j, 'herhaling');
      i = j + 1;
    }
}

/** Years and dates. */
function markeerData(m: Markering): void {
  for (const patroon of [
    /(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)?\d\d/g,
    /(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)?\d\d/g,
    /(?:19|20)\d\d/g,
  ])
    for (const r of m.tekst.matchAll(patroon)) m.markeer(r.index, r.index + r[0].length, 'datum');
}
