import { useState } from 'react';
import { useSession } from '../store';
import { exporteren } from './client';

/** Downloads a file the core makes (PDF, XML, spreadsheet); a refusal shows as Dutch text. */
export function useExport() {
  const profielId = useSession((s) => s.profiel?.id ?? null);
  const [fout, setFout] = useState<string | null>(null);
  const exporteer = async (input: unknown) => {
    try {
      await exporteren(input, profielId);
      setFout(null);
    } catch (error) {
      setFout((error as Error).message);
    }
  };
  return { exporteer, fout };
}
