/**
 * A provider's verzoek om toewijzing (iJw JW315), read from the XML file it sent: checked,
 * shown in words, and linked to the youth's dossier when the youth is in the team.
 */
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { VerzoekOmToewijzing } from '../../../shared/api-veldwerk';
import { type IjwEenheid, type IjwFrequentie } from '../../../shared/domain';
import { useCall } from '../api/hooks';
import { datumOfLeeg, formatDate, formatEuro, volumeTekst } from '../format';
import { useSession } from '../store';

export function VerzoekInlezen({ onClose }: { onClose(): void }) {
  const call = useCall();
  const go = useSession((s) => s.go);
  const [verzoek, setVerzoek] = useState<VerzoekOmToewijzing | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bestand, setBestand] = useState('');

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="verzoek-titel">
      <DialogTitle id="verzoek-titel">Verzoek om toewijzing inlezen (JW315)</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography>
          Kies het XML-bestand dat de aanbieder stuurde. Eenplan controleert het bericht (iJw 3.2)
          en zoekt de jeugdige in uw team; er wordt niets opgeslagen.
        </Typography>
        <Box>
          <Button variant="outlined" component="label">
            Bestand kiezen
            <input
              hidden
              type="file"
              autoComplete="off"
              accept=".xml,application/xml,text/xml"
              aria-label="JW315-bestand"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (!f) return;
                setBestand(f.name);
                setVerzoek(null);
                try {
                  setVerzoek(await call('ijw.verzoekLezen', { xml: await f.text() }));
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
        {verzoek && (
          <>
            <Typography>
              Bericht {verzoek.berichtId} van {formatDate(verzoek.dagtekening)} ·{' '}
              {verzoek.aanbieder.naam ?? 'onbekende aanbieder'} (AGB {verzoek.aanbieder.agbCode})
              aan gemeente {verzoek.gemeente.naam ?? verzoek.gemeente.code}
            </Typography>
            {verzoek.jeugdige ? (
              <Alert
                severity="success"
                action={
                  <Button
                    color="inherit"
                    onClick={() => {
                      go({
                        naam: 'dossier',
                        gezinId: verzoek.jeugdige!.gezinId,
                        tab: 'actieplannen',
                      });
                      onClose();
                    }}
                  >
                    Dossier openen
                  </Button>
                }
              >
                Voor {verzoek.jeugdige.naam} ({verzoek.jeugdige.gezinNaam}).
              </Alert>
            ) : (
              <Alert severity="warning">
                Geen jeugdige met BSN {verzoek.client.bsn} in uw team. Meld het gezin eerst aan, of
                stuur het verzoek door naar het team van de woonplaats.
              </Alert>
            )}
            <Table size="small" aria-label="Aangevraagde hulp">
              <TableHead>
                <TableRow>
                  <TableCell>Product</TableCell>
                  <TableCell>Periode</TableCell>
                  <TableCell>Omvang</TableCell>
                  <TableCell>Verwijzer</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {verzoek.producten.map((p) => (
                  <TableRow key={p.referentie}>
                    <TableCell>
                      {p.omschrijving ?? 'Onbekend product'} (
                      {p.productcode ?? `categorie ${p.categorie}`})
                      {p.commentaar && (
                        <Typography variant="caption" sx={{ display: 'block' }}>
                          {p.commentaar}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      {formatDate(p.ingangsdatum)} t/m {datumOfLeeg(p.einddatum)}
                    </TableCell>
                    <TableCell>
                      {p.volume !== null && p.eenheid && p.frequentie
                        ? volumeTekst(
                            p.volume,
                            p.eenheid as IjwEenheid,
                            p.frequentie as IjwFrequentie,
                          )
                        : p.budgetCents !== null
                          ? `budget ${formatEuro(p.budgetCents)}`
                          : '—'}
                    </TableCell>
                    <TableCell>{p.verwijzer}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Sluiten</Button>
      </DialogActions>
    </Dialog>
  );
}
