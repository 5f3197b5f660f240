import { Alert, Box, Button, LinearProgress, Paper, Typography } from '@mui/material';
import { FASE_TEKST, VOORTGANG_FASEN } from './soj-tekst';
import { SojUitkomst } from './SojUitkomst';
import { SojVoorbeeld } from './SojVoorbeeld';
import { useSojImport } from './use-soj-import';

export function SojImport({ onKlaar }: { onKlaar(): void }) {
  const { invoer, status, fout, bezig, bevestigen, bevestig, kies, annuleer } =
    useSojImport(onKlaar);
  const voorbeeld = status?.fase === 'voorbeeld' ? status.voorbeeld : null;
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="h6" component="h2">
        SOJ-cijfers inlezen
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Het maandbestand van het Serviceorganisatie Jeugd (CSV of Excel). U ziet eerst per team en
        periode wat er verandert en bevestigt dan. Een periode opnieuw inlezen vervangt die periode
        voor de teams in het bestand; andere teams blijven ongewijzigd en er wordt nooit dubbel
        geteld. Bij één fout wordt niets ingelezen.
      </Typography>
      <Box>
        <Button variant="contained" component="label" disabled={bezig}>
          Bestand kiezen…
          <input
            ref={invoer}
            hidden
            type="file"
            autoComplete="off"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="SOJ-bestand"
            onChange={(e) => void kies(e.target.files?.[0])}
          />
        </Button>
      </Box>
      {fout && <Alert severity="error">{fout}</Alert>}
      {status && (
        <Box role="status" aria-live="polite">
          <Typography variant="body2">
            {FASE_TEKST[status.fase]}
            {status.regels > 0 &&
              ` · ${status.regels.toLocaleString('nl-NL')} ${status.regels === 1 ? 'regel' : 'regels'}`}
          </Typography>
          {bezig && (
            <LinearProgress
              variant="determinate"
              value={
                ((VOORTGANG_FASEN.indexOf(status.fase as (typeof VOORTGANG_FASEN)[number]) +
                  status.voortgang) /
                  VOORTGANG_FASEN.length) *
                100
              }
              aria-label="Voortgang van het inlezen"
            />
          )}
        </Box>
      )}
      {voorbeeld && (
        <SojVoorbeeld
          voorbeeld={voorbeeld}
          bevestigen={bevestigen}
          onBevestig={() => void bevestig()}
          onAnnuleer={annuleer}
        />
      )}
      {status && <SojUitkomst status={status} />}
    </Paper>
  );
}
