import { Alert, Box, LinearProgress } from '@mui/material';
import { useState } from 'react';
import type { DashboardFilter, Doorklik } from '../../../../shared/api';
import { useQuery } from '../../api/hooks';
import { useSession } from '../../store';
import { DashboardFilters } from './DashboardFilters';
import { Grafieken } from './Grafieken';
import { Kengetallen } from './Kengetallen';
import { RegelsDialog } from './RegelsDialog';
import { Uitsplitsingen } from './Uitsplitsingen';

/** The coach's dashboard: where the team's money goes and what stands out. */
export function Dashboard({ filter, tab }: { filter: DashboardFilter; tab: string }) {
  const { profiel, go } = useSession();
  const data = useQuery('budget.dashboard', filter, '');
  const [doorklik, setDoorklik] = useState<Doorklik | null>(null);
  const d = data.data;
  const zet = (wijziging: Partial<DashboardFilter>) =>
    go({ naam: 'budget', filter: { ...filter, ...wijziging }, tab });
  const kanGezinOpenen = profiel?.rol === 'teamcoach';
  const openGezin = kanGezinOpenen
    ? (gezinId: string) => go({ naam: 'dossier', gezinId, tab: 'overzicht' })
    : undefined;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <DashboardFilters d={d} filter={filter} zet={zet} />
      {data.error && <Alert severity="error">{data.error}</Alert>}
      {!d && !data.error && <LinearProgress aria-label="Cijfers laden" />}
      {d && (
        <>
          <Kengetallen d={d} filter={filter} onDoorklik={setDoorklik} />
          <Grafieken d={d} onMaand={(periode) => setDoorklik({ bron: 'soj', periode })} />
          <Uitsplitsingen
            d={d}
            filter={filter}
            tab={tab}
            onDoorklik={setDoorklik}
            onGezin={openGezin}
          />
        </>
      )}
      {doorklik && (
        <RegelsDialog
          filter={filter}
          doorklik={doorklik}
          onClose={() => setDoorklik(null)}
          onGezin={openGezin}
        />
      )}
    </Box>
  );
}
