import {
  Box,
  Card,
  CardContent,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Gezinsplan as Plan, PlanInhoud } from '../../../../../shared/api';
import { LEEFDOMEINEN } from '../../../../../shared/domain';
import { formatDate } from '../../../format';

function regels(inhoud: PlanInhoud): [string, string][] {
  return [
    ['Eigen woorden', inhoud.eigenWoorden],
    ['Toekomstplan', inhoud.toekomstplan ?? ''],
    ...inhoud.domeinen.map((d): [string, string] => [
      LEEFDOMEINEN.labels[d.domein],
      `${d.situatie} → ${d.doel}`,
    ]),
    [
      'Afspraken',
      inhoud.afspraken
        .map((a) => `${a.wat} (${a.wie}${a.uiterlijk ? `, ${formatDate(a.uiterlijk)}` : ''})`)
        .join('; '),
    ],
  ];
}

/** Two fixed versions side by side; changed lines are marked. */
export function Versies({ plan }: { plan: Plan }) {
  // A choice holds for the versions that existed when it was made: once a new version is fixed
  // the comparison returns to "previous against newest" instead of showing a stale pair.
  const [keuze, setKeuze] = useState<{ bij: number; links: number; rechts: number } | null>(null);
  const geldig = keuze?.bij === plan.versie ? keuze : null;
  const links = geldig?.links ?? Math.max(1, plan.versie - 1);
  const rechts = geldig?.rechts ?? plan.versie;
  const setLinks = (v: number) => setKeuze({ bij: plan.versie, links: v, rechts });
  const setRechts = (v: number) => setKeuze({ bij: plan.versie, links, rechts: v });
  if (plan.versies.length === 0) return null;
  const a = plan.versies.find((v) => v.versie === links) ?? plan.versies[0]!;
  const b = plan.versies.find((v) => v.versie === rechts) ?? plan.versies.at(-1)!;
  const ra = new Map(regels(a.inhoud));
  const rb = new Map(regels(b.inhoud));
  const keys = [...new Set([...ra.keys(), ...rb.keys()])];
  const kies = (label: string, value: number, set: (v: number) => void) => (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => set(Number(e.target.value))}
      sx={{ minWidth: 140 }}
    >
      {plan.versies.map((v) => (
        <MenuItem key={v.versie} value={v.versie}>
          Versie {v.versie} ({formatDate(v.vastgesteldOp)})
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Card component="section" aria-labelledby="versies-kop">
      <CardContent>
        <Typography id="versies-kop" variant="h6" component="h2" gutterBottom>
          Versies vergelijken
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, mb: 1 }}>
          {kies('Links', a.versie, setLinks)}
          {kies('Rechts', b.versie, setRechts)}
        </Box>
        <Table size="small" aria-label="Versies vergelijken">
          <TableHead>
            <TableRow>
              <TableCell>Onderdeel</TableCell>
              <TableCell>Versie {a.versie}</TableCell>
              <TableCell>Versie {b.versie}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {keys.map((k) => {
              const changed = (ra.get(k) ?? '') !== (rb.get(k) ?? '');
              return (
                <TableRow key={k} sx={changed ? { bgcolor: '#fff4d6' } : undefined}>
                  <TableCell>
                    {k}
                    {changed ? ' (gewijzigd)' : ''}
                  </TableCell>
                  <TableCell>{ra.get(k) || '—'}</TableCell>
                  <TableCell>{rb.get(k) || '—'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
