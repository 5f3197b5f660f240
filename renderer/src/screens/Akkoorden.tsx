import { Alert, Box, Button, Card, CardActions, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import type { ApiOutput } from '../../../shared/api';
import { useQuery } from '../api/hooks';
import { FormDialog } from '../components/FormDialog';
import { TekstVeld } from '../components/TekstVeld';
import { formatDate, formatEuro } from '../format';
import { useSession } from '../store';
import { useSubmitMutation } from '../components/use-submit-mutation';

type Verzoek = ApiOutput<'akkoorden.wachtrij'>[number];

/** The vier-ogen queue: requests of colleagues waiting for this professional or the teamcoach. */
export function Akkoorden() {
  const go = useSession((s) => s.go);
  const { data, error, reload } = useQuery('akkoorden.wachtrij', {}, 'akkoorden');
  const [besluit, setBesluit] = useState<{
    verzoek: Verzoek;
    soort: 'akkoord' | 'afgewezen';
  } | null>(null);
  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        Akkoorden (vier ogen)
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {data?.length === 0 && <Typography>Er wachten geen verzoeken op uw akkoord.</Typography>}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {data?.map((v) => (
          <Card key={v.id} component="article" aria-label={`Verzoek ${v.gezinNaam}`}>
            <CardContent>
              <Typography variant="h6" component="h2">
                {v.gezinNaam}: {v.omschrijving}
              </Typography>
              <Typography>
                Kosten {formatEuro(v.totaalCents)} · gevraagd door {v.aangevraagdDoorNaam} op{' '}
                {formatDate(v.aangevraagdOp)}
              </Typography>
              <Typography sx={{ mt: 1 }}>{v.reden}</Typography>
            </CardContent>
            <CardActions>
              <Button
                variant="contained"
                onClick={() => setBesluit({ verzoek: v, soort: 'akkoord' })}
              >
                Akkoord
              </Button>
              <Button color="error" onClick={() => setBesluit({ verzoek: v, soort: 'afgewezen' })}>
                Afwijzen
              </Button>
              <Button
                onClick={() => go({ naam: 'dossier', gezinId: v.gezinId, tab: 'actieplannen' })}
              >
                Dossier bekijken
              </Button>
            </CardActions>
          </Card>
        ))}
      </Box>
      {besluit && (
        <BesluitDialog
          verzoek={besluit.verzoek}
          soort={besluit.soort}
          onClose={(done) => {
            setBesluit(null);
            if (done) reload();
          }}
        />
      )}
    </Box>
  );
}

function BesluitDialog({
  verzoek,
  soort,
  onClose,
}: {
  verzoek: Verzoek;
  soort: 'akkoord' | 'afgewezen';
  onClose(done: boolean): void;
}) {
  const submit = useSubmitMutation();
  const [toelichting, setToelichting] = useState('');
  return (
    <FormDialog
      title={soort === 'akkoord' ? 'Akkoord geven' : 'Verzoek afwijzen'}
      submitLabel={soort === 'akkoord' ? 'Akkoord geven' : 'Afwijzen'}
      onCancel={() => onClose(false)}
      onSubmit={() =>
        submit(
          'akkoord.besluiten',
          {
            id: verzoek.id,
            besluit: soort,
            toelichting,
          },
          () => onClose(true),
        )
      }
    >
      <Typography>{verzoek.omschrijving}</Typography>
      <TekstVeld
        label="Toelichting bij uw besluit"
        value={toelichting}
        onChange={(e) => setToelichting(e.target.value)}
        multiline
        minRows={2}
        required
        maxTekens={1_000}
        autoFocus
      />
    </FormDialog>
  );
}
