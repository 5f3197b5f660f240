import { Box, Button, Chip, TableCell, TableRow, Typography } from '@mui/material';
import type { Toewijzing } from '../../../../../shared/api';
import { EVALUATIE_UITKOMSTEN, TOEWIJZING_STATUSSEN } from '../../../../../shared/domain';
import { formatDate, formatEuro, volumeTekst } from '../../../format';
import { STAND_KLEUR, STAND_TEKST } from './evaluatie-stand';

export type ActieSoort = 'start' | 'evaluatie' | 'stoppen';

interface Props {
  t: Toewijzing;
  dicht: boolean;
  onJw301(): void;
  onActie(soort: ActieSoort): void;
}

/** One toewijzing: the help, its period and costs, its evaluations, status and steps. */
export function ToewijzingRij({ t, dicht, onJw301, onActie }: Props) {
  return (
    <TableRow key={t.id}>
      <TableCell>
        {t.productOmschrijving} ({t.productcode}) bij {t.aanbiederNaam}
        <br />
        <Typography variant="caption">
          {volumeTekst(t.volume, t.eenheid, t.frequentie)}
          {t.beschikkingsvrij ? ' · beschikkingsvrij' : ''}
          {t.neeTenzij ? ' · nee, tenzij' : ''}
        </Typography>
      </TableCell>
      <TableCell>
        {formatDate(t.startdatum)} t/m {formatDate(t.beeindigdOp ?? t.einddatum)}
      </TableCell>
      <TableCell>
        {t.werkelijkeStart
          ? `${formatDate(t.werkelijkeStart)} (wachttijd ${t.wachttijdDagen} d)`
          : '—'}
      </TableCell>
      <TableCell>{formatEuro(t.totaalCents)}</TableCell>
      <TableCell>
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
          {t.evaluaties.map((e) => (
            <Chip
              key={e.id}
              size="small"
              color={STAND_KLEUR[e.stand]}
              variant={e.stand === 'gepland' ? 'outlined' : 'filled'}
              label={`${formatDate(e.uitgevoerdOp ?? e.geplandOp)} ${e.extra ? 'extra ' : ''}${e.uitkomst ? EVALUATIE_UITKOMSTEN.labels[e.uitkomst].toLowerCase() : STAND_TEKST[e.stand]}${e.cijferGezin ? ` · gezin ${e.cijferGezin}/10` : ''}`}
            />
          ))}
        </Box>
      </TableCell>
      <TableCell>
        {TOEWIJZING_STATUSSEN.labels[t.status]}
        {t.akkoord?.besluit && (
          <Typography variant="caption" sx={{ display: 'block' }}>
            {t.akkoord.besluit === 'akkoord' ? 'Akkoord' : 'Afgewezen'} door{' '}
            {t.akkoord.beoordeeldDoorNaam}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <ToewijzingActies t={t} dicht={dicht} onJw301={onJw301} onActie={onActie} />
      </TableCell>
    </TableRow>
  );
}

/** The JW301 message while the help runs, and recording its start, an evaluation or its end. */
function ToewijzingActies({ t, dicht, onJw301, onActie }: Props) {
  const loopt = t.status === 'toegewezen' || t.status === 'gestart';
  return (
    <>
      {loopt && (
        <Button
          size="small"
          title="Het iJw-toewijzingsbericht (JW301) voor de aanbieder, als XML-bestand"
          onClick={onJw301}
        >
          JW301-bericht
        </Button>
      )}
      {!dicht && loopt && (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
          {t.status === 'toegewezen' && (
            <Button size="small" onClick={() => onActie('start')}>
              Start vastleggen
            </Button>
          )}
          {/* Evaluating help that has not begun evaluates nothing. */}
          {t.werkelijkeStart && t.evaluaties.some((e) => !e.uitgevoerdOp) && (
            <Button size="small" onClick={() => onActie('evaluatie')}>
              Evaluatie vastleggen
            </Button>
          )}
          <Button size="small" color="error" onClick={() => onActie('stoppen')}>
            Hulp stoppen
          </Button>
        </Box>
      )}
    </>
  );
}
