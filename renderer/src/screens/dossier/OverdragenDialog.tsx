import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { FormDialog } from '../../components/FormDialog';

export function OverdragenDialog({
  gezinId,
  regisseurId,
  onClose,
}: {
  gezinId: string;
  regisseurId: string;
  onClose(done: boolean): void;
}) {
  const mutate = useMutation();
  const { data: collegas } = useQuery('team.collegas', {}, 'collegas');
  const [naarId, setNaarId] = useState('');
  const [reden, setReden] = useState('');
  return (
    <FormDialog
      title="Gezin overdragen aan een collega"
      submitLabel="Overdragen"
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        const { error } = await mutate('gezin.overdragen', { gezinId, naarId, reden });
        if (error) return error.message;
        onClose(true);
        return null;
      }}
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
