/**
 * Drafts: text typed but not saved in its record yet. Never in the browser's storage (local
 * storage and session storage end up on disk, in the browser profile and its session-restore
 * files): the text stays in memory and goes to the profile's encrypted store (`concept.*`) a
 * moment after typing, before locking, when the window is hidden or closed, so a crash or a
 * closed window loses nothing. A key names a record and a field (ids only), never case text.
 *
 * Sent only while the profile is open: a draft kept while locked waits in memory for the same
 * profile to open again (another profile reloads the page, which empties memory).
 */
import { useEffect } from 'react';
import { ConceptSleutel } from '../../../shared/api';
import { useKluis } from '../kluis-store';
import { ApiCallError, callApi, kluis } from './client';

/** How long after the last keystroke a draft goes to the store. */
export const CONCEPT_WACHT_MS = 400;

interface Wachtend {
  tekst: string;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Drafts the store does not have yet, by key; an empty text is a removal still to send. */
const wachtend = new Map<string, Wachtend>();
/** The sends, one after the other, so an older text never arrives after a newer one. */
let keten: Promise<void> = Promise.resolve();

const open = () => useKluis.getState().staat === 'open';

/** Answers after which sending the same draft again cannot succeed. */
const GEWEIGERD: ReadonlySet<string> = new Set([
  'ongeldige-invoer',
  'niet-gevonden',
  'geen-toegang',
  'conflict',
]);

function stuur(sleutel: string): Promise<void> {
  const w = wachtend.get(sleutel);
  if (w?.timer) {
    clearTimeout(w.timer);
    w.timer = null;
  }
  keten = keten.then(async () => {
    const nu = wachtend.get(sleutel);
    if (!nu || !open()) return;
    try {
      await callApi('concept.bewaren', { sleutel, tekst: nu.tekst });
      if (wachtend.get(sleutel) === nu) wachtend.delete(sleutel);
    } catch (e) {
      // Refused for good (too long, or a record of a family the professional may no longer
      // change): it cannot be kept, it stays only in the field. Anything else (the profile
      // locked meanwhile, the host away) is tried again with the next change, before locking or
      // when the profile is open again.
      if (e instanceof ApiCallError && GEWEIGERD.has(e.body.code) && wachtend.get(sleutel) === nu)
        wachtend.delete(sleutel);
    }
  });
  return keten;
}

/** Keeps `tekst` as the draft of `sleutel` a moment from now; empty text removes the draft. */
export function bewaarConcept(sleutel: string, tekst: string): void {
  const oud = wachtend.get(sleutel);
  if (oud?.timer) clearTimeout(oud.timer);
  const w: Wachtend = { tekst, timer: null };
  w.timer = setTimeout(() => {
    w.timer = null;
    void stuur(sleutel);
  }, CONCEPT_WACHT_MS);
  wachtend.set(sleutel, w);
}

/** The field is saved: its draft goes, at once. */
export function verwijderConcept(sleutel: string): Promise<void> {
  const oud = wachtend.get(sleutel);
  if (oud?.timer) clearTimeout(oud.timer);
  wachtend.set(sleutel, { tekst: '', timer: null });
  return stuur(sleutel);
}

/** Sends every draft still waiting now (before locking); resolves when the store has them. */
export function conceptenNu(): Promise<void> {
  for (const sleutel of [...wachtend.keys()]) void stuur(sleutel);
  return keten;
}

/** The draft of `sleutel`: the one still in memory, or the one in the store, or null. */
export async function leesConcept(sleutel: string): Promise<string | null> {
  await oudeOvergezet;
  const w = wachtend.get(sleutel);
  if (w) return w.tekst || null;
  const { tekst } = await callApi('concept.lezen', { sleutel });
  // Typed meanwhile: what is in memory is newer.
  const nu = wachtend.get(sleutel);
  return nu ? nu.tekst || null : tekst;
}

/**
 * The page goes (closed, reloaded, navigated away): what is still waiting is sent in a way
 * that outlives the page (a keepalive request; in Electron the IPC message is on its way).
 */
function stuurBijSluiten(sleutel: string, tekst: string): void {
  const input = { sleutel, tekst };
  if (window.eenplan) {
    void window.eenplan.call('concept.bewaren', input).catch(() => undefined);
    return;
  }
  void fetch('./api/concept.bewaren', {
    method: 'POST',
    keepalive: true,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ input }),
  }).catch(() => undefined);
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    if (!open()) return;
    for (const [sleutel, w] of wachtend) {
      if (w.timer) clearTimeout(w.timer);
      w.timer = null;
      stuurBijSluiten(sleutel, w.tekst);
    }
  });
  // Hidden (another window, the laptop's lid) may be the last moment the page runs.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void conceptenNu();
  });
}

// Opened again (the same profile: another one reloads the page): what waited goes now.
useKluis.subscribe((s, vorige) => {
  if (s.staat === 'open' && vorige.staat !== 'open') void conceptenNu();
});

/** Drafts of an earlier version being taken over (see below): read after that. */
let oudeOvergezet: Promise<void> = Promise.resolve();

const OUD_CONCEPT = 'eenplan.concept.';
const OUD_GEMELD = 'eenplan.agenda-gemeld.';

/**
 * Earlier versions kept drafts in local storage (`eenplan.concept.<laptop profile>.<key>`): the
 * open profile's go to its store and leave local storage once it has them; those of another
 * profile wait for that profile to open. The agenda's notified ids (no text) are dropped.
 */
export function useOudeConceptenOverzetten(): void {
  useEffect(() => {
    let oud: string[];
    try {
      oud = Object.keys(localStorage).filter(
        (k) => k.startsWith(OUD_CONCEPT) || k.startsWith(OUD_GEMELD),
      );
    } catch {
      return;
    }
    if (oud.length === 0) return;
    oudeOvergezet = kluis('staat').then(
      async (a) => {
        if (!a.ok || a.staat !== 'open' || !a.actief) return;
        const over: { oud: string; sleutel: string }[] = [];
        for (const k of oud) {
          const rest = k.slice(OUD_CONCEPT.length);
          const punt = rest.indexOf('.');
          if (!k.startsWith(OUD_CONCEPT) || punt < 0 || rest.startsWith('onbekend.')) {
            localStorage.removeItem(k);
            continue;
          }
          if (rest.slice(0, punt) !== a.actief) continue;
          const sleutel = rest.slice(punt + 1);
          const tekst = localStorage.getItem(k) ?? '';
          if (!ConceptSleutel.safeParse(sleutel).success || !tekst) {
            localStorage.removeItem(k);
            continue;
          }
          bewaarConcept(sleutel, tekst);
          over.push({ oud: k, sleutel });
        }
        await conceptenNu();
        for (const { oud, sleutel } of over)
          if (!wachtend.has(sleutel)) localStorage.removeItem(oud);
      },
      () => undefined,
    );
  }, []);
}
