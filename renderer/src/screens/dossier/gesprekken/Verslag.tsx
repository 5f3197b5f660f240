import { Box, Button, Chip, Typography } from '@mui/material';
import type { Gespreksverslag } from '../../../../../shared/api';
import { formatDate, momentTekst } from '../../../format';

/** One saved note: date, who was there, the text, what it was about, earlier wordings. */
export function Verslag({
  v,
  dicht,
  onCorrigeer,
}: {
  v: Gespreksverslag;
  dicht: boolean;
  onCorrigeer(): void;
}) {
  return (
    <Box
      component="article"
      aria-label={`Gesprek van ${formatDate(v.datum)}`}
      sx={{ borderLeft: 3, borderColor: 'primary.light', pl: 2 }}
    >
      <Typography variant="subtitle2">
        {formatDate(v.datum)} · aanwezig: {v.aanwezig.join(', ')}
        {v.auteur ? ` · verslag van ${v.auteur}` : ''}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap', my: 0.5 }}>{v.verslag}</Typography>
      <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
        {v.koppelingen.map((k) => (
          <Chip
            key={k.id}
            size="small"
            variant="outlined"
            label={`${k.soort === 'doel' ? 'Doel' : 'Afspraak'}: ${k.tekst}`}
          />
        ))}
        {!dicht && (
          <Button size="small" onClick={onCorrigeer}>
            Corrigeren
          </Button>
        )}
      </Box>
      {v.versies.length > 0 && <Geschiedenis versies={v.versies} />}
    </Box>
  );
}

/** A corrected note's earlier wordings, folded away; newest first. */
function Geschiedenis({ versies }: { versies: Gespreksverslag['versies'] }) {
  return (
    <Box component="details" sx={{ mt: 0.5 }}>
      <Box component="summary" sx={{ cursor: 'pointer', color: 'primary.main' }}>
        Eerdere versies ({versies.length})
      </Box>
      {versies.map((oud, i) => (
        <Box
          key={i}
          sx={{ borderLeft: 2, borderColor: 'divider', pl: 1.5, mt: 1 }}
          aria-label={`Versie vervangen op ${momentTekst(oud.vervangenOp)}`}
          role="group"
        >
          <Typography variant="caption" color="text.secondary">
            {formatDate(oud.datum)} · aanwezig: {oud.aanwezig.join(', ')} · vervangen op{' '}
            {momentTekst(oud.vervangenOp)}
            {oud.vervangenDoor ? ` door ${oud.vervangenDoor}` : ''}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {oud.verslag}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
