import { Alert, Box, Button, TextField } from '@mui/material';
import { useState } from 'react';
import type { PlanInhoud } from '../../../../../shared/api';
import { DatumVeld } from '../../../components/DatumVeld';
import { metOptioneleDatum } from '../../../components/datum-invoer';
import { FormDialog } from '../../../components/FormDialog';
import { useFormFields } from '../../../components/use-form-fields';
import { useSubmitMutation } from '../../../components/use-submit-mutation';
import { formatDate } from '../../../format';

/**
 * Correcting an agreement, or removing one made by mistake. The fixed versions of the plan keep
 * the wording the family saw; only the working plan changes.
 */
export function AfspraakDialog({
  gezinId,
  id,
  afspraak,
  onClose,
}: {
  gezinId: string;
  id: string;
  afspraak: PlanInhoud['afspraken'][number];
  onClose(klaar: boolean): void;
}) {
  const submit = useSubmitMutation();
  const { waarden: a, veld } = useFormFields({
    wat: afspraak.wat,
    wie: afspraak.wie,
    uiterlijk: afspraak.uiterlijk ? formatDate(afspraak.uiterlijk) : '',
  });
  const [verwijderen, setVerwijderen] = useState(false);
  const klaar = () => onClose(true);
  return (
    <FormDialog
      title={verwijderen ? 'Afspraak verwijderen' : 'Afspraak wijzigen'}
      submitLabel={verwijderen ? 'Verwijderen' : 'Opslaan'}
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        if (verwijderen) return submit('afspraak.verwijderen', { id }, klaar);
        return metOptioneleDatum(a.uiterlijk, (uiterlijk) =>
          submit(
            'afspraak.opslaan',
            {
              gezinId,
              id,
              wat: a.wat,
              wie: a.wie,
              ...(uiterlijk ? { uiterlijk } : {}),
              status: afspraak.status,
            },
            klaar,
          ),
        );
      }}
    >
      {verwijderen ? (
        <Alert severity="warning">
          „{afspraak.wat}” verdwijnt uit het werkplan. Vastgelegde versies houden de afspraak zoals
          het gezin die zag.
        </Alert>
      ) : (
        <>
          <TextField
            label="Wat"
            {...veld('wat')}
            required
            autoFocus
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          <TextField
            label="Wie"
            {...veld('wie')}
            required
            slotProps={{ htmlInput: { maxLength: 120 } }}
          />
          <DatumVeld label="Uiterlijk" {...veld('uiterlijk')} />
        </>
      )}
      <Box>
        <Button
          color={verwijderen ? 'inherit' : 'error'}
          onClick={() => setVerwijderen(!verwijderen)}
        >
          {verwijderen ? 'Toch wijzigen' : 'Afspraak verwijderen…'}
        </Button>
      </Box>
    </FormDialog>
  );
}
