import { Alert, Box, Button, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import type { Dashboard as DashboardData, DashboardFilter, Doorklik } from '../../../../shared/api';
import { resterendBasis } from '../../../../shared/budget';
import { formatEuro } from '../../format';

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

/** The headline figures for the year, and the SOJ lines that match no client. */
export function Kengetallen({
  d,
  filter,
  onDoorklik,
}: {
  d: DashboardData;
  filter: DashboardFilter;
  onDoorklik(doorklik: Doorklik): void;
}) {
  return (
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
          onClick={() => onDoorklik({ bron: 'toewijzingen' })}
        />
        <Kengetal
          label="Gerealiseerd (SOJ)"
          cents={d.kop.gerealiseerdCents}
          toelichting={
            d.kop.laatstePeriode
              ? `t/m ${d.kop.laatstePeriode.slice(5)}-${d.kop.laatstePeriode.slice(0, 4)}`
              : 'Nog geen SOJ-cijfers'
          }
          onClick={() => onDoorklik({ bron: 'soj' })}
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
      <OnbekendeRegels d={d} onDoorklik={onDoorklik} />
    </>
  );
}

/** SOJ lines that count but match no known client or toewijzing. */
function OnbekendeRegels({
  d,
  onDoorklik,
}: {
  d: DashboardData;
  onDoorklik(doorklik: Doorklik): void;
}) {
  if (d.kop.onbekendeRegels <= 0) return null;
  return (
    <Alert
      severity="info"
      action={
        <Button
          color="inherit"
          size="small"
          onClick={() => onDoorklik({ bron: 'soj', onbekend: true })}
        >
          Toon regels
        </Button>
      }
    >
      {d.kop.onbekendeRegels} SOJ-regels ({formatEuro(d.kop.onbekendCents)}) horen bij geen bekende
      cliënt of toewijzing.
    </Alert>
  );
}
