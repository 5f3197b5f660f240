import {
  Button,
  Card,
  CardContent,
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Gezinsplan as Plan } from '../../../../../shared/api';
import { useMutation } from '../../../api/hooks';
import { DatumVeld } from '../../../components/DatumVeld';
import { metOptioneleDatum } from '../../../components/datum-invoer';
import { InlineForm } from '../../../components/InlineForm';
import { useFormFields } from '../../../components/use-form-fields';
import { useSubmitMutation } from '../../../components/use-submit-mutation';
import { datumOfLeeg } from '../../../format';
import { AfspraakDialog } from './AfspraakDialog';

interface Props {
  plan: Plan;
  gezinId: string;
  alleenLezen: boolean;
  reload(): void;
}

export function Afspraken({ plan, gezinId, alleenLezen, reload }: Props) {
  const [bewerkt, setBewerkt] = useState<number | null>(null);
  return (
    <Card component="section" aria-labelledby="afspraken-kop">
      <CardContent>
        <Typography id="afspraken-kop" variant="h6" component="h2">
          Afspraken: wie doet wat, wanneer
        </Typography>
        <AfsprakenTabel
          plan={plan}
          gezinId={gezinId}
          alleenLezen={alleenLezen}
          reload={reload}
          onWijzig={setBewerkt}
        />
        {bewerkt !== null && plan.inhoud.afspraken[bewerkt] && (
          <AfspraakDialog
            gezinId={gezinId}
            id={plan.afspraakIds[bewerkt]!}
            afspraak={plan.inhoud.afspraken[bewerkt]}
            onClose={(klaar) => {
              setBewerkt(null);
              if (klaar) reload();
            }}
          />
        )}
        {!alleenLezen && <AfspraakToevoegen gezinId={gezinId} reload={reload} />}
      </CardContent>
    </Card>
  );
}

function AfsprakenTabel({
  plan,
  gezinId,
  alleenLezen,
  reload,
  onWijzig,
}: Props & { onWijzig(i: number): void }) {
  const mutate = useMutation();
  return (
    <Table size="small" aria-labelledby="afspraken-kop">
      <TableHead>
        <TableRow>
          <TableCell>Gedaan</TableCell>
          <TableCell>Wat</TableCell>
          <TableCell>Wie</TableCell>
          <TableCell>Uiterlijk</TableCell>
          {!alleenLezen && <TableCell>Corrigeren</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {plan.inhoud.afspraken.map((a, i) => (
          <TableRow key={plan.afspraakIds[i]}>
            <TableCell padding="checkbox">
              <Checkbox
                checked={a.status === 'gedaan'}
                disabled={alleenLezen}
                slotProps={{ input: { 'aria-label': `${a.wat} gedaan` } }}
                onChange={async (e) => {
                  await mutate('afspraak.opslaan', {
                    gezinId,
                    id: plan.afspraakIds[i]!,
                    wat: a.wat,
                    wie: a.wie,
                    ...(a.uiterlijk ? { uiterlijk: a.uiterlijk } : {}),
                    status: e.target.checked ? 'gedaan' : 'open',
                  });
                  reload();
                }}
              />
            </TableCell>
            <TableCell>{a.wat}</TableCell>
            <TableCell>{a.wie}</TableCell>
            <TableCell>{datumOfLeeg(a.uiterlijk)}</TableCell>
            {!alleenLezen && (
              <TableCell>
                <Button size="small" onClick={() => onWijzig(i)} aria-label={`${a.wat} wijzigen`}>
                  Wijzigen
                </Button>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function AfspraakToevoegen({ gezinId, reload }: { gezinId: string; reload(): void }) {
  const submit = useSubmitMutation();
  const { waarden: nieuw, veld, leegmaken } = useFormFields({ wat: '', wie: '', uiterlijk: '' });
  return (
    <InlineForm
      submitLabel="Afspraak toevoegen"
      onSubmit={() =>
        metOptioneleDatum(nieuw.uiterlijk, (uiterlijk) =>
          submit(
            'afspraak.opslaan',
            { gezinId, wat: nieuw.wat, wie: nieuw.wie, ...(uiterlijk ? { uiterlijk } : {}) },
            () => {
              leegmaken();
              reload();
            },
          ),
        )
      }
    >
      <TextField size="small" label="Wat" {...veld('wat')} sx={{ flexGrow: 1 }} />
      <TextField size="small" label="Wie" {...veld('wie')} />
      <DatumVeld size="small" label="Uiterlijk" {...veld('uiterlijk')} />
    </InlineForm>
  );
}
