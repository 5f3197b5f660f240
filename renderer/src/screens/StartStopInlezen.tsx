/**
 * A provider's start (iJw JW305) or stop (JW307) of care, read from the XML file it sent:
 * checked, matched to the team's toewijzing and shown in words; recorded only when the
 * professional confirms. A sibling of the JW315 dialog (VerzoekInlezen), opened from Taken.
 */
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { StartStopBericht } from '../../../shared/api-veldwerk';
import { EINDE_REDENEN, TOEWIJZING_STATUSSEN } from '../../../shared/domain';
import { useCall, useMutation } from '../api/hooks';
import { datumOfLeeg, formatDate } from '../format';
import { useSession } from '../store';

const SOORT = {
  jw305: { naam: 'Startbericht (JW305)', knop: 'Start vastleggen' },
  jw307: { naam: 'Stopbericht (JW307)', knop: 'Einde vastleggen' },
} as const;

type Regel = StartStopBericht['producten'][number];

function vastTeLeggen(soort: StartStopBericht['soort'], p: Regel, verhuizing: boolean) {
  if (soort === 'jw305')
    return `Zorg gestart op ${formatDate(p.begindatum)}${
      p.wachttijdDagen !== null ? ` (wachttijd ${p.wachttijdDagen} dagen)` : ''
    }`;
  const reden = p.redenBeeindiging;
  const eigen = reden?.code === '35' && verhuizing ? 'verhuizing' : (p.eindeReden ?? 'overig');
  return `Beëindigd op ${datumOfLeeg(p.einddatum)}: ${reden?.label ?? '—'} (JZ588 ${
    reden?.code ?? '—'
  }); in Eenplan "${EINDE_REDENEN.labels[eigen]}"`;
}

export function StartStopInlezen({ onClose }: { onClose(): void }) {
  const call = useCall();
  const mutate = useMutation();
  const go = useSession((s) => s.go);
  const [xml, setXml] = useState('');
  const [bericht, setBericht] = useState<StartStopBericht | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bestand, setBestand] = useState('');
  const [verhuizing, setVerhuizing] = useState(false);
  const [bezig, setBezig] = useState(false);
  const [vastgelegd, setVastgelegd] = useState<string | null>(null);

  async function lees(tekst: string) {
    setBericht(await call('ijw.berichtLezen', { xml: tekst }));
  }

  const externeOorzaak = bericht?.producten.some((p) => p.redenBeeindiging?.code === '35');
  const gezinId = bericht?.producten.find((p) => p.toewijzing)?.toewijzing?.gezinId;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="startstop-titel">
      <DialogTitle id="startstop-titel">Start of stop van zorg inlezen (JW305/JW307)</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography>
          Kies het XML-bestand dat de aanbieder stuurde. Eenplan controleert het bericht (iJw 3.2)
          en zoekt de toewijzing in uw team; er wordt pas iets vastgelegd als u bevestigt.
        </Typography>
        <Box>
          <Button variant="outlined" component="label">
            Bestand kiezen
            <input
              hidden
              type="file"
              autoComplete="off"
              accept=".xml,application/xml,text/xml"
              aria-label="JW305- of JW307-bestand"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (!f) return;
                setBestand(f.name);
                setBericht(null);
                setVastgelegd(null);
                setVerhuizing(false);
                try {
                  const tekst = await f.text();
                  setXml(tekst);
                  await lees(tekst);
                  setFout(null);
                } catch (error) {
                  setFout((error as Error).message);
                }
              }}
            />
          </Button>
          {bestand && (
            <Typography component="span" sx={{ ml: 2 }}>
              {bestand}
            </Typography>
          )}
        </Box>
        {fout && (
          <Alert severity="error" role="alert">
            {fout}
          </Alert>
        )}
        {vastgelegd && (
          <Alert
            severity="success"
            action={
              gezinId && (
                <Button
                  color="inherit"
                  onClick={() => {
                    go({ naam: 'dossier', gezinId, tab: 'actieplannen' });
                    onClose();
                  }}
                >
                  Dossier openen
                </Button>
              )
            }
          >
            {vastgelegd}
          </Alert>
        )}
        {bericht && (
          <>
            <Typography>
              {SOORT[bericht.soort].naam} {bericht.berichtId} van {formatDate(bericht.dagtekening)}{' '}
              · {bericht.aanbieder.naam ?? 'onbekende aanbieder'} (AGB {bericht.aanbieder.agbCode})
              aan gemeente {bericht.gemeente.naam ?? bericht.gemeente.code}
            </Typography>
            {bericht.probleem && (
              <Alert severity="error" role="alert">
                {bericht.probleem}
              </Alert>
            )}
            <Table size="small" aria-label="Toewijzingen in het bericht">
              <TableHead>
                <TableRow>
                  <TableCell>Toewijzing</TableCell>
                  <TableCell>Periode</TableCell>
                  <TableCell>Vast te leggen</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {bericht.producten.map((p, i) => (
                  <TableRow key={i}>
                    <TableCell>
                      {p.toewijzing ? (
                        <>
                          {p.toewijzing.jeugdige} ({p.toewijzing.gezinNaam})
                          <Typography variant="caption" sx={{ display: 'block' }}>
                            {p.toewijzing.productOmschrijving} ({p.toewijzing.productcode}) bij{' '}
                            {p.toewijzing.aanbiederNaam} ·{' '}
                            {TOEWIJZING_STATUSSEN.labels[p.toewijzing.status]}
                            {p.toewijzingNummer && ` · nummer ${p.toewijzingNummer}`}
                          </Typography>
                        </>
                      ) : (
                        `Niet gevonden${p.toewijzingNummer ? ` (nummer ${p.toewijzingNummer})` : ''}`
                      )}
                    </TableCell>
                    <TableCell>
                      {p.toewijzing
                        ? `${formatDate(p.toewijzing.startdatum)} t/m ${formatDate(p.toewijzing.einddatum)}`
                        : '—'}
                    </TableCell>
                    <TableCell>
                      {vastTeLeggen(bericht.soort, p, verhuizing)}
                      {p.alVerwerkt && (
                        <Typography variant="caption" sx={{ display: 'block' }}>
                          Al vastgelegd; dit bericht verandert niets.
                        </Typography>
                      )}
                      {p.probleem && (
                        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
                          {p.probleem}
                        </Alert>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {externeOorzaak && bericht.verwerkbaar && (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={verhuizing}
                    onChange={(e) => setVerhuizing(e.target.checked)}
                  />
                }
                label="De externe oorzaak is een verhuizing"
              />
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Sluiten</Button>
        {bericht && (
          <Button
            variant="contained"
            disabled={!bericht.verwerkbaar || bezig}
            onClick={async () => {
              setBezig(true);
              const uit = await mutate('ijw.berichtVerwerken', { xml, verhuizing });
              setBezig(false);
              if (uit.error) {
                setFout(uit.error.message);
                return;
              }
              setFout(null);
              setVastgelegd(
                bericht.soort === 'jw305'
                  ? 'De start van de zorg is vastgelegd.'
                  : 'Het einde van de zorg is vastgelegd.',
              );
              try {
                await lees(xml);
              } catch {
                setBericht(null);
              }
            }}
          >
            {SOORT[bericht.soort].knop}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
