/**
 * A signature as pen strokes in a fixed box, stored as short text ("x,y x,y;x,y …": points
 * within a stroke separated by spaces, strokes by semicolons). Text, not an image: it syncs as
 * an ordinary field, is small (a signature is a few hundred points) and draws sharply at any
 * size, on screen as SVG and in the PDF as vector paths.
 */

export const VAK_BREEDTE = 600;
export const VAK_HOOGTE = 200;
/** The synced text field limit is 20,000 characters; at most 9 characters per point. */
export const MAX_PUNTEN = 2_000;
/** Less ink than this (in box units) is a tap or a slip, not a signature. */
export const MIN_LENGTE = 40;

export type Punt = readonly [number, number];
export type Streek = readonly Punt[];

const klem = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));

/** Rounds to whole box units, clamps to the box and drops repeated points. */
export function schrijfLijnen(streken: readonly Streek[]): string {
  const delen: string[] = [];
  for (const streek of streken) {
    const punten: string[] = [];
    let vorige = '';
    for (const [x, y] of streek) {
      const p = `${klem(x, VAK_BREEDTE)},${klem(y, VAK_HOOGTE)}`;
      if (p !== vorige) punten.push(p);
      vorige = p;
    }
    if (punten.length > 0) delen.push(punten.join(' '));
  }
  return delen.join(';');
}

const PUNT = /^(\d{1,3}),(\d{1,3})$/;

/** The strokes of a stored signature, or null when the text is not one. */
export function leesLijnen(tekst: string): Streek[] | null {
  if (tekst.length === 0 || tekst.length > 20_000) return null;
  const streken: Streek[] = [];
  let aantal = 0;
  for (const deel of tekst.split(';')) {
    const streek: Punt[] = [];
    for (const p of deel.split(' ')) {
      const m = PUNT.exec(p);
      if (!m) return null;
      const x = Number(m[1]);
      const y = Number(m[2]);
      if (x > VAK_BREEDTE || y > VAK_HOOGTE) return null;
      streek.push([x, y]);
    }
    aantal += streek.length;
    streken.push(streek);
  }
  return aantal > MAX_PUNTEN ? null : streken;
}

/** Total length of the strokes, in box units. */
export function inktLengte(streken: readonly Streek[]): number {
  let lengte = 0;
  for (const streek of streken)
    for (let i = 1; i < streek.length; i++)
      lengte += Math.hypot(streek[i]![0] - streek[i - 1]![0], streek[i]![1] - streek[i - 1]![1]);
  return lengte;
}

/** Why a stored signature cannot be accepted, or null when it can. */
export function handtekeningFout(tekst: string): string | null {
  const streken = leesLijnen(tekst);
  if (!streken) return 'De handtekening is niet leesbaar. Zet de handtekening opnieuw.';
  if (inktLengte(streken) < MIN_LENGTE)
    return 'Dit is te weinig voor een handtekening. Zet de handtekening opnieuw.';
  return null;
}

/** An SVG path ("M x y L x y …"); pdfkit's `path` reads the same syntax. */
export function alsSvgPad(streken: readonly Streek[]): string {
  return streken
    .map((streek) => {
      const [eerste, ...rest] = streek;
      if (!eerste) return '';
      // A single point is drawn as a dot: a zero-length line with round caps.
      const lijn = rest.length > 0 ? rest : [eerste];
      return `M ${eerste[0]} ${eerste[1]} ${lijn.map(([x, y]) => `L ${x} ${y}`).join(' ')}`;
    })
    .join(' ');
}
