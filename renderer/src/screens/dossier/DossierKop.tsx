import { Alert, Box, Breadcrumbs, Button, Chip, Link, Typography } from '@mui/material';
import { useState } from 'react';
import type { Dossier } from '../../../../shared/api';
import { GEZIN_STATUSSEN } from '../../../../shared/domain';
import { download } from '../../api/client';
import { useCall } from '../../api/hooks';
import { useExport } from '../../api/use-export';
import { useSession } from '../../store';

/** Everything about the family as a JSON file, for an inzage request (AVG). */
async function inzageDownload(call: ReturnType<typeof useCall>, gezinId: string) {
  const document = await call('gezin.inzage', { gezinId });
  download(
    JSON.stringify(document, null, 2),
    `eenplan-inzage-${gezinId}-${document.gemaaktOp.slice(0, 10)}.json`,
    'application/json',
  );
}

/** The family's name, address and regisseur, the inzage exports, and hand over or close. */
export function DossierKop({
  gezin,
  gezinId,
  afgesloten,
  dicht,
  onDialog,
}: {
  gezin: Dossier['gezin'];
  gezinId: string;
  afgesloten: boolean;
  dicht: boolean;
  onDialog(d: 'overdragen' | 'afsluiten'): void;
}) {
  const go = useSession((s) => s.go);
  const call = useCall();
  const [exportFout, setExportFout] = useState<string | null>(null);
  const inzageExport = () =>
    inzageDownload(call, gezinId).then(
      () => setExportFout(null),
      (error: Error) => setExportFout(error.message),
    );
  const pdf = useExport();
  return (
    <>
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
          onClick={() => void pdf.exporteer({ soort: 'inzage', gezinId: gezinId, formaat: 'pdf' })}
          title="Hetzelfde overzicht als leesbaar PDF-document voor het gezin. Wordt vastgelegd."
        >
          Inzage als PDF
        </Button>
        {!dicht && (
          <>
            <Button variant="outlined" onClick={() => onDialog('overdragen')}>
              Overdragen
            </Button>
            <Button variant="outlined" color="secondary" onClick={() => onDialog('afsluiten')}>
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
    </>
  );
}
