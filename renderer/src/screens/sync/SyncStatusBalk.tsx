import { Alert, Badge, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import type { SyncStatus } from '../../../../shared/api';
import { momentTekst } from '../../format';
import { useSession } from '../../store';
import { useSync } from './sync-store';
import { VerbindDialog } from './VerbindDialog';

function statusTekst(s: SyncStatus): string {
  if (s.bezig) return 'Synchroniseren ...';
  const delen = [s.online === false ? 'Offline' : 'Online'];
  if (s.wachtend > 0) delen.push(`${s.wachtend} wachtend`);
  delen.push(s.laatsteSync ? `laatst ${momentTekst(s.laatsteSync)}` : 'nog niet gesynchroniseerd');
  return delen.join(' · ');
}

/** In the app bar: online/offline, pending changes, last sync, conflicts; sync on demand. */
export function SyncStatusBalk() {
  const { status, zet, nu } = useSync();
  const go = useSession((s) => s.go);
  const [verbinden, setVerbinden] = useState(false);
  if (!status) return null;
  if (!status.verbonden)
    return (
      <>
        <Button color="inherit" size="small" onClick={() => setVerbinden(true)}>
          Niet verbonden · Verbinden
        </Button>
        {verbinden && (
          <VerbindDialog
            standaardServer={status.standaardServer}
            onAnnuleren={() => setVerbinden(false)}
            onKlaar={(s) => {
              zet(s);
              setVerbinden(false);
            }}
          />
        )}
      </>
    );
  const aandacht = status.conflicten + status.geweigerd + status.quarantaine;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Typography
        role="status"
        aria-live="polite"
        aria-label="Synchronisatie"
        variant="body2"
        title={status.fout?.bericht ?? ''}
        sx={{ color: status.fout ? '#ffd2cc' : 'inherit' }}
      >
        {statusTekst(status)}
      </Typography>
      <Button
        color="inherit"
        size="small"
        variant="outlined"
        disabled={status.bezig}
        onClick={() => void nu()}
      >
        Synchroniseren
      </Button>
      {aandacht > 0 && (
        <Button color="inherit" size="small" onClick={() => go({ naam: 'conflicten' })}>
          <Badge color="secondary" badgeContent={aandacht}>
            <span style={{ paddingRight: 10 }}>Conflicten</span>
          </Badge>
        </Button>
      )}
    </Box>
  );
}

/** A sync problem the user must act on, shown above the screen (not hidden in a tooltip). */
export function SyncMelding() {
  const { status, nu } = useSync();
  const fout = status?.fout;
  // Something to put right that does not stop sync (the computer's clock), said while it lasts.
  if ((!fout || fout.soort === 'offline') && status?.waarschuwing)
    return (
      <Alert severity="warning" sx={{ mb: 2 }}>
        {status.waarschuwing}
      </Alert>
    );
  if (!fout || fout.soort === 'offline') return null;
  return (
    <Alert
      severity={fout.soort === 'mass-change' ? 'warning' : 'error'}
      sx={{ mb: 2 }}
      action={
        fout.soort === 'mass-change' ? (
          <Button color="inherit" size="small" onClick={() => void nu(true)}>
            Klopt, doorgaan
          </Button>
        ) : undefined
      }
    >
      {fout.bericht}
    </Alert>
  );
}
