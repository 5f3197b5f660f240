import { Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { Dossier } from '../../../../shared/api';
import { Sectie } from '../../components/Sectie';
import { formatDate } from '../../format';
import { alleenLezen } from './alleen-lezen';
import { GezinGegevens } from './GezinGegevens';
import { Medewerkers } from './Medewerkers';
import { Gezinsleden } from './overzicht/Gezinsleden';
import { Netwerk } from './overzicht/Netwerk';

export function Overzicht({ dossier, reload }: { dossier: Dossier; reload(): void }) {
  const dicht = alleenLezen(dossier);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
      <Gezinsleden dossier={dossier} dicht={dicht} reload={reload} />
      <GezinGegevens dossier={dossier} dicht={dicht} reload={reload} />
      <Sectie kop="signalen-kop" titel="Signalen">
        {dossier.signalen.length === 0 ? (
          <Typography color="text.secondary">Geen signalen.</Typography>
        ) : (
          <List dense>
            {dossier.signalen.map((s, i) => (
              <ListItem key={i}>
                <ListItemText primary={s.tekst} />
              </ListItem>
            ))}
          </List>
        )}
      </Sectie>
      <Netwerk dossier={dossier} dicht={dicht} reload={reload} />
      <Medewerkers dossier={dossier} reload={reload} />
      <Sectie kop="tijdlijn-kop" titel="Tijdlijn">
        <List dense sx={{ maxHeight: 320, overflow: 'auto' }}>
          {dossier.tijdlijn.map((e, i) => (
            <ListItem key={i}>
              <ListItemText primary={e.tekst} secondary={formatDate(e.datum)} />
            </ListItem>
          ))}
        </List>
      </Sectie>
    </Box>
  );
}
