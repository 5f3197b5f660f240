/**
 * A provider's start (iJw JW305) or stop (JW307) of care, read from the XML file it sent:
 * checked, matched to the team's toewijzing and shown in words; recorded only when the
 * professional confirms. A sibling of the JW315 dialog (VerzoekInlezen), opened from Taken.
 */
import { Alert, Button, Checkbox, FormControlLabel, Typography } from '@mui/material';
import { useState } from 'react';
import type { StartStopBericht } from '../../../../shared/api';
import { EINDE_REDENEN, TOEWIJZING_STATUSSEN } from '../../../../shared/domain';
import { useCall, useMutation } from '../../api/hooks';
import { RegelTabel } from '../../components/RegelTabel';
import { datumOfLeeg, formatDate } from '../../format';
import { BerichtKop } from './BerichtKop';
import { GevondenDossier } from './GevondenDossier';
import { IjwBerichtDialog } from './IjwBerichtDialog';

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

/** The message read from the chosen file, and recording what it says once confirmed. */
function useStartStopBericht() {
  const call = useCall();
  const mutate = useMutation();
  const [xml, setXml] = useState('');
  const [bericht, setBericht] = useState<StartStopBericht | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [verhuizing, setVerhuizing] = useState(false);
  const [bezig, setBezig] = useState(false);
  const [vastgelegd, setVastgelegd] = useState<string | null>(null);

  async function lees(tekst: string) {
    setBericht(await call('ijw.berichtLezen', { xml: tekst }));
  }

  const vastleggen = async (b: StartStopBericht) => {
    setBezig(true);
    const uit = await mutate('ijw.berichtVerwerken', { xml, verhuizing });
    setBezig(false);
    if (uit.error) {
      setFout(uit.error.message);
      return;
    }
    setFout(null);
    setVastgelegd(
      b.soort === 'jw305'
        ? 'De start van de zorg is vastgelegd.'
        : 'Het einde van de zorg is vastgelegd.',
    );
    try {
      await lees(xml);
    } catch {
      setBericht(null);
    }
  };

  const kies = async (f: File) => {
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
  };
  return { bericht, fout, verhuizing, setVerhuizing, bezig, vastgelegd, vastleggen, kies };
}

export function StartStopInlezen({ onClose }: { onClose(): void }) {
  const { bericht, fout, verhuizing, setVerhuizing, bezig, vastgelegd, vastleggen, kies } =
    useStartStopBericht();
  return (
    <IjwBerichtDialog
      id="startstop-titel"
      titel="Start of stop van zorg inlezen (JW305/JW307)"
      uitleg="Kies het XML-bestand dat de aanbieder stuurde. Eenplan controleert het bericht (iJw 3.2) en zoekt de toewijzing in uw team; er wordt pas iets vastgelegd als u bevestigt."
      bestandLabel="JW305- of JW307-bestand"
      fout={fout}
      onClose={onClose}
      onBestand={(f) => void kies(f)}
      acties={
        bericht && (
          <Button
            variant="contained"
            disabled={!bericht.verwerkbaar || bezig}
            onClick={() => void vastleggen(bericht)}
          >
            {SOORT[bericht.soort].knop}
          </Button>
        )
      }
    >
      {vastgelegd && (
        <GevondenDossier
          gezinId={bericht?.producten.find((p) => p.toewijzing)?.toewijzing?.gezinId}
          onClose={onClose}
        >
          {vastgelegd}
        </GevondenDossier>
      )}
      {bericht && (
        <Bericht bericht={bericht} verhuizing={verhuizing} setVerhuizing={setVerhuizing} />
      )}
    </IjwBerichtDialog>
  );
}

/** The message in words, each toewijzing it names with what confirming records. */
function Bericht({
  bericht,
  verhuizing,
  setVerhuizing,
}: {
  bericht: StartStopBericht;
  verhuizing: boolean;
  setVerhuizing(v: boolean): void;
}) {
  const externeOorzaak = bericht.producten.some((p) => p.redenBeeindiging?.code === '35');
  return (
    <>
      <BerichtKop soort={SOORT[bericht.soort].naam} bericht={bericht} />
      {bericht.probleem && (
        <Alert severity="error" role="alert">
          {bericht.probleem}
        </Alert>
      )}
      <RegelTabel
        label="Toewijzingen in het bericht"
        koppen={['Toewijzing', 'Periode', 'Vast te leggen']}
        rijen={bericht.producten.map((p, i) => ({
          key: i,
          cellen: [
            <Toewijzing key="t" p={p} />,
            p.toewijzing
              ? `${formatDate(p.toewijzing.startdatum)} t/m ${formatDate(p.toewijzing.einddatum)}`
              : '—',
            <>
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
            </>,
          ],
        }))}
      />
      {externeOorzaak && bericht.verwerkbaar && (
        <FormControlLabel
          control={
            <Checkbox checked={verhuizing} onChange={(e) => setVerhuizing(e.target.checked)} />
          }
          label="De externe oorzaak is een verhuizing"
        />
      )}
    </>
  );
}

function Toewijzing({ p }: { p: Regel }) {
  if (!p.toewijzing)
    return `Niet gevonden${p.toewijzingNummer ? ` (nummer ${p.toewijzingNummer})` : ''}`;
  return (
    <>
      {p.toewijzing.jeugdige} ({p.toewijzing.gezinNaam})
      <Typography variant="caption" sx={{ display: 'block' }}>
        {p.toewijzing.productOmschrijving} ({p.toewijzing.productcode}) bij{' '}
        {p.toewijzing.aanbiederNaam} · {TOEWIJZING_STATUSSEN.labels[p.toewijzing.status]}
        {p.toewijzingNummer && ` · nummer ${p.toewijzingNummer}`}
      </Typography>
    </>
  );
}
