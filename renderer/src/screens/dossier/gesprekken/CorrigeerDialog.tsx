import { TextField } from '@mui/material';
import { useState } from 'react';
import type { Gespreksverslag } from '../../../../../shared/api';
import { FormDialog } from '../../../components/FormDialog';
import { useSubmitMutation } from '../../../components/use-submit-mutation';
import { formatDate } from '../../../format';

/** Correcting a saved note: the wording it had is kept, the reason goes on the timeline. */
export function CorrigeerDialog({
  gezinId,
  verslag,
  onClose,
}: {
  gezinId: string;
  verslag: Gespreksverslag;
  onClose(done: boolean): void;
}) {
  const submit = useSubmitMutation();
  const [tekst, setTekst] = useState(verslag.verslag);
  const [reden, setReden] = useState('');
  return (
    <FormDialog
      title={`Gespreksverslag van ${formatDate(verslag.datum)} corrigeren`}
      submitLabel="Correctie opslaan"
      maxWidth="md"
      onCancel={() => onClose(false)}
      onSubmit={() =>
        submit(
          'gesprek.opslaan',
          {
            gezinId,
            id: verslag.id,
            datum: verslag.datum,
            aanwezig: verslag.aanwezig,
            verslag: tekst,
            koppelingen: verslag.koppelingen.map((k) => k.id),
            reden,
          },
          () => onClose(true),
        )
      }
    >
      <TextField
        label="Verslag"
        value={tekst}
        onChange={(e) => setTekst(e.target.value)}
        multiline
        minRows={4}
        required
        autoFocus
        helperText={`De vorige tekst blijft bewaard als eerdere versie. ${tekst.length}/10000`}
        slotProps={{ htmlInput: { maxLength: 10_000 } }}
      />
      <TextField
        label="Reden van de correctie"
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        required
        helperText={`Komt in de tijdlijn van het gezin. ${reden.length}/500`}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </FormDialog>
  );
}
