import { Alert } from '@mui/material';
import { useState } from 'react';
import { kluis } from '../api/client';
import { FormDialog } from './FormDialog';
import { WachtwoordVeld } from './WachtwoordVeld';

/**
 * Changes the open profile's passphrase: the key is wrapped anew, the data stays as it is. The
 * old passphrase is asked first, so an unattended unlocked laptop cannot be taken over.
 */
export function WachtwoordzinWijzigen({ onClose }: { onClose(): void }) {
  const [oud, setOud] = useState('');
  const [nieuw, setNieuw] = useState('');
  const [herhaling, setHerhaling] = useState('');
  const [klaar, setKlaar] = useState(false);
  if (klaar)
    return (
      <FormDialog
        title="Wachtwoordzin gewijzigd"
        submitLabel="Sluiten"
        onCancel={onClose}
        onSubmit={async () => {
          onClose();
          return null;
        }}
      >
        <Alert severity="success">Vanaf nu opent u dit profiel met de nieuwe wachtwoordzin.</Alert>
      </FormDialog>
    );
  return (
    <FormDialog
      title="Wachtwoordzin wijzigen"
      submitLabel="Wijzigen"
      onCancel={onClose}
      onSubmit={async () => {
        if (nieuw !== herhaling) return 'De twee nieuwe wachtwoordzinnen zijn niet gelijk.';
        const antwoord = await kluis('wijzigen', { wachtwoord: oud, nieuw });
        if (!antwoord.ok) return antwoord.error.message;
        setKlaar(true);
        return null;
      }}
    >
      <WachtwoordVeld label="Huidige wachtwoordzin" value={oud} onChange={setOud} autoFocus />
      <WachtwoordVeld
        label="Nieuwe wachtwoordzin"
        nieuw
        helperText="Minstens 12 tekens met drie soorten (hoofdletters, kleine letters, cijfers, leestekens), of een zin van 20 tekens of meer."
        value={nieuw}
        onChange={setNieuw}
      />
      <WachtwoordVeld
        label="Herhaal de nieuwe wachtwoordzin"
        nieuw
        value={herhaling}
        onChange={setHerhaling}
      />
    </FormDialog>
  );
}
