/**
 * The sociale kaart in the triage step "wat doen we samen": search the voorliggende
 * voorzieningen of the team's gemeente (offline: the catalogue is synced reference data) and
 * record the ones the family will use in the action plan.
 */
import { Alert, Box, Typography } from '@mui/material';
import { useState } from 'react';
import type { Actieplan } from '../../../../shared/api';
import { type VoorzieningSoort } from '../../../../shared/domain';
import { useMutation, useQuery } from '../../api/hooks';
import { GevondenVoorzieningen, IngezetteVoorzieningen } from './sociale-kaart/Voorzieningen';
import { ZoekFilters } from './sociale-kaart/ZoekFilters';

export function SocialeKaart({
  actieplan: a,
  dicht,
  reload,
}: {
  actieplan: Actieplan;
  dicht: boolean;
  reload(): void;
}) {
  const mutate = useMutation();
  const [zoek, setZoek] = useState('');
  const [soort, setSoort] = useState<VoorzieningSoort | ''>('');
  const [alleenGratis, setAlleenGratis] = useState(false);
  const [fout, setFout] = useState<string | null>(null);
  const vraag = {
    actieplanId: a.id,
    zoek,
    ...(soort ? { soort } : {}),
    ...(alleenGratis ? { alleenGratis } : {}),
  };
  const { data, error } = useQuery('socialeKaart.zoeken', vraag, a.id);
  const ingezet = new Set(a.voorzieningen.map((v) => v.voorzieningId));
  /** Taking a voorziening in or out: its refusal shows above the list. */
  const schrijf = async (uit: ReturnType<typeof mutate>) => {
    const { error: e } = await uit;
    setFout(e?.message ?? null);
    if (!e) reload();
  };

  return (
    <Box component="section" aria-label="Sociale kaart" sx={{ mt: 2 }}>
      {a.voorzieningen.length > 0 && (
        <IngezetteVoorzieningen
          voorzieningen={a.voorzieningen}
          dicht={dicht}
          onWeghalen={(id) => void schrijf(mutate('actieplan.voorzieningWeghalen', { id }))}
        />
      )}
      <Typography variant="subtitle2" component="h4">
        Zoeken in de sociale kaart{data?.gemeente ? ` van ${data.gemeente.naam}` : ''}
      </Typography>
      {typeof data?.leeftijd === 'number' && (
        <Typography variant="body2" color="text.secondary">
          Afgestemd op de leeftijd van {a.jeugdigeNaam} ({data.leeftijd} jaar): wat voor een andere
          leeftijd is, staat er niet bij.
        </Typography>
      )}
      <ZoekFilters
        zoek={zoek}
        setZoek={setZoek}
        soort={soort}
        setSoort={setSoort}
        alleenGratis={alleenGratis}
        setAlleenGratis={setAlleenGratis}
      />
      {(error ?? fout) && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error ?? fout}
        </Alert>
      )}
      {data && data.voorzieningen.length === 0 && (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          Niets gevonden. Probeer een ander woord of een andere soort.
        </Typography>
      )}
      <GevondenVoorzieningen
        voorzieningen={data?.voorzieningen ?? []}
        ingezet={ingezet}
        dicht={dicht}
        onInzetten={(voorzieningId) =>
          void schrijf(
            mutate('actieplan.voorzieningInzetten', { actieplanId: a.id, voorzieningId }),
          )
        }
      />
    </Box>
  );
}
