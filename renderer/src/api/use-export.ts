import { useState } from 'react';
import type { BestandExport } from '../../../shared/api';
import { exporteren } from './client';

/** Downloads a file the core makes (PDF, XML, spreadsheet); a refusal shows as Dutch text. */
export function useExport() {
  const [fout, setFout] = useState<string | null>(null);
  const exporteer = async (input: BestandExport) => {
    try {
      await exporteren(input);
      setFout(null);
    } catch (error) {
      setFout((error as Error).message);
    }
  };
  return { exporteer, fout };
}
