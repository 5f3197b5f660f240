/**
 * Imported for its effect: the row hashes of shared/sync/rij.ts computed by Node's native
 * SHA-256 (the same bytes as shared/'s plain-TypeScript one, about twice as fast).
 */
import { createHash } from 'node:crypto';
import { gebruikSnelleSha256 } from '../../shared/crypto/hash';

gebruikSnelleSha256((invoer) => createHash('sha256').update(invoer).digest());
