import { Typography } from '@mui/material';
import { useState } from 'react';
import type { Toewijzing } from '../../../../../shared/api';
import { EINDE_REDENEN, type EindeReden } from '../../../../../shared/domain';
import { CodeSelect } from '../../../components/CodeSelect';
import { DatumDialog } from '../../../components/DatumDialog';
import { useSubmitMutation } from '../../../components/use-submit-mutation';
import { datumOfLeeg } from '../../../format';

/** The last day of the help and why it stopped. */
export function StoppenDialog({
  toewijzing,
  onClose,
}: {
  toewijzing: Toewijzing;
  onClose(done: boolean): void;
}) {
  const submit = useSubmitMutation();
  const [reden, setReden] = useState<EindeReden>('volgens_plan');
  return (
    <DatumDialog
      title="Hulp stoppen"
      submitLabel="Hulp stoppen"
      datumLabel="Laatste dag van de hulp"
      onCancel={() => onClose(false)}
      onDatum={(datum) =>
        submit('toewijzing.stoppen', { id: toewijzing.id, datum, reden }, () => onClose(true))
      }
      intro={
        <Typography>
          {toewijzing.productOmschrijving} bij {toewijzing.aanbiederNaam}, gepland tot{' '}
          {datumOfLeeg(toewijzing.einddatum)}.
        </Typography>
      }
    >
      <CodeSelect
        label="Reden"
        list={EINDE_REDENEN}
        value={reden}
        onChange={(v) => v && setReden(v)}
      />
    </DatumDialog>
  );
}
