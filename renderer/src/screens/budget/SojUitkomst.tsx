import { Alert } from '@mui/material';
import type { SojImportStatus } from '../../../../shared/api';
import { RegelTabel } from '../../components/RegelTabel';
import { formatEuro } from '../../format';
import { aantal, maand } from './soj-tekst';

/** The end of an import: what was read in (and what matched no client), or why nothing was. */
export function SojUitkomst({ status }: { status: SojImportStatus }) {
  if (status.fase === 'mislukt') return <SojMislukt status={status} />;
  if (status.fase !== 'klaar' || !status.resultaat) return null;
  const r = status.resultaat;
  return (
    <>
      <Alert severity="success">
        Periode {maand(r.periode)} ingelezen: {aantal(r.regels)} regels, {formatEuro(r.bedragCents)}
        {r.vervangen > 0 && ` (vervangt ${aantal(r.vervangen)} eerdere regels)`}.
        {r.onbekend.length > 0 &&
          ` ${r.onbekend.length + r.meerOnbekend} regels horen bij geen bekende cliënt of toewijzing; ze tellen mee en staan hieronder.`}
      </Alert>
      {r.onbekend.length > 0 && (
        <RegelTabel
          label="Niet gekoppelde regels"
          koppen={['Regel', 'Cliëntreferentie', 'Reden']}
          rijen={r.onbekend.map((o) => ({ key: o.regel, cellen: [o.regel, o.clientRef, o.reden] }))}
        />
      )}
    </>
  );
}

function SojMislukt({ status }: { status: SojImportStatus }) {
  return (
    <>
      <Alert severity="error" role="alert">
        Het bestand is niet ingelezen; er is niets gewijzigd. Herstel deze punten en probeer het
        opnieuw{status.meerFouten > 0 && ` (en nog ${status.meerFouten} meer)`}.
      </Alert>
      <RegelTabel
        label="Fouten in het bestand"
        koppen={['Regel', 'Kolom', 'Wat is er mis']}
        rijen={status.fouten.map((f, i) => ({
          key: i,
          cellen: [f.regel ?? '—', f.kolom ?? '—', f.reden],
        }))}
      />
    </>
  );
}
