import { Box, Typography } from '@mui/material';
import type { PlanInhoud } from '../../../../../shared/api';
import { AFSPRAAK_STATUSSEN, LEEFDOMEINEN } from '../../../../../shared/domain';
import { formatDate } from '../../../format';

/** The fixed version being signed, as the family reads it before signing. */
export function PlanTekst({ inhoud, versie }: { inhoud: PlanInhoud; versie: number }) {
  const domeinen = inhoud.domeinen.filter((d) => d.situatie.trim() || d.doel.trim());
  const kop = (tekst: string) => (
    <Typography variant="subtitle2" component="h3" sx={{ mt: 1.5, '&:first-of-type': { mt: 0 } }}>
      {tekst}
    </Typography>
  );
  return (
    <Box
      role="region"
      aria-label={`Versie ${versie} van het gezinsplan`}
      // Focusable so the text scrolls with the keyboard too.
      tabIndex={0}
      data-testid="plan-tekst"
      sx={{
        maxHeight: 150,
        overflowY: 'auto',
        border: '1px solid',
        borderColor: 'grey.400',
        borderRadius: 1,
        p: 1.5,
        bgcolor: 'grey.50',
        '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
      }}
    >
      {kop('Wat wij willen bereiken, in onze eigen woorden')}
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {inhoud.eigenWoorden.trim() || 'Nog niet ingevuld.'}
      </Typography>
      {inhoud.toekomstplan?.trim() && (
        <>
          {kop('Toekomstplan')}
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {inhoud.toekomstplan}
          </Typography>
        </>
      )}
      {domeinen.length > 0 && (
        <>
          {kop('Leefdomeinen')}
          {domeinen.map((d) => (
            <Typography key={d.domein} variant="body2">
              <strong>{LEEFDOMEINEN.labels[d.domein]}:</strong> {d.situatie || '—'} →{' '}
              {d.doel || '—'}
            </Typography>
          ))}
        </>
      )}
      {kop('Afspraken')}
      {inhoud.afspraken.length === 0 ? (
        <Typography variant="body2">Geen afspraken.</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {inhoud.afspraken.map((a, i) => (
            <Typography component="li" variant="body2" key={i}>
              {a.wat} ({a.wie}
              {a.uiterlijk ? `, uiterlijk ${formatDate(a.uiterlijk)}` : ''})
              {a.status !== 'open' ? ` · ${AFSPRAAK_STATUSSEN.labels[a.status]}` : ''}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}
