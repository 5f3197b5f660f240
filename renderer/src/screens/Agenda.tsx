/**
 * The agenda: planned visits beside what the plans already fix (evaluatiemomenten, end dates
 * of toewijzingen, agreements due), per week or per month. Clicking an item opens the dossier.
 */
import { Alert, Box, Button, Chip } from '@mui/material';
import { useState } from 'react';
import type { AgendaItem } from '../../../shared/api';
import { useQuery } from '../api/hooks';
import { useSession } from '../store';
import { AgendaKop } from './agenda/AgendaKop';
import { AgendaRaster } from './agenda/AgendaRaster';
import { BezoekDetail } from './agenda/BezoekDetail';
import { BezoekDialog } from './agenda/BezoekDialog';
import { useAgendaPeriode } from './agenda/use-agenda-periode';
import { useMeldingToestemming } from './agenda-herinneringen';

export function Agenda() {
  const go = useSession((s) => s.go);
  const rol = useSession((s) => s.profiel?.rol);
  const p = useAgendaPeriode();
  const [plannen, setPlannen] = useState(false);
  const { periode } = p;
  const { data, error, reload } = useQuery(
    'agenda.lijst',
    periode,
    `${periode.van}|${periode.tot}`,
  );
  const [gekozen, setGekozen] = useState<AgendaItem | null>(null);
  const naarDossier = (item: AgendaItem) =>
    go({
      naam: 'dossier',
      gezinId: item.gezinId,
      tab: item.soort === 'afspraak' ? 'gezinsplan' : 'actieplannen',
    });
  // A visit can be cancelled from here; the other items belong to the plans they come from.
  const open = (item: AgendaItem) =>
    item.soort === 'bezoek' ? setGekozen(item) : naarDossier(item);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <AgendaKop
        p={p}
        kanPlannen={rol === 'jeugdprofessional'}
        onPlannen={() => setPlannen(true)}
      />
      <MeldingenAanzetten />
      {error && <Alert severity="error">{error}</Alert>}
      <AgendaRaster
        weergave={p.weergave}
        anker={p.anker}
        dagen={p.dagen}
        items={data?.items ?? []}
        onOpen={open}
        onDag={(dag) => {
          p.setWeergave('week');
          p.setAnker(dag);
        }}
      />
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} aria-label="Legenda">
        <Chip size="small" color="primary" label="Bezoek" />
        <Chip size="small" color="warning" variant="outlined" label="Evaluatiemoment" />
        <Chip size="small" color="error" variant="outlined" label="Einde toewijzing" />
        <Chip size="small" variant="outlined" label="Afspraak uit het gezinsplan" />
      </Box>
      {gekozen && (
        <BezoekDetail
          bezoek={gekozen}
          onDossier={() => naarDossier(gekozen)}
          onClose={(geschrapt) => {
            setGekozen(null);
            if (geschrapt) reload();
          }}
        />
      )}
      {plannen && (
        <BezoekDialog
          onClose={(done) => {
            setPlannen(false);
            if (done) reload();
          }}
        />
      )}
    </Box>
  );
}

/** Asks once whether Eenplan may remind of visits and evaluations. */
function MeldingenAanzetten() {
  const toestemming = useMeldingToestemming();
  if (toestemming.stand !== 'default') return null;
  return (
    <Alert
      severity="info"
      action={
        <Button color="inherit" size="small" onClick={() => void toestemming.vraag()}>
          Meldingen aanzetten
        </Button>
      }
    >
      Eenplan kan u een kwartier voor een bezoek en op de dag van een evaluatie een melding geven.
    </Alert>
  );
}
