import { Button, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { VERGRENDELEN } from '../../../../shared/domain';
import { useMutation } from '../../api/hooks';
import { Formulier } from '../../components/Formulier';
import { Uitkomst } from '../../components/Uitkomst';
import { useSession } from '../../store';
import type { Overzicht } from './budget-overzicht';
import { TeamKeuze } from './TeamKeuze';

const minutenTekst = (n: number) => (n === 1 ? '1 minuut' : `${n} minuten`);

/**
 * The beheerder sets per team how long a laptop may stay unused before Eenplan locks itself;
 * the setting travels to the team's laptops with the reference data. Others see the value.
 */
export function Vergrendeling({ overzicht }: { overzicht: Overzicht }) {
  const profiel = useSession((s) => s.profiel);
  if (profiel?.rol !== 'beheerder')
    return (
      <Typography color="text.secondary">
        Eenplan vergrendelt zich na{' '}
        {minutenTekst(profiel?.vergrendelMinuten ?? VERGRENDELEN.standaard)} zonder gebruik. De
        beheerder stelt dit per team in.
      </Typography>
    );
  return (
    <Paper
      component="section"
      aria-labelledby="vg-kop"
      variant="outlined"
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Typography id="vg-kop" variant="h6" component="h2">
        Automatisch vergrendelen
      </Typography>
      <Typography color="text.secondary">
        Na hoeveel minuten zonder toetsenbord, muis of aanraking Eenplan zich vergrendelt op de
        laptops van een team (standaard {VERGRENDELEN.standaard}, hooguit {VERGRENDELEN.max}).
      </Typography>
      <VergrendelingInstellen overzicht={overzicht} />
    </Paper>
  );
}

function VergrendelingInstellen({ overzicht }: { overzicht: Overzicht }) {
  const mutate = useMutation();
  const [teamId, setTeamId] = useState('');
  const [minuten, setMinuten] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [gedaan, setGedaan] = useState<string | null>(null);
  const teams = overzicht.data?.teams ?? [];
  const gekozen = teams.find((t) => t.id === teamId) ?? teams[0];
  const opslaan = async () => {
    setGedaan(null);
    const getal = Number(minuten);
    if (!gekozen) return;
    if (!/^\d+$/.test(minuten.trim()))
      return setFout(
        `Vul een heel aantal minuten in (${VERGRENDELEN.min} tot ${VERGRENDELEN.max}).`,
      );
    const r = await mutate('team.vergrendeling', { teamId: gekozen.id, minuten: getal });
    if (r.error) return setFout(r.error.message);
    setFout(null);
    setGedaan(`${gekozen.naam} vergrendelt na ${minutenTekst(getal)} zonder gebruik.`);
    setMinuten('');
    overzicht.reload();
  };
  return (
    <>
      <Formulier
        onSubmit={() => void opslaan()}
        sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        <TeamKeuze
          id="vg-team"
          teams={teams}
          value={gekozen?.id ?? ''}
          onChange={setTeamId}
          tekst={(t) => `${t.naam} (${minutenTekst(t.vergrendelMinuten)})`}
        />
        <TextField
          size="small"
          label="Minuten"
          value={minuten}
          onChange={(e) => setMinuten(e.target.value)}
          inputMode="numeric"
          placeholder={String(gekozen?.vergrendelMinuten ?? VERGRENDELEN.standaard)}
          required
        />
        <Button type="submit" variant="contained" disabled={!gekozen || !minuten}>
          Instellen
        </Button>
      </Formulier>
      <Uitkomst fout={fout} gedaan={gedaan} />
    </>
  );
}
