/**
 * A provider's verzoek om toewijzing (iJw JW315), read from the XML file it sent: checked,
 * shown in words, and linked to the youth's dossier when the youth is in the team.
 */
import { Alert, Typography } from '@mui/material';
import { useState } from 'react';
import type { VerzoekOmToewijzing } from '../../../../shared/api';
import { type IjwEenheid, type IjwFrequentie } from '../../../../shared/domain';
import { useCall } from '../../api/hooks';
import { RegelTabel } from '../../components/RegelTabel';
import { datumOfLeeg, formatDate, formatEuro, volumeTekst } from '../../format';
import { BerichtKop } from './BerichtKop';
import { GevondenDossier } from './GevondenDossier';
import { IjwBerichtDialog } from './IjwBerichtDialog';

export function VerzoekInlezen({ onClose }: { onClose(): void }) {
  const call = useCall();
  const [verzoek, setVerzoek] = useState<VerzoekOmToewijzing | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  return (
    <IjwBerichtDialog
      id="verzoek-titel"
      titel="Verzoek om toewijzing inlezen (JW315)"
      uitleg="Kies het XML-bestand dat de aanbieder stuurde. Eenplan controleert het bericht (iJw 3.2) en zoekt de jeugdige in uw team; er wordt niets opgeslagen."
      bestandLabel="JW315-bestand"
      fout={fout}
      onClose={onClose}
      onBestand={async (f) => {
        setVerzoek(null);
        try {
          setVerzoek(await call('ijw.verzoekLezen', { xml: await f.text() }));
          setFout(null);
        } catch (error) {
          setFout((error as Error).message);
        }
      }}
    >
      {verzoek && (
        <>
          <BerichtKop soort="Bericht" bericht={verzoek} />
          <VoorJeugdige verzoek={verzoek} onClose={onClose} />
          <RegelTabel
            label="Aangevraagde hulp"
            koppen={['Product', 'Periode', 'Omvang', 'Verwijzer']}
            rijen={verzoek.producten.map((p) => ({
              key: p.referentie,
              cellen: [
                <>
                  {p.omschrijving ?? 'Onbekend product'} (
                  {p.productcode ?? `categorie ${p.categorie}`})
                  {p.commentaar && (
                    <Typography variant="caption" sx={{ display: 'block' }}>
                      {p.commentaar}
                    </Typography>
                  )}
                </>,
                <>
                  {formatDate(p.ingangsdatum)} t/m {datumOfLeeg(p.einddatum)}
                </>,
                omvang(p),
                p.verwijzer,
              ],
            }))}
          />
        </>
      )}
    </IjwBerichtDialog>
  );
}

function omvang(p: VerzoekOmToewijzing['producten'][number]) {
  if (p.volume !== null && p.eenheid && p.frequentie)
    return volumeTekst(p.volume, p.eenheid as IjwEenheid, p.frequentie as IjwFrequentie);
  return p.budgetCents !== null ? `budget ${formatEuro(p.budgetCents)}` : '—';
}

/** Whose dossier the request is for, or that the youth is not in the team. */
function VoorJeugdige({ verzoek, onClose }: { verzoek: VerzoekOmToewijzing; onClose(): void }) {
  if (!verzoek.jeugdige)
    return (
      <Alert severity="warning">
        Geen jeugdige met BSN {verzoek.client.bsn} in uw team. Meld het gezin eerst aan, of stuur
        het verzoek door naar het team van de woonplaats.
      </Alert>
    );
  return (
    <GevondenDossier gezinId={verzoek.jeugdige.gezinId} onClose={onClose}>
      Voor {verzoek.jeugdige.naam} ({verzoek.jeugdige.gezinNaam}).
    </GevondenDossier>
  );
}
