import { SOJ_FASEN } from '../../../../shared/api';

export const FASE_TEKST: Record<(typeof SOJ_FASEN)[number], string> = {
  lezen: 'Bestand lezen',
  controleren: 'Regels controleren',
  voorbeeld: 'Gecontroleerd: bekijk het voorbeeld en bevestig',
  opslaan: 'Opslaan',
  klaar: 'Klaar',
  mislukt: 'Niet ingelezen',
};

/** The phases with a progress bar, in order. */
export const VOORTGANG_FASEN = ['lezen', 'controleren', 'opslaan'] as const;

/** A period yyyy-mm as mm-yyyy. */
export const maand = (periode: string) => `${periode.slice(5)}-${periode.slice(0, 4)}`;

/** A count in Dutch digits. */
export const aantal = (n: number) => n.toLocaleString('nl-NL');
