import { Box, Button, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Actieplan } from '../../../../../shared/api';
import { DOEL_RESULTATEN } from '../../../../../shared/domain';
import { DatumVeld } from '../../../components/DatumVeld';
import { metDatum } from '../../../components/datum-invoer';
import { InlineForm } from '../../../components/InlineForm';
import { useFormFields } from '../../../components/use-form-fields';
import { useSubmitMutation } from '../../../components/use-submit-mutation';
import { formatDate } from '../../../format';
import { DoelDialog, DoelTrend } from '../DoelVoortgang';

/** The plan's SMART goals with their progress per evaluation. */
export function Doelen({
  actieplan: a,
  dicht,
  reload,
}: {
  actieplan: Actieplan;
  dicht: boolean;
  reload(): void;
}) {
  const [wijzig, setWijzig] = useState<Actieplan['doelen'][number] | null>(null);
  return (
    <Box component="section" aria-label="SMART-doelen">
      <Typography variant="subtitle1" component="h3">
        SMART-doelen
      </Typography>
      {a.doelen.map((d) => (
        <Box key={d.id} sx={{ ml: 1, mb: 0.5 }}>
          <Typography>
            • {d.omschrijving} — <em>{d.meetbaar}</em> (uiterlijk {formatDate(d.uiterlijk)}
            {/* Open goals show their progress per evaluation instead of "nog open". */}
            {d.resultaat !== 'open' ? `; ${DOEL_RESULTATEN.labels[d.resultaat].toLowerCase()}` : ''}
            )
            {!dicht && (
              <Button
                size="small"
                sx={{ ml: 1 }}
                aria-label={`Doel "${d.omschrijving}" wijzigen`}
                onClick={() => setWijzig(d)}
              >
                Wijzigen
              </Button>
            )}
          </Typography>
          <Box sx={{ ml: 2 }}>
            <DoelTrend doel={d} />
          </Box>
        </Box>
      ))}
      {wijzig && (
        <DoelDialog
          actieplanId={a.id}
          doel={wijzig}
          onClose={(done) => {
            setWijzig(null);
            if (done) reload();
          }}
        />
      )}
      {!dicht && <DoelToevoegen actieplanId={a.id} reload={reload} />}
    </Box>
  );
}

function DoelToevoegen({ actieplanId, reload }: { actieplanId: string; reload(): void }) {
  const submit = useSubmitMutation();
  const {
    waarden: nieuw,
    veld,
    leegmaken,
  } = useFormFields({
    omschrijving: '',
    meetbaar: '',
    uiterlijk: '',
  });
  return (
    <InlineForm
      submitLabel="Doel toevoegen"
      onSubmit={() =>
        metDatum(
          nieuw.uiterlijk,
          (uiterlijk) =>
            submit(
              'doel.opslaan',
              {
                actieplanId,
                omschrijving: nieuw.omschrijving,
                meetbaar: nieuw.meetbaar,
                uiterlijk,
              },
              () => {
                leegmaken();
                reload();
              },
            ),
          'Vul bij "uiterlijk" een datum in als dd-mm-jjjj.',
        )
      }
    >
      <TextField size="small" label="Doel" {...veld('omschrijving')} sx={{ flexGrow: 1 }} />
      <TextField
        size="small"
        label="Meetbaar: hoe weten we dat het bereikt is?"
        {...veld('meetbaar')}
        sx={{ flexGrow: 1 }}
      />
      <DatumVeld size="small" label="Uiterlijk" {...veld('uiterlijk')} />
    </InlineForm>
  );
}
