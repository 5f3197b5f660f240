import { Typography } from '@mui/material';
import type { Toewijzing } from '../../../../../shared/api';
import { DatumDialog } from '../../../components/DatumDialog';
import { useSubmitMutation } from '../../../components/use-submit-mutation';
import { formatDate } from '../../../format';

/** The day care really began: the waiting time shows from it. */
export function StartDialog({
  toewijzing,
  onClose,
}: {
  toewijzing: Toewijzing;
  onClose(done: boolean): void;
}) {
  const submit = useSubmitMutation();
  return (
    <DatumDialog
      title="Start van de zorg vastleggen"
      submitLabel="Vastleggen"
      datumLabel="Werkelijke start"
      onCancel={() => onClose(false)}
      onDatum={(datum) =>
        submit('toewijzing.startVastleggen', { id: toewijzing.id, datum }, () => onClose(true))
      }
      intro={
        <Typography>
          Toegewezen per {formatDate(toewijzing.startdatum)}. Op welke dag begon{' '}
          {toewijzing.aanbiederNaam} echt? Zo wordt de wachttijd zichtbaar.
        </Typography>
      }
    />
  );
}
