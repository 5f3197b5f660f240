/**
 * Ids for rows with a natural key (ADR 0003): a plan's leefdomein is one row per plan and
 * domain on every laptop, so two laptops that each fill it in offline create the same row id.
 * The service then merges the two inserts like any two edits (concurrent free text becomes the
 * usual visible conflict) instead of keeping two rows that no laptop can store side by side.
 * A UUID version 5 (RFC 9562: SHA-1 of a namespace and a name), so it looks like any other id.
 */
import { bytesVan, hex as alsHex, sha1, vanHex } from '../crypto/hash';

/** Eenplan's own namespace for name-based ids (a random UUID, fixed for good). */
const NAAMRUIMTE = vanHex('6f1c2a4e8b3d4c7fa9e05d2b71c8e943');

export function natuurlijkeId(tabel: string, ...sleutel: string[]): string {
  const naam = bytesVan([tabel, ...sleutel].join('\u0000'));
  const invoer = new Uint8Array(NAAMRUIMTE.length + naam.length);
  invoer.set(NAAMRUIMTE);
  invoer.set(naam, NAAMRUIMTE.length);
  const hash = sha1(invoer);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = alsHex(hash.subarray(0, 16));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
