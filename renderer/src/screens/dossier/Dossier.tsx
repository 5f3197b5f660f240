import { Alert, Box, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { datumOfLeeg } from '../../format';
import { useSession, type View } from '../../store';
import { Actieplannen } from './Actieplannen';
import { AfsluitenDialog } from './AfsluitenDialog';
import { DossierKop } from './DossierKop';
import { Gesprekken } from './Gesprekken';
import { Gezinsplan } from './Gezinsplan';
import { InzageReden } from './InzageReden';
import { Overzicht } from './Overzicht';
import { alleenLezen } from './alleen-lezen';
import { OverdragenDialog } from './OverdragenDialog';

type DossierView = Extract<View, { naam: 'dossier' }>;

export function Dossier({ view }: { view: DossierView }) {
  const go = useSession((s) => s.go);
  const { data, error, errorCode, reload } = useQuery(
    'gezin.dossier',
    { gezinId: view.gezinId },
    view.gezinId,
  );
  const [dialog, setDialog] = useState<'overdragen' | 'afsluiten' | null>(null);
  if (errorCode === 'reden-nodig') return <InzageReden gezinId={view.gezinId} onGegeven={reload} />;
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return <Typography>Dossier laden ...</Typography>;
  const { gezin } = data;
  const afgesloten = gezin.status === 'afgesloten';
  const dicht = alleenLezen(data);
  return (
    <Box>
      <DossierKop
        gezin={gezin}
        gezinId={view.gezinId}
        afgesloten={afgesloten}
        dicht={dicht}
        onDialog={setDialog}
      />
      {!afgesloten && !gezin.magWijzigen && (
        <Alert severity="info" sx={{ mb: 2 }}>
          U kunt dit dossier inzien maar niet wijzigen: alleen de regisseur ({gezin.regisseurNaam})
          en de medewerkers van dit gezin wijzigen het. De regisseur kan u als medewerker toevoegen.
        </Alert>
      )}
      {afgesloten && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Afgesloten op {datumOfLeeg(gezin.afgeslotenOp)}. Oordeel van het gezin:{' '}
          {gezin.oordeelCijfer}/10 — “{gezin.oordeelGezin}”
        </Alert>
      )}
      <Tabs
        value={view.tab}
        onChange={(_, tab: DossierView['tab']) => go({ ...view, tab })}
        aria-label="Dossieronderdelen"
        sx={{ mb: 2 }}
      >
        <Tab value="overzicht" label="Overzicht" />
        <Tab value="gezinsplan" label="Gezinsplan" />
        <Tab value="actieplannen" label={`Actieplannen (${data.actieplannen.length})`} />
        <Tab value="gesprekken" label="Gesprekken" />
      </Tabs>
      {view.tab === 'overzicht' && <Overzicht dossier={data} reload={reload} />}
      {view.tab === 'gezinsplan' && (
        <Gezinsplan gezinId={gezin.id} alleenLezen={dicht} leden={data.leden} />
      )}
      {view.tab === 'actieplannen' && <Actieplannen dossier={data} reload={reload} />}
      {view.tab === 'gesprekken' && <Gesprekken dossier={data} dicht={dicht} />}
      {dialog === 'overdragen' && (
        <OverdragenDialog
          gezinId={gezin.id}
          regisseurId={gezin.regisseurId}
          onClose={(done) => {
            setDialog(null);
            if (done) reload();
          }}
        />
      )}
      {dialog === 'afsluiten' && (
        <AfsluitenDialog
          dossier={data}
          onClose={(done) => {
            setDialog(null);
            if (done) reload();
          }}
        />
      )}
    </Box>
  );
}
