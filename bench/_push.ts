// Temporary: cost of one push of 10 changes in the service (PGlite), in-process via inject.
import { randomUUID } from 'node:crypto';
import { encodeHlc } from '../shared/hlc';
import { maakAccount, maakOmgeving, maakTeam, nieuwGezin, maakLaptop, injectTransport, WACHTWOORD } from '../server/sync/test-omgeving';
import { gezinsplannen } from '../db/schema';

const o = await maakOmgeving('pglite');
const team = await maakTeam(o.store, 'T');
const pro = await maakAccount(o.store, 'jeugdprofessional', team);
const laptop = await maakLaptop(injectTransport(o), pro);
const { planId } = nieuwGezin(laptop);
await laptop.engine.synchroniseer();
const res = await o.app.inject({ method: 'POST', url: '/auth/aanmelden', payload: { email: pro.email, wachtwoord: WACHTWOORD, apparaat: { naam: 'x' } } });
const token = (res.json() as { toegangstoken: string }).toegangstoken;
let teller = 0;
const tijden: number[] = [];
const fasen: Record<string, number> = {};
for (let r = 0; r < 300; r++) {
  const wijzigingen = Array.from({ length: 10 }, (_, k) => ({
    wijzigingId: randomUUID(), tabel: 'gezinsplannen', rijId: planId,
    hlc: encodeHlc({ wallMs: Date.now(), counter: teller++ % 1000, node: 'bench' }), auteur: pro.id,
    velden: { eigenWoorden: { waarde: `R${r}.${k}`, basis: [] } },
  }));
  const body = JSON.stringify({ wijzigingen });
  const t = performance.now();
  const a = await o.app.inject({ method: 'POST', url: '/sync/push', payload: body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  if (a.statusCode !== 200) throw new Error(a.body);
  if (r >= 50) tijden.push(performance.now() - t);
}
tijden.sort((x, y) => x - y);
console.log('push p50', tijden[Math.floor(tijden.length / 2)]!.toFixed(2), 'p95', tijden[Math.floor(tijden.length * 0.95)]!.toFixed(2));
void fasen; void gezinsplannen;
await o.sluit();
