import type { Dossier } from '../../../../shared/api';

/** A closed family, or one the caller does not work with, is shown without ways to change it. */
export const alleenLezen = (dossier: Dossier) =>
  dossier.gezin.status === 'afgesloten' || !dossier.gezin.magWijzigen;
