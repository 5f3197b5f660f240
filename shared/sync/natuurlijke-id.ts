/**
 * Ids for rows with a natural key (ADR 0003): a plan's leefdomein is one row per plan and
 * domain on every laptop, so two laptops that each fill it in offline create the same row id.
 * The service then merges the two inserts like any two edits (concurrent free text becomes the
 * usual visible conflict) instead of keeping two rows that no laptop can store side by side.
 * A UUID version 5 (RFC 9562: SHA-1 of a namespace and a name), so it looks like any other id.
 */
import { createHash } from 'node:crypto';

/** Eenplan's own namespace for name-based ids (a random UUID, fixed for good). */
const NAAMRUIMTE = Buffer.from('6f1c2a4e8b3d4c7fa9e05d2b71c8e943', 'hex');

export function natuurlijkeId(tabel: string, ...sleutel: string[]): string {
  const hash = createHash('sha1')
    .update(NAAMRUIMTE)
    .update([tabel, ...sleutel].join('\u0000'))
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
