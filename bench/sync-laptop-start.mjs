// Worker threads do not inherit the tsx loader of `node --import tsx`; register it here.
import { register } from 'tsx/esm/api';

register();
await import('./sync-laptop.ts');
