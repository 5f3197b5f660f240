import { Box, Checkbox, FormControlLabel, MenuItem, TextField } from '@mui/material';
import { VOORZIENING_SOORTEN, type VoorzieningSoort } from '../../../../../shared/domain';

/** Search by need, narrow by kind, or only what is free. */
export function ZoekFilters({
  zoek,
  setZoek,
  soort,
  setSoort,
  alleenGratis,
  setAlleenGratis,
}: {
  zoek: string;
  setZoek(v: string): void;
  soort: VoorzieningSoort | '';
  setSoort(v: VoorzieningSoort | ''): void;
  alleenGratis: boolean;
  setAlleenGratis(v: boolean): void;
}) {
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
      <TextField
        size="small"
        label="Zoek op wat het gezin nodig heeft"
        placeholder="bijvoorbeeld sport, schulden, opvoeden"
        value={zoek}
        onChange={(e) => setZoek(e.target.value)}
        sx={{ minWidth: 320 }}
      />
      <TextField
        size="small"
        select
        label="Soort"
        value={soort}
        onChange={(e) => setSoort(e.target.value as VoorzieningSoort | '')}
        sx={{ minWidth: 220 }}
      >
        <MenuItem value="">Alle soorten</MenuItem>
        {VOORZIENING_SOORTEN.codes.map((c) => (
          <MenuItem key={c} value={c}>
            {VOORZIENING_SOORTEN.labels[c]}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Checkbox checked={alleenGratis} onChange={(e) => setAlleenGratis(e.target.checked)} />
        }
        label="Alleen gratis"
      />
    </Box>
  );
}
