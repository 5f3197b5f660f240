import { useEffect, useRef, useState } from 'react';
import type { SojImportStatus } from '../../../../shared/api';
import { ApiCallError, sojImporteren } from '../../api/client';
import { invalideer, useCall } from '../../api/hooks';

/**
 * One SOJ file through the core's job: choose the file, poll the job while it reads and checks,
 * confirm the preview, and tell the screen when the lines are in.
 */
export function useSojImport(onKlaar: () => void) {
  const call = useCall();
  const invoer = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<SojImportStatus | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bevestigen, setBevestigen] = useState(false);
  const bezig =
    status !== null &&
    status.fase !== 'klaar' &&
    status.fase !== 'mislukt' &&
    status.fase !== 'voorbeeld';

  const bevestig = async () => {
    if (!status) return;
    setFout(null);
    setBevestigen(true);
    try {
      setStatus(await call('soj.bevestigen', { jobId: status.jobId }));
    } catch (e) {
      setFout((e as Error).message);
    } finally {
      setBevestigen(false);
    }
  };

  useEffect(() => {
    if (!bezig) return;
    const timer = setInterval(() => {
      call('soj.importStatus', { jobId: status.jobId }).then(
        (s) => {
          setStatus(s);
          if (s.fase !== 'klaar') return;
          // The SOJ lines are in: every figure built on them is out of date.
          invalideer();
          onKlaar();
        },
        (e: Error) => setFout(e.message),
      );
    }, 250);
    return () => clearInterval(timer);
  }, [bezig, call, status?.jobId, onKlaar]);

  const kies = async (file: File | undefined) => {
    if (!file) return;
    setFout(null);
    setStatus(null);
    try {
      setStatus(await sojImporteren(file));
    } catch (e) {
      setFout(e instanceof ApiCallError ? e.message : (e as Error).message);
    }
    if (invoer.current) invoer.current.value = '';
  };

  const annuleer = () => setStatus(null);
  return { invoer, status, fout, bezig, bevestigen, bevestig, kies, annuleer };
}
