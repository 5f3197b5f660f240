import { Box, Button, Card, CardContent, Chip, Typography } from '@mui/material';
import type { AgendaItem, AgendaSoort } from '../../../../shared/api';
import { weekdag, type IsoDate } from '../../../../shared/dates';
import { formatDate, lokaleDatum } from '../../format';

export type Weergave = 'week' | 'maand';

export const DAGEN = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
export const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const KLEUR: Record<AgendaSoort, 'primary' | 'warning' | 'error' | 'default'> = {
  bezoek: 'primary',
  evaluatie: 'warning',
  einde_toewijzing: 'error',
  afspraak: 'default',
};

/** The days of the week or month, each with its items; the month shows three per day. */
export function AgendaRaster({
  weergave,
  anker,
  dagen,
  items,
  onOpen,
  onDag,
}: {
  weergave: Weergave;
  anker: IsoDate;
  dagen: IsoDate[];
  items: AgendaItem[];
  onOpen(item: AgendaItem): void;
  /** "+ n meer" in the month: show that day's week. */
  onDag(dag: IsoDate): void;
}) {
  const perDag = new Map<string, AgendaItem[]>();
  for (const item of items) perDag.set(item.datum, [...(perDag.get(item.datum) ?? []), item]);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 1 }}>
      {DAGEN.map((d) => (
        <Typography key={d} aria-hidden variant="subtitle2" sx={{ textAlign: 'center' }}>
          {d}
        </Typography>
      ))}
      {dagen.map((dag) => (
        <Dag
          key={dag}
          dag={dag}
          items={perDag.get(dag) ?? []}
          weergave={weergave}
          anker={anker}
          onOpen={onOpen}
          onDag={onDag}
        />
      ))}
    </Box>
  );
}

function Dag({
  dag,
  items,
  weergave,
  anker,
  onOpen,
  onDag,
}: {
  dag: IsoDate;
  items: AgendaItem[];
  weergave: Weergave;
  anker: IsoDate;
  onOpen(item: AgendaItem): void;
  onDag(dag: IsoDate): void;
}) {
  const vandaagIso = lokaleDatum();
  const buitenMaand = weergave === 'maand' && dag.slice(0, 7) !== anker.slice(0, 7);
  const toon = weergave === 'maand' ? items.slice(0, 3) : items;
  return (
    <Card
      component="section"
      aria-label={`${DAGEN[weekdag(dag)]} ${formatDate(dag)}: ${items.length} ${items.length === 1 ? 'item' : 'items'}`}
      variant="outlined"
      sx={{
        minHeight: weergave === 'week' ? 320 : 110,
        opacity: buitenMaand ? 0.55 : 1,
        borderColor: dag === vandaagIso ? 'primary.main' : undefined,
        borderWidth: dag === vandaagIso ? 2 : 1,
      }}
    >
      <CardContent
        sx={{
          p: 1,
          '&:last-child': { pb: 1 },
          display: 'flex',
          flexDirection: 'column',
          gap: 0.5,
        }}
      >
        <Typography variant="caption" sx={{ fontWeight: dag === vandaagIso ? 700 : 400 }}>
          {formatDate(dag).slice(0, 5)}
        </Typography>
        {toon.map((item) => (
          <Chip
            key={`${item.soort}:${item.id}`}
            size="small"
            color={KLEUR[item.soort]}
            variant={item.soort === 'bezoek' ? 'filled' : 'outlined'}
            onClick={() => onOpen(item)}
            title={`${item.titel} · ${item.gezinNaam}`}
            label={`${item.tijd ? `${item.tijd} ` : ''}${item.gezinNaam}: ${item.titel}`}
            sx={{
              justifyContent: 'flex-start',
              maxWidth: '100%',
              // A week has room for the whole text; a month shows one line.
              ...(weergave === 'week'
                ? { height: 'auto', py: 0.5, '& .MuiChip-label': { whiteSpace: 'normal' } }
                : {}),
            }}
          />
        ))}
        {items.length > toon.length && (
          <Button size="small" onClick={() => onDag(dag)}>
            + {items.length - toon.length} meer
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
