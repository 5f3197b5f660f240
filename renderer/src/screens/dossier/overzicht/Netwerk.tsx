import { Button, List, ListItem, ListItemText, TextField } from '@mui/material';
import type { Dossier } from '../../../../../shared/api';
import { useMutation } from '../../../api/hooks';
import { InlineForm } from '../../../components/InlineForm';
import { Sectie } from '../../../components/Sectie';
import { useFormFields } from '../../../components/use-form-fields';
import { useSubmitMutation } from '../../../components/use-submit-mutation';

/** The family's own network: who helps, and what they do in the plan. */
export function Netwerk({
  dossier,
  dicht,
  reload,
}: {
  dossier: Dossier;
  dicht: boolean;
  reload(): void;
}) {
  const mutate = useMutation();
  return (
    <Sectie kop="netwerk-kop" titel="Netwerk">
      <List dense>
        {dossier.netwerk.map((n) => (
          <ListItem
            key={n.id}
            secondaryAction={
              !dicht && (
                <Button
                  size="small"
                  onClick={async () =>
                    (await mutate('netwerklid.verwijderen', { id: n.id })).data && reload()
                  }
                >
                  Verwijderen
                </Button>
              )
            }
          >
            <ListItemText
              primary={`${n.naam} (${n.relatie})`}
              secondary={[n.rolInPlan, n.telefoon].filter(Boolean).join(' · ') || undefined}
            />
          </ListItem>
        ))}
      </List>
      {!dicht && <NetwerklidToevoegen gezinId={dossier.gezin.id} reload={reload} />}
    </Sectie>
  );
}

function NetwerklidToevoegen({ gezinId, reload }: { gezinId: string; reload(): void }) {
  const submit = useSubmitMutation();
  const { waarden, veld, leegmaken } = useFormFields({ naam: '', relatie: '', rolInPlan: '' });
  return (
    <InlineForm
      submitLabel="Toevoegen"
      onSubmit={() =>
        submit(
          'netwerklid.opslaan',
          {
            gezinId,
            naam: waarden.naam,
            relatie: waarden.relatie,
            ...(waarden.rolInPlan ? { rolInPlan: waarden.rolInPlan } : {}),
          },
          () => {
            leegmaken();
            reload();
          },
        )
      }
    >
      <TextField size="small" label="Naam" {...veld('naam')} />
      <TextField size="small" label="Relatie" {...veld('relatie')} />
      <TextField size="small" label="Wat doet hij/zij in het plan" {...veld('rolInPlan')} />
    </InlineForm>
  );
}
