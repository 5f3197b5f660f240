import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { FormDialog } from '../../components/FormDialog';
import { useSubmitMutation } from '../../components/use-submit-mutation';

export function OverdragenDialog({
  gezinId,
  regisseurId,
  onClose,
}: {
  gezinId: string;
  regisseurId: string;
  onClose(done: boolean): void;
}) {
  const submit = useSubmitMutation();
  const { data: collegas } = useQuery('team.collegas', {}, 'collegas');
  const [naarId, setNaarId] = useState('');
  const [reden, setReden] = useState('');
  return (
    <FormDialog
      title="Gezin overdragen aan een collega"
      submitLabel="Overdragen"
      onCancel={() => onClose(false)}
      onSubmit={() => submit('gezin.overdragen', { gezinId, naarId, reden }, () => onClose(true))}
    >
      <TextField
        select
        label="Nieuwe regisseur"
        value={naarId}
        onChange={(e) => setNaarId(e.target.value)}
        required
        autoFocus
      >
        {(collegas ?? [])
          .filter((c) => c.rol === 'jeugdprofessional' && c.id !== regisseurId)
          .map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.naam}
            </MenuItem>
          ))}
      </TextField>
      <TextField
        label="Reden van de overdracht"
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        multiline
        minRows={2}
        required
      />
    </FormDialog>
  );
}
