import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import type { Dossier } from '../../../../../shared/api';
import { VERWIJZERS, type Verwijzer } from '../../../../../shared/domain';
import { CodeSelect } from '../../../components/CodeSelect';
import { FormDialog } from '../../../components/FormDialog';
import { useSubmitMutation } from '../../../components/use-submit-mutation';

export function NieuwActieplanDialog({
  dossier,
  onClose,
}: {
  dossier: Dossier;
  onClose(done: boolean): void;
}) {
  const submit = useSubmitMutation();
  const jeugdigen = dossier.leden.filter((l) => l.rol === 'jeugdige');
  const [jeugdigeId, setJeugdigeId] = useState(jeugdigen[0]?.id ?? '');
  const [hulpvraag, setHulpvraag] = useState('');
  const [verwijzer, setVerwijzer] = useState<Verwijzer>('jeugdteam');
  return (
    <FormDialog
      title="Nieuw actieplan"
      submitLabel="Actieplan maken"
      onCancel={() => onClose(false)}
      onSubmit={() =>
        submit(
          'actieplan.aanmaken',
          { gezinId: dossier.gezin.id, jeugdigeId, hulpvraag, verwijzer },
          () => onClose(true),
        )
      }
    >
      <TextField
        select
        label="Voor jeugdige"
        value={jeugdigeId}
        onChange={(e) => setJeugdigeId(e.target.value)}
        required
      >
        {jeugdigen.map((j) => (
          <MenuItem key={j.id} value={j.id}>
            {j.voornaam} ({j.leeftijd})
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="Hulpvraag"
        value={hulpvraag}
        onChange={(e) => setHulpvraag(e.target.value)}
        multiline
        minRows={2}
        required
        autoFocus
      />
      <CodeSelect
        label="Verwijzer"
        list={VERWIJZERS}
        value={verwijzer}
        onChange={(v) => v && setVerwijzer(v)}
      />
    </FormDialog>
  );
}
