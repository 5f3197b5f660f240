import { Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { PERCELEN, type Perceel } from '../../../../shared/domain';
import { parseEuroToCents } from '../../../../shared/money';
import { useMutation } from '../../api/hooks';
import { CodeSelect } from '../../components/CodeSelect';
import { Formulier } from '../../components/Formulier';
import { RegelTabel } from '../../components/RegelTabel';
import { TekstVeld } from '../../components/TekstVeld';
import { Uitkomst } from '../../components/Uitkomst';
import { formatEuro } from '../../format';
import { useSession } from '../../store';
import { moment, type Overzicht } from './budget-overzicht';
import { TeamKeuze } from './TeamKeuze';

export function BudgetVaststellen({ jaar, overzicht }: { jaar: number; overzicht: Overzicht }) {
  const profiel = useSession((s) => s.profiel);
  const mutate = useMutation();
  const [teamId, setTeamId] = useState(profiel?.teamId ?? '');
  const [perceel, setPerceel] = useState<Perceel | ''>('');
  const [bedrag, setBedrag] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [gedaan, setGedaan] = useState<string | null>(null);
  const teams = overzicht.data?.teams ?? [];
  const gekozenTeam = teamId || teams[0]?.id || '';

  const opslaan = async () => {
    setGedaan(null);
    const cents = parseEuroToCents(bedrag);
    if (cents === null) return setFout('Vul het budget in als bedrag, bijvoorbeeld 1.250.000,00.');
    const r = await mutate('budget.vaststellen', {
      teamId: gekozenTeam,
      jaar,
      perceel: perceel || null,
      bedragCents: cents,
      toelichting,
    });
    if (r.error) return setFout(r.error.message);
    setFout(null);
    setGedaan(`Budget vastgesteld op ${formatEuro(cents)}.`);
    setBedrag('');
    setToelichting('');
    overzicht.reload();
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="h6" component="h2">
        Gebiedsbudget {jaar}
      </Typography>
      <Formulier
        onSubmit={() => void opslaan()}
        sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        {profiel?.rol === 'beheerder' && (
          <TeamKeuze id="bt-team" teams={teams} value={gekozenTeam} onChange={setTeamId} />
        )}
        <CodeSelect
          size="small"
          sx={{ minWidth: 240 }}
          label="Deel"
          leeg="Heel het teambudget"
          list={PERCELEN}
          value={perceel}
          onChange={setPerceel}
        />
        <TextField
          size="small"
          label="Bedrag (€)"
          value={bedrag}
          onChange={(e) => setBedrag(e.target.value)}
          required
        />
        <TekstVeld
          size="small"
          label="Toelichting"
          value={toelichting}
          onChange={(e) => setToelichting(e.target.value)}
          required
          maxTekens={500}
          sx={{ flexGrow: 1, minWidth: 240 }}
        />
        <Button type="submit" variant="contained">
          Vaststellen
        </Button>
      </Formulier>
      <Uitkomst fout={fout} gedaan={gedaan} />
      {overzicht.data && <BudgetTabellen jaar={jaar} data={overzicht.data} />}
    </Paper>
  );
}

/** The budgets as set now, and every change to them this year with who made it and why. */
function BudgetTabellen({ jaar, data }: { jaar: number; data: NonNullable<Overzicht['data']> }) {
  return (
    <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
      <RegelTabel
        label="Budgetten"
        sx={{ flex: 1, minWidth: 380 }}
        koppen={['Team', 'Deel', 'Budget']}
        rechts={[2]}
        rijen={data.budgetten.map((b) => ({
          key: `${b.teamId}-${b.perceel}`,
          cellen: [
            b.teamNaam,
            b.perceel ? PERCELEN.labels[b.perceel] : 'Heel het team',
            formatEuro(b.bedragCents),
          ],
        }))}
      />
      <RegelTabel
        label="Wijzigingen van het budget"
        sx={{ flex: 2, minWidth: 520 }}
        koppen={['Wanneer', 'Door', 'Team en deel', 'Van', 'Naar', 'Toelichting']}
        rechts={[3, 4]}
        leeg={`Nog geen wijzigingen in ${jaar}.`}
        rijen={data.wijzigingen.map((w) => ({
          key: w.id,
          cellen: [
            moment(w.op),
            w.door,
            `${w.teamNaam} · ${w.perceel ? PERCELEN.labels[w.perceel] : 'heel het team'}`,
            w.oudCents === null ? '—' : formatEuro(w.oudCents),
            formatEuro(w.nieuwCents),
            w.toelichting,
          ],
        }))}
      />
    </Box>
  );
}
