import { Alert, Button, Card, CardContent, Typography } from '@mui/material';
import type { Gezinsplan as Plan } from '../../../../../shared/api';
import { useMutation } from '../../../api/hooks';
import { useExport } from '../../../api/use-export';
import { formatDate } from '../../../format';

export type Melding = { soort: 'success' | 'error'; tekst: string } | null;

/** The plan's version and consent, and the steps that fix, consent to and sign it. */
export function PlanStatus({
  plan,
  gezinId,
  alleenLezen,
  melding,
  setMelding,
  reload,
  onToestemming,
  onTekenen,
}: {
  plan: Plan;
  gezinId: string;
  alleenLezen: boolean;
  melding: Melding;
  setMelding(m: Melding): void;
  reload(): void;
  onToestemming(): void;
  onTekenen(): void;
}) {
  const pdf = useExport();
  return (
    <Card component="section" aria-labelledby="status-kop">
      <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id="status-kop" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {plan.versie === 0 ? 'Nog geen vastgelegde versie' : `Versie ${plan.versie}`}
          {plan.toestemming
            ? ` · toestemming voor versie ${plan.toestemming.versie} van ${plan.toestemming.door} op ${formatDate(plan.toestemming.op)}`
            : ' · nog geen toestemming'}
        </Typography>
        {plan.gewijzigdSindsVersie && plan.versie > 0 && (
          <Alert severity="warning">
            Gewijzigd sinds versie {plan.versie}: leg opnieuw vast en vraag opnieuw toestemming.
          </Alert>
        )}
        {!alleenLezen && (
          <PlanStappen
            plan={plan}
            gezinId={gezinId}
            setMelding={setMelding}
            reload={reload}
            onToestemming={onToestemming}
            onTekenen={onTekenen}
          />
        )}
        <Button variant="text" onClick={() => void pdf.exporteer({ soort: 'gezinsplan', gezinId })}>
          Gezinsplan als PDF
        </Button>
      </CardContent>
      {melding && (
        <Alert severity={melding.soort} sx={{ mx: 2, mb: 2 }}>
          {melding.tekst}
        </Alert>
      )}
      {pdf.fout && (
        <Alert severity="error" sx={{ mx: 2, mb: 2 }}>
          {pdf.fout}
        </Alert>
      )}
    </Card>
  );
}

/** Fix a version, record the family's consent, have it signed. */
function PlanStappen({
  plan,
  gezinId,
  setMelding,
  reload,
  onToestemming,
  onTekenen,
}: {
  plan: Plan;
  gezinId: string;
  setMelding(m: Melding): void;
  reload(): void;
  onToestemming(): void;
  onTekenen(): void;
}) {
  const mutate = useMutation();
  return (
    <>
      <Button
        variant="contained"
        disabled={!plan.gewijzigdSindsVersie}
        onClick={async () => {
          const { data, error: e } = await mutate('gezinsplan.vastleggen', { gezinId });
          setMelding(
            e
              ? { soort: 'error', tekst: e.message }
              : { soort: 'success', tekst: `Versie ${data!.versie} is vastgelegd.` },
          );
          reload();
        }}
      >
        Versie vastleggen
      </Button>
      <Button
        variant="outlined"
        disabled={
          plan.versie === 0 || plan.gewijzigdSindsVersie || plan.toestemming?.versie === plan.versie
        }
        onClick={onToestemming}
      >
        Toestemming gezin vastleggen
      </Button>
      <Button
        variant="outlined"
        disabled={plan.versie === 0 || plan.gewijzigdSindsVersie}
        title={
          plan.gewijzigdSindsVersie
            ? 'Leg het plan eerst vast; het gezin tekent voor een vastgelegde versie.'
            : undefined
        }
        onClick={onTekenen}
      >
        Laten ondertekenen
      </Button>
    </>
  );
}
