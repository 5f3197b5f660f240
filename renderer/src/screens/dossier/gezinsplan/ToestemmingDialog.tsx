import { Typography } from '@mui/material';
import { useState } from 'react';
import type { Dossier } from '../../../../../shared/api';
import { FormDialog } from '../../../components/FormDialog';
import { useSubmitMutation } from '../../../components/use-submit-mutation';
import { GezinslidNaam } from './GezinslidNaam';

export function ToestemmingDialog({
  gezinId,
  versie,
  leden,
  onClose,
}: {
  gezinId: string;
  versie: number;
  leden: Dossier['leden'];
  onClose(done: boolean): void;
}) {
  const submit = useSubmitMutation();
  const [door, setDoor] = useState('');
  return (
    <FormDialog
      title={`Toestemming voor versie ${versie}`}
      submitLabel="Toestemming vastleggen"
      onCancel={() => onClose(false)}
      onSubmit={() => submit('gezinsplan.toestemming', { gezinId, door }, () => onClose(true))}
    >
      <Typography>
        Het gezin heeft versie {versie} van het plan gezien en gaat ermee akkoord.
      </Typography>
      <GezinslidNaam label="Toestemming gegeven door" leden={leden} naam={door} onNaam={setDoor} />
    </FormDialog>
  );
}
