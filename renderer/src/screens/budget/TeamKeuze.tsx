import { FormControl, InputLabel, MenuItem, Select } from '@mui/material';

/** The team a budget setting is for, as a labelled select. `id` ties the label to it. */
export function TeamKeuze({
  id,
  teams,
  value,
  onChange,
  tekst = (t) => t.naam,
}: {
  id: string;
  teams: { id: string; naam: string; vergrendelMinuten: number }[];
  value: string;
  onChange(teamId: string): void;
  tekst?(t: { naam: string; vergrendelMinuten: number }): string;
}) {
  return (
    <FormControl size="small" sx={{ minWidth: 220 }}>
      <InputLabel id={id}>Team</InputLabel>
      <Select labelId={id} label="Team" value={value} onChange={(e) => onChange(e.target.value)}>
        {teams.map((t) => (
          <MenuItem key={t.id} value={t.id}>
            {tekst(t)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
