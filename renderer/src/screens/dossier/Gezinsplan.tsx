import { Alert, Box, Typography } from '@mui/material';
import { useState } from 'react';
import type { Dossier } from '../../../../shared/api';
import { useMutation, useQuery } from '../../api/hooks';
import { Afspraken } from './gezinsplan/Afspraken';
import { Handtekeningen } from './gezinsplan/Handtekeningen';
import { OndertekenDialog } from './gezinsplan/OndertekenDialog';
import { PlanStatus, type Melding } from './gezinsplan/PlanStatus';
import { EigenWoorden, Leefdomeinen, type PlanOpslaan } from './gezinsplan/PlanTeksten';
import { ToestemmingDialog } from './gezinsplan/ToestemmingDialog';
import { Versies } from './gezinsplan/Versies';

export function Gezinsplan({
  gezinId,
  alleenLezen,
  leden = [],
}: {
  gezinId: string;
  alleenLezen: boolean;
  /** The family's members: who may sign is chosen from them. */
  leden?: Dossier['leden'];
}) {
  const { data: plan, error, reload } = useQuery('gezinsplan.ophalen', { gezinId }, gezinId);
  const mutate = useMutation();
  const [melding, setMelding] = useState<Melding>(null);
  const [toestemming, setToestemming] = useState(false);
  const [tekenen, setTekenen] = useState(false);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!plan) return <Typography>Gezinsplan laden ...</Typography>;

  const save: PlanOpslaan = async (input) => {
    const { error: e } = await mutate('gezinsplan.opslaan', { gezinId, ...input });
    if (!e) reload();
    return e?.message ?? null;
  };
  const gelukt = (tekst: string) => {
    setMelding({ soort: 'success', tekst });
    reload();
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <PlanStatus
        plan={plan}
        gezinId={gezinId}
        alleenLezen={alleenLezen}
        melding={melding}
        setMelding={setMelding}
        reload={reload}
        onToestemming={() => setToestemming(true)}
        onTekenen={() => setTekenen(true)}
      />
      <Handtekeningen plan={plan} />
      <EigenWoorden plan={plan} alleenLezen={alleenLezen} save={save} />
      <Leefdomeinen plan={plan} alleenLezen={alleenLezen} save={save} />
      <Afspraken plan={plan} gezinId={gezinId} alleenLezen={alleenLezen} reload={reload} />
      <Versies plan={plan} />

      {tekenen && (
        <OndertekenDialog
          gezinId={gezinId}
          plan={plan}
          leden={leden}
          onClose={(naam) => {
            setTekenen(false);
            if (naam) gelukt(`${naam} heeft versie ${plan.versie} ondertekend.`);
          }}
        />
      )}
      {toestemming && (
        <ToestemmingDialog
          gezinId={gezinId}
          versie={plan.versie}
          leden={leden}
          onClose={(done) => {
            setToestemming(false);
            if (done) gelukt(`Toestemming voor versie ${plan.versie} is vastgelegd.`);
          }}
        />
      )}
    </Box>
  );
}
