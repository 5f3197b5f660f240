/**
 * Links each SOJ line to its client (by BSN) and toewijzing (same provider, product and period).
 * A line that matches neither is kept (it is real spending) and reported with the reason.
 */
import { effectiveEnd } from '../../shared/cost';
import { COMMITTING_STATUSSEN } from '../../shared/domain';
import { sqlLijst } from '../../shared/statussen';
import type { Deps } from '../context';
import { stmt } from '../prepared';
import type { SojRegel } from './controleren';

interface Kandidaat {
  id: string;
  agb: string;
  productcode: string;
  start: string;
  eind: string;
}

/** Links each line to its client (by BSN) and toewijzing (same provider, product, period). */
export function koppelaar(deps: Deps) {
  const gezinslidVan = new Map(
    (
      stmt(deps, 'SELECT id, bsn FROM gezinsleden WHERE deleted = 0 AND bsn IS NOT NULL').all() as {
        id: string;
        bsn: string;
      }[]
    ).map((r) => [r.bsn, r.id]),
  );
  const perJeugdige = new Map<string, Kandidaat[]>();
  const toewijzingen = stmt(
    deps,
    `SELECT t.id, t.gezinslid_id, a.agb_code, p.productcode, t.startdatum, t.einddatum, t.beeindigd_op
       FROM toewijzingen t JOIN aanbieders a ON a.id = t.aanbieder_id
       JOIN producten p ON p.id = t.product_id
      WHERE t.deleted = 0 AND t.status IN (${sqlLijst(COMMITTING_STATUSSEN)})`,
  ).all() as Record<string, string>[];
  for (const t of toewijzingen) {
    const k: Kandidaat = {
      id: t.id!,
      agb: t.agb_code!,
      productcode: t.productcode!.toUpperCase(),
      start: t.startdatum!,
      eind: effectiveEnd({
        startdatum: t.startdatum!,
        einddatum: t.einddatum!,
        beeindigdOp: t.beeindigd_op ?? null,
        volume: 0,
        frequentie: '1',
        tariefCents: 0,
      }),
    };
    const list = perJeugdige.get(t.gezinslid_id!);
    if (list) list.push(k);
    else perJeugdige.set(t.gezinslid_id!, [k]);
  }
  return (r: SojRegel) => {
    const gezinslidId = gezinslidVan.get(r.clientRef) ?? null;
    if (!gezinslidId)
      return { gezinslidId, toewijzingId: null, reden: 'Geen bekende cliënt met deze referentie' };
    const eind = r.einddatum ?? r.startdatum;
    const match = (perJeugdige.get(gezinslidId) ?? []).find(
      (k) =>
        k.agb === r.aanbiederAgb &&
        k.productcode === r.productcode &&
        k.start <= eind &&
        k.eind >= r.startdatum,
    );
    if (!match)
      return {
        gezinslidId,
        toewijzingId: null,
        reden: 'Geen toewijzing bij deze aanbieder voor dit product in deze periode',
      };
    return { gezinslidId, toewijzingId: match.id, reden: null };
  };
}
