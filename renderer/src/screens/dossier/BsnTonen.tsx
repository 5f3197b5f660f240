import { Box, Button } from '@mui/material';
import { useState } from 'react';
import { useOpvragen } from '../../api/hooks';

/** The BSN masked; shown in full only on request, which is written to the access log. */
export function BsnTonen({ lidId, gemaskeerd }: { lidId: string; gemaskeerd: string }) {
  const opvragen = useOpvragen();
  const [bsn, setBsn] = useState<string | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  async function toon() {
    const { data, error } = await opvragen('gezinslid.bsnTonen', { gezinslidId: lidId });
    if (error) setFout(error.message);
    else setBsn(data!.bsn);
  }
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <span>{bsn ?? gemaskeerd}</span>
      <Button
        size="small"
        onClick={() => (bsn ? setBsn(null) : void toon())}
        aria-label={bsn ? 'BSN verbergen' : 'BSN tonen (wordt vastgelegd)'}
        title={fout ?? (bsn ? 'Verbergen' : 'Tonen wordt vastgelegd in het logboek')}
      >
        {bsn ? 'Verbergen' : 'Tonen'}
      </Button>
    </Box>
  );
}
