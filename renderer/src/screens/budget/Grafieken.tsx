import { Box, Paper, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import type { Dashboard as DashboardData } from '../../../../shared/api';
import { formatEuro } from '../../format';

/** Axis labels: "€ 1,2 mln", "€ 350k". */
const euroKort = (cents: number) => {
  const euro = cents / 100;
  if (Math.abs(euro) >= 1_000_000)
    return `€ ${(euro / 1_000_000).toFixed(1).replace('.', ',')} mln`;
  if (Math.abs(euro) >= 1_000) return `€ ${Math.round(euro / 1_000)}k`;
  return `€ ${Math.round(euro)}`;
};

export function Grafieken({ d, onMaand }: { d: DashboardData; onMaand(periode: string): void }) {
  const labels = d.maanden.map((m) => m.periode.slice(5) + '-' + m.periode.slice(2, 4));
  let cumRealisatie = 0;
  let cumPrognose = 0;
  const laatste = d.kop.laatstePeriode ?? '';
  const realisatieLijn: (number | null)[] = [];
  const prognoseLijn: number[] = [];
  for (const m of d.maanden) {
    cumRealisatie += m.gerealiseerdCents;
    // The forecast's rule (shared/cost.ts `prognoseCents`): ends at the headline forecast.
    cumPrognose += d.kop.maandenZonderSoj.includes(m.periode)
      ? m.gecommitteerdCents
      : m.gerealiseerdCents;
    realisatieLijn.push(m.periode <= laatste ? cumRealisatie / 100 : null);
    prognoseLijn.push(cumPrognose / 100);
  }
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <Paper variant="outlined" sx={{ flex: 1, minWidth: 420, p: 1 }}>
        <Typography variant="subtitle2" component="h3" sx={{ px: 1 }}>
          Per maand: gerealiseerd (SOJ) en gecommitteerd
        </Typography>
        <BarChart
          height={220}
          xAxis={[{ scaleType: 'band', data: labels }]}
          yAxis={[{ width: 76, valueFormatter: (v: number) => euroKort(v * 100) }]}
          series={[
            {
              data: d.maanden.map((m) => m.gerealiseerdCents / 100),
              label: 'Gerealiseerd',
              valueFormatter: (v) => formatEuro(Math.round((v ?? 0) * 100)),
            },
            {
              data: d.maanden.map((m) => m.gecommitteerdCents / 100),
              label: 'Gecommitteerd',
              valueFormatter: (v) => formatEuro(Math.round((v ?? 0) * 100)),
            },
          ]}
          onAxisClick={(_e, data) => {
            const maand = data ? d.maanden[data.dataIndex] : undefined;
            if (maand) onMaand(maand.periode);
          }}
        />
      </Paper>
      <Paper variant="outlined" sx={{ flex: 1, minWidth: 420, p: 1 }}>
        <Typography variant="subtitle2" component="h3" sx={{ px: 1 }}>
          Cumulatief tegen het budget
        </Typography>
        <LineChart
          height={220}
          xAxis={[{ scaleType: 'point', data: labels }]}
          yAxis={[{ width: 76, valueFormatter: (v: number) => euroKort(v * 100) }]}
          series={[
            { data: prognoseLijn, label: 'Prognose', showMark: false },
            // Drawn after the forecast so it stays visible where the two coincide.
            { data: realisatieLijn, label: 'Gerealiseerd', showMark: false },
            ...(d.kop.budgetCents !== null
              ? [
                  {
                    data: labels.map(() => d.kop.budgetCents! / 100),
                    label: 'Budget',
                    showMark: false,
                  },
                ]
              : []),
          ]}
        />
      </Paper>
    </Box>
  );
}
