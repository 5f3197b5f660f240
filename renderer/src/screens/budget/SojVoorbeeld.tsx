import { Alert, Box, Button, Typography } from '@mui/material';
import type { SojImportStatus } from '../../../../shared/api';
import { RegelTabel } from '../../components/RegelTabel';
import { formatEuro } from '../../format';
import { aantal, maand } from './soj-tekst';

type Voorbeeld = NonNullable<SojImportStatus['voorbeeld']>;

/** What the checked file would change, per team and period, before anything is saved. */
export function SojVoorbeeld({
  voorbeeld,
  bevestigen,
  onBevestig,
  onAnnuleer,
}: {
  voorbeeld: Voorbeeld;
  bevestigen: boolean;
  onBevestig(): void;
  onAnnuleer(): void;
}) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Alert severity="info">
        Periode {maand(voorbeeld.periode)}: {aantal(voorbeeld.regels)}{' '}
        {voorbeeld.regels === 1 ? 'regel' : 'regels'}, samen {formatEuro(voorbeeld.bedragCents)}
        {voorbeeld.creditRegels > 0 &&
          `, waarvan ${aantal(voorbeeld.creditRegels)} ${voorbeeld.creditRegels === 1 ? 'creditregel' : 'creditregels'}`}
        {voorbeeld.lateRegels > 0 &&
          `; ${aantal(voorbeeld.lateRegels)} ${voorbeeld.lateRegels === 1 ? 'regel telt' : 'regels tellen'} mee in een eerdere maand van zorg`}
        . Er is nog niets opgeslagen.
      </Alert>
      <Typography variant="body2">
        <strong>Decimaalteken:</strong> {voorbeeld.decimalen.uitleg}
      </Typography>
      <RegelTabel
        label="Voorbeeld per team en periode"
        koppen={['Team', 'Periode', 'Regels nu', 'Regels na', 'Bedrag nu', 'Bedrag na']}
        rechts={[2, 3, 4, 5]}
        rijen={voorbeeld.teams.map((t) => ({
          key: `${t.teamId}-${t.periode}`,
          cellen: [
            t.teamNaam,
            maand(t.periode),
            aantal(t.regelsVoor),
            aantal(t.regelsNa),
            formatEuro(t.bedragVoorCents),
            formatEuro(t.bedragNaCents),
          ],
        }))}
      />
      {voorbeeld.waarschuwingen.length > 0 && <Waarschuwingen voorbeeld={voorbeeld} />}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button variant="contained" onClick={onBevestig} disabled={bevestigen}>
          Bevestigen en opslaan
        </Button>
        <Button onClick={onAnnuleer} disabled={bevestigen}>
          Annuleren
        </Button>
      </Box>
    </Box>
  );
}

function Waarschuwingen({ voorbeeld }: { voorbeeld: Voorbeeld }) {
  const totaal = voorbeeld.waarschuwingen.length + voorbeeld.meerWaarschuwingen;
  return (
    <>
      <Alert severity="warning">
        {totaal} {totaal === 1 ? 'regel lijkt' : 'regels lijken'} niet te kloppen. Controleer ze
        voordat u bevestigt
        {voorbeeld.meerWaarschuwingen > 0 &&
          ` (de eerste ${voorbeeld.waarschuwingen.length} staan hieronder)`}
        .
      </Alert>
      <RegelTabel
        label="Waarschuwingen bij het bestand"
        koppen={['Regel', 'Kolom', 'Waarschuwing']}
        rijen={voorbeeld.waarschuwingen.map((w, i) => ({
          key: i,
          cellen: [w.regel ?? '—', w.kolom ?? '—', w.reden],
        }))}
      />
    </>
  );
}
