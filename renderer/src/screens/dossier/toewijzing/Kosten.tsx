import { Alert, Box, LinearProgress, TextField, Typography } from '@mui/material';
import type { Voorstel } from '../../../../../shared/api';
import { resterendBasis } from '../../../../../shared/budget';
import { formatEuro } from '../../../format';

interface KostenProps {
  voorstel: Voorstel;
  vierOgenReden: string;
  setVierOgenReden(v: string): void;
  neeTenzijReden: string;
  setNeeTenzijReden(v: string): void;
}

export function Kosten({
  voorstel,
  vierOgenReden,
  setVierOgenReden,
  neeTenzijReden,
  setNeeTenzijReden,
}: KostenProps) {
  const { budget } = voorstel;
  const pct = (c: number) =>
    Math.min(100, Math.round((c / Math.max(1, budget.budgetCents ?? 0)) * 100));
  const over = (c: number | null) => (
    <strong style={{ color: c !== null && c < 0 ? '#b3261e' : undefined }}>
      {c === null ? 'geen budget vastgesteld' : formatEuro(c)}
    </strong>
  );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} aria-label="Kosten en budget">
      <Typography>
        <strong>Kosten van deze toewijzing:</strong> {formatEuro(voorstel.totaalCents)}
      </Typography>
      <Typography>
        <strong>Daarvan in de prognose van {budget.jaar}:</strong>{' '}
        {formatEuro(voorstel.ditJaarCents)}
      </Typography>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
        Teambudget {budget.jaar}
      </Typography>
      <LinearProgress
        variant="buffer"
        value={pct(budget.prognoseCents)}
        valueBuffer={pct(budget.prognoseNaCents)}
        aria-label="Prognose ten opzichte van het budget"
      />
      <Typography variant="body2">
        Budget {budget.budgetCents === null ? '—' : formatEuro(budget.budgetCents)} · prognose{' '}
        {formatEuro(budget.prognoseCents)} · na deze toewijzing over {over(budget.naDezeCents)}
      </Typography>
      {budget.perceel && (
        <Typography variant="body2">
          Budget perceel {budget.perceel.perceel} {formatEuro(budget.perceel.budgetCents ?? 0)} ·
          prognose {formatEuro(budget.perceel.prognoseCents)} · na deze toewijzing over{' '}
          {over(budget.perceel.naDezeCents)}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        {resterendBasis(budget.laatstePeriode)}
      </Typography>
      {voorstel.beschikkingsvrij && (
        <Alert severity="info">
          Beschikkingsvrije hulp: er is geen beschikking en geen vier-ogenakkoord nodig.
        </Alert>
      )}
      {voorstel.neeTenzijNodig && (
        <TextField
          label="Nee, tenzij: waarom alleen deze aanbieder?"
          value={neeTenzijReden}
          onChange={(e) => setNeeTenzijReden(e.target.value)}
          multiline
          minRows={2}
          required
        />
      )}
      {voorstel.vierOgen.nodig && (
        <VierOgen voorstel={voorstel} reden={vierOgenReden} setReden={setVierOgenReden} />
      )}
    </Box>
  );
}

/** Who must agree before the toewijzing is final, and why; the note for them. */
function VierOgen({
  voorstel,
  reden,
  setReden,
}: {
  voorstel: Voorstel;
  reden: string;
  setReden(v: string): void;
}) {
  return (
    <>
      <Alert severity="warning">
        Vier ogen: deze toewijzing wordt pas definitief na akkoord van{' '}
        {voorstel.vierOgen.alleenTeamcoach ? 'de teamcoach' : 'een collega of de teamcoach'} (
        {voorstel.vierOgen.redenen.join(', ')}).
        {voorstel.vierOgen.bovenBudgetJaren.length > 0 &&
          ` De prognose komt boven het budget van ${voorstel.vierOgen.bovenBudgetJaren.join(' en ')}.`}
      </Alert>
      <TextField
        label="Toelichting voor de collega die accordeert"
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        multiline
        minRows={2}
        required
      />
    </>
  );
}
