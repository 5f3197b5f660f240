import { Box, Paper, Tab, Tabs } from '@mui/material';
import { useMemo } from 'react';
import type { Dashboard as DashboardData, DashboardFilter, Doorklik } from '../../../../shared/api';
import { dashboardTabellen } from '../../../../shared/dashboard-tabellen';
import { useSession } from '../../store';
import { TabelWeergave } from './TabelWeergave';

const TABS = [
  ['perceel', 'Perceel'],
  ['zorgprofiel', 'Zorgprofiel'],
  ['aanbieder', 'Aanbieder'],
  ['verwijzer', 'Verwijzer'],
  ['regisseur', 'Regisseur'],
  ['kengetallen', 'Kengetallen'],
  ['uitschieters', 'Uitschieters'],
  ['aanbieders', 'Wachttijd en uitkomst'],
] as const;

const TAB_TABELLEN: Record<string, string[]> = {
  kengetallen: ['kpis', 'duur'],
  uitschieters: ['clienten', 'uitschieters_duur', 'uitschieters_evaluatie', 'plafond'],
  aanbieders: ['aanbieders'],
};

/** The breakdowns as tabs; each tab shows one or more tables. */
export function Uitsplitsingen({
  d,
  filter,
  tab,
  onDoorklik,
  onGezin,
}: {
  d: DashboardData;
  filter: DashboardFilter;
  tab: string;
  onDoorklik(doorklik: Doorklik): void;
  onGezin?(gezinId: string): void;
}) {
  const go = useSession((s) => s.go);
  const tabellen = useMemo(() => dashboardTabellen(d), [d]);
  const tabelSleutels = TAB_TABELLEN[tab] ?? [tab];
  return (
    <Paper variant="outlined">
      <Tabs
        value={tab}
        onChange={(_e, t: string) => go({ naam: 'budget', filter, tab: t })}
        variant="scrollable"
        aria-label="Uitsplitsingen"
      >
        {TABS.map(([k, label]) => (
          <Tab key={k} value={k} label={label} />
        ))}
      </Tabs>
      <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 3 }}>
        {tabelSleutels.map((sleutel) => {
          const tabel = tabellen.find((t) => t.sleutel === sleutel);
          return (
            tabel && (
              <TabelWeergave
                key={sleutel}
                tabel={tabel}
                filter={filter}
                onDoorklik={onDoorklik}
                onGezin={onGezin}
                maxHoogte={420}
              />
            )
          );
        })}
      </Box>
    </Paper>
  );
}
