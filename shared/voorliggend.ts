/**
 * Whether the triage step "wat doen we samen" has looked at voorliggende voorzieningen: written
 * down in words, or one taken from the sociale kaart with "Inzetten". The core's triage check
 * and the screen's step mark decide by this one rule.
 */
export const isVoorliggendBekeken = (voorliggend: string | null | undefined, ingezet: number) =>
  Boolean(voorliggend?.trim()) || ingezet > 0;
