/** The lock's methods: the host answers them itself (there is no core while locked). */
import { KluisInvoer } from '../kluis';
import { kluisMethode } from './method';

export const kluisMethods = {
  'kluis.staat': kluisMethode('lezen', KluisInvoer.staat),
  'kluis.instellen': kluisMethode('schrijven', KluisInvoer.instellen),
  'kluis.ontgrendelen': kluisMethode('schrijven', KluisInvoer.ontgrendelen),
  'kluis.aanmelden': kluisMethode('schrijven', KluisInvoer.aanmelden),
  'kluis.wijzigen': kluisMethode('schrijven', KluisInvoer.wijzigen),
  'kluis.vergrendelen': kluisMethode('schrijven', KluisInvoer.vergrendelen),
  'kluis.actief': kluisMethode('lezen', KluisInvoer.actief),
} as const;
