import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Actieplan } from '../../../../shared/api';
import {
  PROBLEEMGEBIEDEN,
  ZORGPROFIEL_CATEGORIEEN,
  type Probleemgebied,
  type ZorgprofielCategorie,
} from '../../../../shared/domain';
import { useMutation } from '../../api/hooks';
import { formatDate } from '../../format';

/** Sets the zorgprofiel (002_… bijlage 1): the intensity category and the problem areas. */
export function ZorgprofielKeuze({
  actieplan: a,
  dicht,
  reload,
}: {
  actieplan: Actieplan;
  dicht: boolean;
  reload(): void;
}) {
  const [wijzigen, setWijzigen] = useState(!a.zorgprofiel);
  if (a.zorgprofiel && !wijzigen) {
    return (
      <Box
        component="section"
        aria-label="Zorgprofiel"
        sx={{ display: 'flex', gap: 2, alignItems: 'center' }}
      >
        <Typography>
          <strong>Zorgprofiel:</strong> {ZORGPROFIEL_CATEGORIEEN.labels[a.zorgprofiel.categorie]} ·{' '}
          {a.zorgprofiel.probleemgebieden.map((g) => PROBLEEMGEBIEDEN.labels[g]).join(', ')}{' '}
          (vastgesteld {formatDate(a.zorgprofiel.vastgesteldOp)})
        </Typography>
        {!dicht && <Button onClick={() => setWijzigen(true)}>Zorgprofiel wijzigen</Button>}
      </Box>
    );
  }
  if (dicht) return null;
  return (
    <ZorgprofielFormulier
      a={a}
      onVastgesteld={() => {
        setWijzigen(false);
        reload();
      }}
    />
  );
}

/** The intensity and the problem areas, chosen and set. */
function ZorgprofielFormulier({ a, onVastgesteld }: { a: Actieplan; onVastgesteld(): void }) {
  const mutate = useMutation();
  const [categorie, setCategorie] = useState<ZorgprofielCategorie | ''>(
    a.zorgprofiel?.categorie ?? '',
  );
  const [gebieden, setGebieden] = useState<Probleemgebied[]>(a.zorgprofiel?.probleemgebieden ?? []);
  const [fout, setFout] = useState<string | null>(null);
  return (
    <Box
      component="form"
      aria-label="Zorgprofiel vaststellen"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!categorie) return setFout('Kies de intensiteit van het zorgprofiel.');
        const { error } = await mutate('zorgprofiel.vaststellen', {
          actieplanId: a.id,
          categorie,
          probleemgebieden: gebieden,
        });
        setFout(error?.message ?? null);
        if (!error) onVastgesteld();
      }}
    >
      <Typography variant="subtitle1" component="h3">
        Zorgprofiel vaststellen
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Alleen nodig voor jeugdhulp met een beschikking. Beschikkingsvrije hulp (zoals Basis-GGZ of
        enkelvoudige begeleiding) kan zonder zorgprofiel worden ingezet.
      </Typography>
      <FormLabel id={`cat-${a.id}`}>Intensiteit</FormLabel>
      <RadioGroup
        row
        aria-labelledby={`cat-${a.id}`}
        value={categorie}
        onChange={(e) => setCategorie(e.target.value as ZorgprofielCategorie)}
      >
        {ZORGPROFIEL_CATEGORIEEN.codes.map((c) => (
          <FormControlLabel
            key={c}
            value={c}
            control={<Radio />}
            label={ZORGPROFIEL_CATEGORIEEN.labels[c]}
          />
        ))}
      </RadioGroup>
      <FormLabel component="legend">Opvoed- en opgroeiproblemen</FormLabel>
      <FormGroup row>
        {PROBLEEMGEBIEDEN.codes.map((g) => (
          <FormControlLabel
            key={g}
            control={
              <Checkbox
                checked={gebieden.includes(g)}
                onChange={(e) =>
                  setGebieden(e.target.checked ? [...gebieden, g] : gebieden.filter((x) => x !== g))
                }
              />
            }
            label={PROBLEEMGEBIEDEN.labels[g]}
          />
        ))}
      </FormGroup>
      <Button type="submit" variant="contained" sx={{ mt: 1 }}>
        Zorgprofiel vaststellen
      </Button>
      {fout && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {fout}
        </Alert>
      )}
    </Box>
  );
}
