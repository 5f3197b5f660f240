/**
 * The renderer's drafts (renderer/src/api/concepten.ts): in memory until the profile's store
 * has them, sent a moment after the last keystroke, in order, only while the profile is open.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useKluis } from '../kluis-store';
import { ApiCallError } from './client';

const verzonden: { method: string; input: { sleutel: string; tekst?: string } }[] = [];
let opslag = new Map<string, string>();
let weiger: ((input: { sleutel: string; tekst?: string }) => ApiCallError | null) | null = null;

vi.mock('./client', async (echt) => ({
  ...(await echt<typeof import('./client')>()),
  callApi: vi.fn(async (method: string, input: { sleutel: string; tekst?: string }) => {
    // The host answers a moment later, as over HTTP.
    await new Promise((r) => setTimeout(r, 5));
    const fout = weiger?.(input);
    if (fout) throw fout;
    verzonden.push({ method, input });
    if (method === 'concept.lezen') return { tekst: opslag.get(input.sleutel) ?? null };
    if (input.tekst) opslag.set(input.sleutel, input.tekst);
    else opslag.delete(input.sleutel);
    return {};
  }),
}));

const { bewaarConcept, conceptenNu, leesConcept, verwijderConcept, CONCEPT_WACHT_MS } =
  await import('./concepten');

beforeEach(() => {
  vi.useFakeTimers();
  verzonden.length = 0;
  opslag = new Map();
  weiger = null;
  useKluis.getState().zet('open');
});
afterEach(async () => {
  weiger = null;
  useKluis.getState().zet('open');
  await vi.runAllTimersAsync();
  vi.useRealTimers();
});

/** Waits for `p` while the host's (fake) clock runs on. */
async function straks<T>(p: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(50);
  return p;
}

const bewaren = () => verzonden.filter((v) => v.method === 'concept.bewaren').map((v) => v.input);

describe('drafts in the renderer', () => {
  it('sends only the last text, a moment after the last keystroke', async () => {
    bewaarConcept('plan:p1:eigenWoorden', 'H');
    bewaarConcept('plan:p1:eigenWoorden', 'Hu');
    await vi.advanceTimersByTimeAsync(CONCEPT_WACHT_MS - 50);
    bewaarConcept('plan:p1:eigenWoorden', 'Huis');
    await vi.advanceTimersByTimeAsync(CONCEPT_WACHT_MS - 50);
    expect(bewaren()).toEqual([]);
    // Not sent yet, but there for whoever asks: memory is newer than the store.
    expect(await straks(leesConcept('plan:p1:eigenWoorden'))).toBe('Huis');
    await vi.advanceTimersByTimeAsync(100);
    expect(bewaren()).toEqual([{ sleutel: 'plan:p1:eigenWoorden', tekst: 'Huis' }]);
    expect(opslag.get('plan:p1:eigenWoorden')).toBe('Huis');
  });

  it('removes a saved field’s draft at once, after what was sent before it', async () => {
    bewaarConcept('gesprek:g1', 'Verslag');
    await vi.advanceTimersByTimeAsync(CONCEPT_WACHT_MS);
    bewaarConcept('gesprek:g1', 'Verslag, langer');
    await straks(verwijderConcept('gesprek:g1'));
    expect(bewaren()).toEqual([
      { sleutel: 'gesprek:g1', tekst: 'Verslag' },
      { sleutel: 'gesprek:g1', tekst: '' },
    ]);
    expect(opslag.has('gesprek:g1')).toBe(false);
    expect(await straks(leesConcept('gesprek:g1'))).toBeNull();
  });

  it('sends everything waiting before locking, and keeps what was refused for the same profile', async () => {
    bewaarConcept('ap:a1:netwerk', 'Oma helpt');
    await straks(conceptenNu());
    expect(opslag.get('ap:a1:netwerk')).toBe('Oma helpt');

    // The host locked meanwhile (OS lock, suspend): refused, kept in memory, not lost.
    weiger = () => new ApiCallError({ code: 'vergrendeld', message: 'Vergrendeld.' });
    bewaarConcept('ap:a1:netwerk', 'Oma helpt op woensdag');
    await vi.advanceTimersByTimeAsync(CONCEPT_WACHT_MS + 10);
    useKluis.getState().zet('vergrendeld');
    weiger = null;
    // Nothing goes while locked.
    await straks(conceptenNu());
    expect(opslag.get('ap:a1:netwerk')).toBe('Oma helpt');
    expect(await straks(leesConcept('ap:a1:netwerk'))).toBe('Oma helpt op woensdag');
    // Open again: it goes.
    useKluis.getState().zet('open');
    await vi.advanceTimersByTimeAsync(50);
    expect(opslag.get('ap:a1:netwerk')).toBe('Oma helpt op woensdag');
  });

  it('drops a draft refused for good (the family is no longer the professional’s)', async () => {
    weiger = () => new ApiCallError({ code: 'geen-toegang', message: 'Geen regisseur.' });
    bewaarConcept('gesprek:g2', 'Over een gezin van een collega');
    await vi.advanceTimersByTimeAsync(CONCEPT_WACHT_MS + 10);
    weiger = null;
    await straks(conceptenNu());
    expect(bewaren()).toEqual([]);
    expect(await straks(leesConcept('gesprek:g2'))).toBeNull();
  });

  it('reads the store when nothing waits in memory', async () => {
    opslag.set('plan:p2:toekomstplan', 'Van vorige keer');
    expect(await straks(leesConcept('plan:p2:toekomstplan'))).toBe('Van vorige keer');
  });
});
