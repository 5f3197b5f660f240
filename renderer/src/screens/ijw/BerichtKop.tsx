import { Typography } from '@mui/material';
import { formatDate } from '../../format';

/** Which message this is, from which provider, to which municipality. */
export function BerichtKop({
  soort,
  bericht,
}: {
  /** "Bericht", or the kind of message ("Startbericht (JW305)"). */
  soort: string;
  bericht: {
    berichtId: string;
    dagtekening: string;
    aanbieder: { naam: string | null; agbCode: string };
    gemeente: { naam: string | null; code: string };
  };
}) {
  return (
    <Typography>
      {soort} {bericht.berichtId} van {formatDate(bericht.dagtekening)} ·{' '}
      {bericht.aanbieder.naam ?? 'onbekende aanbieder'} (AGB {bericht.aanbieder.agbCode}) aan
      gemeente {bericht.gemeente.naam ?? bericht.gemeente.code}
    </Typography>
  );
}
