import { Box, FormControl, InputLabel, MenuItem, Select, Typography } from '@mui/material';
import type { Dashboard as DashboardData, DashboardFilter } from '../../../../shared/api';
import { PERCELEN } from '../../../../shared/domain';
import { useQuery } from '../../api/hooks';
import { CodeSelect } from '../../components/CodeSelect';
import { useSession } from '../../store';

/** The dashboard's title and its choices: team (for the beheerder), year and perceel. */
export function DashboardFilters({
  d,
  filter,
  zet,
}: {
  d: DashboardData | null;
  filter: DashboardFilter;
  zet(wijziging: Partial<DashboardFilter>): void;
}) {
  const profiel = useSession((s) => s.profiel);
  // Only the beheerder chooses a team, so only they need the list of teams.
  const budgetten = useQuery(
    'budget.overzicht',
    profiel?.rol === 'beheerder' ? { jaar: filter.jaar } : null,
    '',
  );
  const jaar = new Date().getFullYear();
  return (
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
  );
}
