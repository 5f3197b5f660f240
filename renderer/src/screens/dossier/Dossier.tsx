import { Alert, Box, Breadcrumbs, Button, Chip, Link, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { GEZIN_STATUSSEN } from '../../../../shared/domain';
import { download } from '../../api/client';
import { useExport } from '../../api/use-export';
import { useCall, useQuery } from '../../api/hooks';
import { datumOfLeeg } from '../../format';
import { useSession, type View } from '../../store';
import { Actieplannen } from './Actieplannen';
import { AfsluitenDialog } from './AfsluitenDialog';
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
  const call = useCall();
  const [exportFout, setExportFout] = useState<string | null>(null);
  async function inzageExport() {
    try {
      const document = await call('gezin.inzage', { gezinId: view.gezinId });
      download(
        JSON.stringify(document, null, 2),
        `eenplan-inzage-${view.gezinId}-${document.gemaaktOp.slice(0, 10)}.json`,
        'application/json',
      );
      setExportFout(null);
    } catch (error) {
      setExportFout((error as Error).message);
    }
  }
  const pdf = useExport();
  if (errorCode === 'reden-nodig') return <InzageReden gezinId={view.gezinId} onGegeven={reload} />;
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return <Typography>Dossier laden ...</Typography>;
  const { gezin } = data;
  const afgesloten = gezin.status === 'afgesloten';
  const dicht = alleenLezen(data);
  return (
    <Box>
      <Breadcrumbs aria-label="Kruimelpad" sx={{ mb: 1 }}>
        <Link component="button" onClick={() => go({ naam: 'gezinnen' })}>
          Mijn gezinnen
        </Link>
        <Typography color="text.primary">{gezin.naam}</Typography>
      </Breadcrumbs>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {gezin.naam}
        </Typography>
        <Chip
          label={GEZIN_STATUSSEN.labels[gezin.status]}
          color={afgesloten ? 'default' : 'primary'}
        />
        <Typography color="text.secondary">
          {gezin.adres}, {gezin.postcode} {gezin.woonplaats} · regisseur {gezin.regisseurNaam}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Button
          variant="text"
          onClick={() => void inzageExport()}
          title="Alles over dit gezin als JSON-bestand, voor een inzageverzoek (AVG). Wordt vastgelegd."
        >
          Inzage-export
        </Button>
        <Button
          variant="text"
          onClick={() =>
            void pdf.exporteer({ soort: 'inzage', gezinId: view.gezinId, formaat: 'pdf' })
          }
          title="Hetzelfde overzicht als leesbaar PDF-document voor het gezin. Wordt vastgelegd."
        >
          Inzage als PDF
        </Button>
        {!dicht && (
          <>
            <Button variant="outlined" onClick={() => setDialog('overdragen')}>
              Overdragen
            </Button>
            <Button variant="outlined" color="secondary" onClick={() => setDialog('afsluiten')}>
              Gezin afsluiten
            </Button>
          </>
        )}
      </Box>
      {(exportFout ?? pdf.fout) && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {exportFout ?? pdf.fout}
        </Alert>
      )}
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
