/**
 * A "central service" at an address the page names (sync.verbinden takes any http(s) URL): it
 * says whoever it likes is signed in, and answers the sync requests as the test wants. In
 * process, as a Transport, so no port is opened.
 */
import type { Transport, Verzoek } from '../../core/sync/transport';
import { GeenVerbinding } from '../../core/sync/transport';

export interface NepGebruiker {
  id: string;
  naam: string;
  rol: string;
  teamId: string | null;
}

export function nepDienst(
  antwoord: (verzoek: Verzoek) => { status: number; body: unknown } | undefined,
  gezien: Verzoek[] = [],
): Transport {
  return async (verzoek) => {
    gezien.push(verzoek);
    return antwoord(verzoek) ?? { status: 503, body: { code: 'x', message: 'nee' } };
  };
}

export const tokens = (gebruiker: NepGebruiker) => ({
  status: 200,
  body: { toegangstoken: 'nep', vernieuwtoken: 'nep', apparaatId: 'nep', gebruiker },
});

/** The address the host was set up with stays unreachable in these tests. */
export const onbereikbaar: Transport = async () => {
  throw new GeenVerbinding();
};
