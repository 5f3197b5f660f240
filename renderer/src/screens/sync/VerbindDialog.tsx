import { TextField } from '@mui/material';
import { useState } from 'react';
import type { SyncStatus } from '../../../../shared/api';
import { ApiCallError, callApi } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { WachtwoordVeld } from '../../components/WachtwoordVeld';

interface Props {
  standaardServer: string | null;
  onKlaar(status: SyncStatus): void;
  onAnnuleren(): void;
}

/** Connects this laptop with the central service: it signs in and fetches the team's data. */
export function VerbindDialog({ standaardServer, onKlaar, onAnnuleren }: Props) {
  const [server, setServer] = useState(standaardServer ?? 'https://');
  const [email, setEmail] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  return (
    <FormDialog
      title="Verbinden met de centrale dienst"
      submitLabel="Verbinden"
      onCancel={onAnnuleren}
      onSubmit={async () => {
        try {
          onKlaar(await callApi('sync.verbinden', { server, email, wachtwoord }));
          return null;
        } catch (e) {
          return e instanceof ApiCallError ? e.body.message : 'Verbinden is niet gelukt.';
        }
      }}
    >
      <TextField
        label="Adres van de centrale dienst"
        value={server}
        onChange={(e) => setServer(e.target.value)}
        required
        autoFocus={!standaardServer}
      />
      <TextField
        label="E-mailadres"
        type="email"
        autoComplete="username"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        required
        autoFocus={Boolean(standaardServer)}
      />
      <WachtwoordVeld label="Wachtwoord" value={wachtwoord} onChange={setWachtwoord} />
    </FormDialog>
  );
}
