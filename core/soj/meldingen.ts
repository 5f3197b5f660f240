/** The problems found in one SOJ file: errors stop the import, warnings go to the preview. */
import type { SojFout } from '../../shared/api';

/** More than this many errors (or warnings) are counted, not listed. */
export const MAX_FOUTEN = 100;

export class Meldingen {
  readonly fouten: SojFout[] = [];
  meerFouten = 0;
  readonly waarschuwingen: SojFout[] = [];
  meerWaarschuwingen = 0;

  fout(regel: number | null, kolom: string | null, reden: string): void {
    if (this.fouten.length < MAX_FOUTEN) this.fouten.push({ regel, kolom, reden });
    else this.meerFouten++;
  }

  waarschuwing(regel: number, kolom: string, reden: string): void {
    if (this.waarschuwingen.length < MAX_FOUTEN) this.waarschuwingen.push({ regel, kolom, reden });
    else this.meerWaarschuwingen++;
  }

  /** Every error so far, listed or counted: a line is kept only when this did not move. */
  get aantalFouten(): number {
    return this.fouten.length + this.meerFouten;
  }
}
