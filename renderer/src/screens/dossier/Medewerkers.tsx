import {
  Button,
  Card,
  CardContent,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Dossier } from '../../../../shared/api';
import { InlineForm } from '../../components/InlineForm';
import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../store';

/**
 * "Eén gezin, één regisseur": the regisseur and the colleagues who work with the family change
 * the dossier; the regisseur adds and removes those colleagues.
 */
export function Medewerkers({ dossier, reload }: { dossier: Dossier; reload(): void }) {
  const profiel = useSession((s) => s.profiel);
  const mutate = useMutation();
  const { gezin } = dossier;
  const isRegisseur = profiel?.id === gezin.regisseurId && gezin.status !== 'afgesloten';
  const collegas = useQuery('team.collegas', isRegisseur ? {} : null, 'collegas');
  const [kandidaat, setKandidaat] = useState('');
  const kiesbaar = (collegas.data ?? []).filter(
    (c) =>
      c.rol === 'jeugdprofessional' &&
      c.id !== gezin.regisseurId &&
      !gezin.medewerkers.some((m) => m.id === c.id),
  );
  const wijzig = async (professionalId: string, actie: 'toevoegen' | 'verwijderen') => {
    const { error } = await mutate('gezin.medewerker', {
      gezinId: gezin.id,
      professionalId,
      actie,
    });
    if (!error) reload();
    return error?.message ?? null;
  };
  return (
    <Card component="section" aria-labelledby="medewerkers-kop">
      <CardContent>
        <Typography id="medewerkers-kop" variant="h6" component="h2">
          Regisseur en medewerkers
        </Typography>
        <List dense>
          <ListItem>
            <ListItemText primary={gezin.regisseurNaam} secondary="Regisseur" />
          </ListItem>
          {gezin.medewerkers.map((m) => (
            <ListItem
              key={m.id}
              secondaryAction={
                isRegisseur && (
                  <Button size="small" onClick={() => void wijzig(m.id, 'verwijderen')}>
                    Verwijderen
                  </Button>
                )
              }
            >
              <ListItemText primary={m.naam} secondary="Medewerker" />
            </ListItem>
          ))}
        </List>
        {isRegisseur && kiesbaar.length > 0 && (
          <InlineForm
            submitLabel="Toevoegen"
            onSubmit={async () => {
              if (!kandidaat) return 'Kies een collega.';
              const fout = await wijzig(kandidaat, 'toevoegen');
              if (!fout) setKandidaat('');
              return fout;
            }}
          >
            <TextField
              select
              size="small"
              label="Collega als medewerker"
              value={kandidaat}
              onChange={(e) => setKandidaat(e.target.value)}
              sx={{ minWidth: 240 }}
            >
              {kiesbaar.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {c.naam}
                </MenuItem>
              ))}
            </TextField>
          </InlineForm>
        )}
      </CardContent>
    </Card>
  );
}
