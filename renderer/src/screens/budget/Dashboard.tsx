import {
  Alert,
  Box,
  Button,
  Card,
  CardActionArea,
  CardContent,
  FormControl,
  InputLabel,
  LinearProgress,
  MenuItem,
  Paper,
  Select,
  Tab,
  Tabs,
  Typography,
} from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useMemo, useState } from 'react';
import type {
  Dashboard as DashboardData,
  DashboardFilter,
  Doorklik,
} from '../../../../shared/api-budget';
import { resterendBasis } from '../../../../shared/budget';
import { dashboardTabellen } from '../../../../shared/dashboard-tabellen';
import { PERCELEN } from '../../../../shared/domain';
import { CodeSelect } from '../../components/CodeSelect';
import { useQuery } from '../../api/hooks';
import { formatEuro } from '../../format';
import { useSession } from '../../store';
import { RegelsDialog } from './RegelsDialog';
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

/** Axis labels: "€ 1,2 mln", "€ 350k". */
const euroKort = (cents: number) => {
  const euro = cents / 100;
  if (Math.abs(euro) >= 1_000_000)
    return `€ ${(euro / 1_000_000).toFixed(1).replace('.', ',')} mln`;
  if (Math.abs(euro) >= 1_000) return `€ ${Math.round(euro / 1_000)}k`;
  return `€ ${Math.round(euro)}`;
};

function Kengetal(props: {
  label: string;
  cents: number | null;
  toelichting?: string;
  kleur?: string;
  onClick?(): void;
}) {
  const inhoud = (
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {props.label}
      </Typography>
      <Typography variant="h5" component="p" sx={{ color: props.kleur, fontWeight: 600 }}>
        {props.cents === null ? '—' : formatEuro(props.cents)}
      </Typography>
      {props.toelichting && (
        <Typography variant="caption" color="text.secondary">
          {props.toelichting}
        </Typography>
      )}
    </CardContent>
  );
  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 180 }}>
      {props.onClick ? (
        <CardActionArea onClick={props.onClick} aria-label={`${props.label}: toon de regels`}>
          {inhoud}
        </CardActionArea>
      ) : (
        inhoud
      )}
    </Card>
  );
}

function Grafieken({ d, onMaand }: { d: DashboardData; onMaand(periode: string): void }) {
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

/** The coach's dashboard: where the team's money goes and what stands out. */
export function Dashboard({ filter, tab }: { filter: DashboardFilter; tab: string }) {
  const { profiel, go } = useSession();
  const data = useQuery('budget.dashboard', filter, '');
  // Only the beheerder chooses a team, so only they need the list of teams.
  const budgetten = useQuery(
    'budget.overzicht',
    profiel?.rol === 'beheerder' ? { jaar: filter.jaar } : null,
    '',
  );
  const [doorklik, setDoorklik] = useState<Doorklik | null>(null);
  const d = data.data;
  const tabellen = useMemo(() => (d ? dashboardTabellen(d) : []), [d]);
  const zet = (wijziging: Partial<DashboardFilter>) =>
    go({ naam: 'budget', filter: { ...filter, ...wijziging }, tab });
  const jaar = new Date().getFullYear();
  const kanGezinOpenen = profiel?.rol === 'teamcoach';
  const openGezin = kanGezinOpenen
    ? (gezinId: string) => go({ naam: 'dossier', gezinId, tab: 'overzicht' })
    : undefined;
  const tabelSleutels = TAB_TABELLEN[tab] ?? [tab];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          {d?.teamNaam ?? (filter.teamId ? 'Teambudget' : 'Regio Zuid-Holland Zuid')}
        </Typography>
        {profiel?.rol === 'beheerder' && budgetten.data && (
          <FormControl size="small" sx={{ minWidth: 220 }}>
            <InputLabel id="team-label" shrink>
              Team
            </InputLabel>
            <Select
              labelId="team-label"
              label="Team"
              displayEmpty
              value={filter.teamId ?? ''}
              onChange={(e) => zet({ teamId: e.target.value || null })}
            >
              <MenuItem value="">Hele regio</MenuItem>
              {budgetten.data.teams.map((t) => (
                <MenuItem key={t.id} value={t.id}>
                  {t.naam}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        )}
        <FormControl size="small" sx={{ minWidth: 110 }}>
          <InputLabel id="jaar-label">Jaar</InputLabel>
          <Select
            labelId="jaar-label"
            label="Jaar"
            value={filter.jaar}
            onChange={(e) => zet({ jaar: Number(e.target.value) })}
          >
            {[jaar - 2, jaar - 1, jaar].map((j) => (
              <MenuItem key={j} value={j}>
                {j}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <CodeSelect
          size="small"
          sx={{ minWidth: 260 }}
          label="Perceel"
          leeg="Alle percelen"
          list={PERCELEN}
          value={filter.perceel ?? ''}
          onChange={(p) => zet({ perceel: p || null })}
        />
      </Box>

      {data.error && <Alert severity="error">{data.error}</Alert>}
      {!d && !data.error && <LinearProgress aria-label="Cijfers laden" />}
      {d && (
        <>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <Kengetal
              label={filter.perceel ? 'Budget voor dit perceel' : 'Budget'}
              cents={d.kop.budgetCents}
              toelichting={d.kop.budgetCents === null ? 'Niet per perceel verdeeld' : undefined}
            />
            <Kengetal
              label="Gecommitteerd dit jaar"
              cents={d.kop.gecommitteerdCents}
              toelichting={`${d.kop.toewijzingen} toewijzingen, ${d.kop.jeugdigen} jeugdigen`}
              onClick={() => setDoorklik({ bron: 'toewijzingen' })}
            />
            <Kengetal
              label="Gerealiseerd (SOJ)"
              cents={d.kop.gerealiseerdCents}
              toelichting={
                d.kop.laatstePeriode
                  ? `t/m ${d.kop.laatstePeriode.slice(5)}-${d.kop.laatstePeriode.slice(0, 4)}`
                  : 'Nog geen SOJ-cijfers'
              }
              onClick={() => setDoorklik({ bron: 'soj' })}
            />
            <Kengetal
              label="Prognose jaareinde"
              cents={d.kop.prognoseCents}
              toelichting="SOJ-bedragen plus toegewezen voor de maanden zonder SOJ-cijfers"
            />
            <Kengetal
              label="Resterend"
              cents={d.kop.resterendCents}
              kleur={
                d.kop.resterendCents === null
                  ? undefined
                  : d.kop.resterendCents < 0
                    ? 'error.main'
                    : 'success.main'
              }
              toelichting={
                d.kop.resterendCents !== null && d.kop.resterendCents < 0
                  ? 'Prognose boven budget'
                  : undefined
              }
            />
          </Box>
          <Typography variant="caption" color="text.secondary">
            {resterendBasis(d.kop.laatstePeriode)}
            {d.kop.laatstePeriode &&
              d.kop.maandenZonderSoj.some((p) => p < d.kop.laatstePeriode!) &&
              ` Nog zonder SOJ-cijfers: ${d.kop.maandenZonderSoj
                .filter((p) => p < d.kop.laatstePeriode!)
                .map((p) => `${p.slice(5)}-${p.slice(0, 4)}`)
                .join(', ')}.`}
          </Typography>
          {d.kop.onbekendeRegels > 0 && (
            <Alert
              severity="info"
              action={
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => setDoorklik({ bron: 'soj', onbekend: true })}
                >
                  Toon regels
                </Button>
              }
            >
              {d.kop.onbekendeRegels} SOJ-regels ({formatEuro(d.kop.onbekendCents)}) horen bij geen
              bekende cliënt of toewijzing.
            </Alert>
          )}
          <Grafieken d={d} onMaand={(periode) => setDoorklik({ bron: 'soj', periode })} />
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
                      onDoorklik={setDoorklik}
                      onGezin={openGezin}
                      maxHoogte={420}
                    />
                  )
                );
              })}
            </Box>
          </Paper>
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
