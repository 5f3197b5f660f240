/**
 * The sync engine's errors, and the one place a service answer's wire code (`FoutCode`,
 * shared/sync/protocol.ts) becomes the kind of error the app shows (`SyncFoutSoort`).
 */
import type { SyncFoutSoort } from '../../shared/api';
import {
  IngetrokkenAntwoord,
  type FoutCode,
  type IntrekkingWire,
} from '../../shared/sync/protocol';
import type { Antwoord } from './transport';

export class SyncError extends Error {
  constructor(
    readonly soort: SyncFoutSoort,
    message: string,
    /** Index of the refused change in a push batch. */
    readonly index?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** The service revoked this laptop: what it may still send before it wipes itself. */
export class DeviceRevokedError extends SyncError {
  constructor(
    readonly intrekking: IntrekkingWire,
    /** A token for handing in the access log only (the session is over). */
    readonly logtoken?: string,
  ) {
    super('unauthorised', 'Dit apparaat is ingetrokken door de beheerder.');
  }
}

/** An error answer's body as the service sends it (server/http/errors.ts). */
interface FoutAntwoord {
  code?: FoutCode;
  message?: string;
  index?: number;
  /** With `klok-afwijking`: the service's time. */
  nu?: unknown;
}

/**
 * The body of a successful answer; any other answer thrown as the error it means. `leerKlok`
 * hears the service's time when the laptop's clock is off.
 */
export function beoordeel(antwoord: Antwoord, leerKlok: (nu: unknown) => void): unknown {
  if (antwoord.status >= 200 && antwoord.status < 300) return antwoord.body;
  const body = (antwoord.body ?? {}) as FoutAntwoord;
  const bericht = body.message ?? `De centrale dienst antwoordde ${antwoord.status}.`;
  if (body.code === 'apparaat-ingetrokken') {
    // Not wiped here: its access log goes out first (and a replaced laptop's work).
    const gelezen = IngetrokkenAntwoord.safeParse(antwoord.body);
    throw new DeviceRevokedError(
      (gelezen.success && gelezen.data.intrekking) || { soort: 'verloren', laatsteSync: false },
      gelezen.success ? gelezen.data.logtoken : undefined,
    );
  }
  if (antwoord.status === 401)
    throw new SyncError('unauthorised', 'Meld u opnieuw aan bij de centrale dienst.');
  if (body.code === 'klok-afwijking') {
    leerKlok(body.nu);
    throw new SyncError('clock-drift', bericht, body.index);
  }
  if (body.code === 'cursor-onbekend') throw new SyncError('out-of-sync', bericht);
  if (antwoord.status >= 500) throw new SyncError('server-error', bericht);
  throw new SyncError('invalid-change', bericht, body.index);
}
