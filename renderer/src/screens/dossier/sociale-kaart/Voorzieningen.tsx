import { Box, Button, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { Actieplan, ApiOutput } from '../../../../../shared/api';
import { VOORZIENING_SOORTEN } from '../../../../../shared/domain';
import { formatDate } from '../../../format';

/** The voorzieningen this plan uses, each to take away again. */
export function IngezetteVoorzieningen({
  voorzieningen,
  dicht,
  onWeghalen,
}: {
  voorzieningen: Actieplan['voorzieningen'];
  dicht: boolean;
  onWeghalen(id: string): void;
}) {
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2" component="h4">
        Ingezet in dit plan
      </Typography>
      <List dense aria-label="Ingezette voorzieningen">
        {voorzieningen.map((v) => (
          <ListItem
            key={v.id}
            secondaryAction={
              !dicht && (
                <Button size="small" onClick={() => onWeghalen(v.id)}>
                  Weghalen
                </Button>
              )
            }
          >
            <ListItemText
              primary={v.naam}
              secondary={`${v.contact} · ingezet op ${formatDate(v.op)}`}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

/** What the search found, each to take into the plan unless it is in already. */
export function GevondenVoorzieningen({
  voorzieningen,
  ingezet,
  dicht,
  onInzetten,
}: {
  voorzieningen: ApiOutput<'socialeKaart.zoeken'>['voorzieningen'];
  ingezet: Set<string>;
  dicht: boolean;
  onInzetten(voorzieningId: string): void;
}) {
  return (
    <List aria-label="Gevonden voorzieningen" sx={{ maxHeight: 360, overflow: 'auto' }}>
      {voorzieningen.map((v) => (
        <ListItem
          key={v.id}
          alignItems="flex-start"
          divider
          secondaryAction={
            !dicht && (
              <Button
                size="small"
                variant="outlined"
                disabled={ingezet.has(v.id)}
                aria-label={`${v.naam} inzetten`}
                onClick={() => onInzetten(v.id)}
              >
                {ingezet.has(v.id) ? 'Ingezet' : 'Inzetten'}
              </Button>
            )
          }
          sx={{ pr: 14 }}
        >
          <ListItemText
            primary={
              <Box
                component="span"
                sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}
              >
                <span>{v.naam}</span>
                <Chip size="small" label={VOORZIENING_SOORTEN.labels[v.soort]} />
                <Chip
                  size="small"
                  color={v.gratis ? 'success' : 'default'}
                  variant="outlined"
                  label={v.gratis ? 'Gratis' : 'Eigen bijdrage'}
                />
              </Box>
            }
            secondary={
              <>
                {v.aanbod}
                <br />
                {v.contact}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
