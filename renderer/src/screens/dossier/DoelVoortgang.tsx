/**
 * A SMART goal's progress: its score (1-5) at each evaluation as a small line with the scores
 * and dates beside it, so a professional sees the trend at a glance and a screen reader hears
 * the same figures.
 */
import { Box, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import type { Actieplan } from '../../../../shared/api';
import { DOEL_SCORE, DOEL_SCORE_LABELS } from '../../../../shared/api';
import { metDatum } from '../../components/datum-invoer';
import { useSubmitMutation } from '../../components/use-submit-mutation';
import { FormDialog } from '../../components/FormDialog';
import { formatDate } from '../../format';

type Doel = Actieplan['doelen'][number];

const B = 96;
const H = 24;

function Sparkline({ scores }: { scores: number[] }) {
  const stap = scores.length > 1 ? (B - 8) / (scores.length - 1) : 0;
  const y = (s: number) =>
    H - 4 - ((s - DOEL_SCORE.min) / (DOEL_SCORE.max - DOEL_SCORE.min)) * (H - 8);
  const punten = scores.map((s, i) => [4 + i * stap, y(s)] as const);
  return (
    <svg width={B} height={H} aria-hidden="true" focusable="false">
      <line x1={0} x2={B} y1={y(DOEL_SCORE.max)} y2={y(DOEL_SCORE.max)} stroke="#c8e6c9" />
      <polyline
        points={punten.map(([px, py]) => `${px},${py}`).join(' ')}
        fill="none"
        stroke="#1565c0"
        strokeWidth={2}
      />
      {punten.map(([px, py], i) => (
        <circle key={i} cx={px} cy={py} r={3} fill="#1565c0" />
      ))}
    </svg>
  );
}

export function DoelTrend({ doel }: { doel: Doel }) {
  const v = doel.voortgang;
  if (v.length === 0)
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        nog niet gescoord bij een evaluatie
      </Typography>
    );
  const laatste = v.at(-1)!;
  return (
    <Box
      component="span"
      role="group"
      aria-label={`Voortgang van "${doel.omschrijving}"`}
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}
    >
      <Sparkline scores={v.map((s) => s.score)} />
      {v.map((s) => (
        <Tooltip key={s.evaluatieId} title={s.toelichting ?? DOEL_SCORE_LABELS[s.score] ?? ''}>
          <Typography variant="body2" component="span" data-testid="doel-score">
            {formatDate(s.datum)}: <strong>{s.score}</strong>/5
          </Typography>
        </Tooltip>
      ))}
      <Typography variant="body2" component="span" color="text.secondary">
        (nu: {DOEL_SCORE_LABELS[laatste.score]}
        {laatste.toelichting ? ` – ${laatste.toelichting}` : ''})
      </Typography>
    </Box>
  );
}

/** Correcting a goal: the family's agreed wording changes, so the reason goes on the timeline. */
export function DoelDialog({
  actieplanId,
  doel,
  onClose,
}: {
  actieplanId: string;
  doel: Doel;
  onClose(done: boolean): void;
}) {
  const submit = useSubmitMutation();
  const [d, setD] = useState({
    omschrijving: doel.omschrijving,
    meetbaar: doel.meetbaar,
    uiterlijk: formatDate(doel.uiterlijk),
    reden: '',
  });
  return (
    <FormDialog
      title="Doel wijzigen"
      submitLabel="Opslaan"
      onCancel={() => onClose(false)}
      onSubmit={() =>
        metDatum(
          d.uiterlijk,
          (uiterlijk) =>
            submit(
              'doel.opslaan',
              {
                actieplanId,
                id: doel.id,
                omschrijving: d.omschrijving,
                meetbaar: d.meetbaar,
                uiterlijk,
                reden: d.reden,
              },
              () => onClose(true),
            ),
          'Uiterlijk: vul in als dd-mm-jjjj.',
        )
      }
    >
      <TextField
        label="Doel"
        value={d.omschrijving}
        onChange={(e) => setD({ ...d, omschrijving: e.target.value })}
        required
        autoFocus
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
      <TextField
        label="Meetbaar: hoe weten we dat het bereikt is?"
        value={d.meetbaar}
        onChange={(e) => setD({ ...d, meetbaar: e.target.value })}
        required
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
      <TextField
        label="Uiterlijk"
        placeholder="dd-mm-jjjj"
        value={d.uiterlijk}
        onChange={(e) => setD({ ...d, uiterlijk: e.target.value })}
        required
        slotProps={{
          htmlInput: { pattern: String.raw`\d{1,2}-\d{1,2}-\d{4}`, 'data-formaat': 'dd-mm-jjjj' },
        }}
      />
      <TextField
        label="Reden van de wijziging"
        value={d.reden}
        onChange={(e) => setD({ ...d, reden: e.target.value })}
        required
        helperText={`Komt in de tijdlijn van het gezin. ${d.reden.length}/500`}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </FormDialog>
  );
}
