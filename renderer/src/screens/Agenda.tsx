/**
 * The agenda: planned visits beside what the plans already fix (evaluatiemomenten, end dates
 * of toewijzingen, agreements due), per week or per month. Clicking an item opens the dossier.
 */
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { AgendaItem, AgendaSoort } from '../../../shared/api-veldwerk';
import {
  addDays,
  addMonths,
  maandagVan,
  maandRaster,
  parseDutchDate,
  weekdag,
  type IsoDate,
} from '../../../shared/dates';
import { BEZOEK_SOORTEN, type BezoekSoort } from '../../../shared/domain';
import { useMutation, useQuery } from '../api/hooks';
import { FormDialog } from '../components/FormDialog';
import { TekstVeld } from '../components/TekstVeld';
import { DATUM_FOUT, formatDate, lokaleDatum, vandaag } from '../format';
import { useSession } from '../store';
import { useMeldingToestemming } from './agenda-herinneringen';

const DAGEN = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
const MAANDEN = [
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

type Weergave = 'week' | 'maand';

export function Agenda() {
  const go = useSession((s) => s.go);
  const rol = useSession((s) => s.profiel?.rol);
  const [weergave, setWeergave] = useState<Weergave>('week');
  const [anker, setAnker] = useState<IsoDate>(lokaleDatum());
  const [plannen, setPlannen] = useState(false);
  const toestemming = useMeldingToestemming();
  const periode =
    weergave === 'week'
      ? { van: maandagVan(anker), tot: addDays(maandagVan(anker), 6) }
      : maandRaster(anker);
  const { data, error, reload } = useQuery(
    'agenda.lijst',
    periode,
    `${periode.van}|${periode.tot}`,
  );
  const perDag = new Map<string, AgendaItem[]>();
  for (const item of data?.items ?? [])
    perDag.set(item.datum, [...(perDag.get(item.datum) ?? []), item]);
  const dagen = Array.from({ length: weergave === 'week' ? 7 : 42 }, (_, i) =>
    addDays(periode.van, i),
  );
  const stap = (richting: number) =>
    setAnker(
      weergave === 'week'
        ? addDays(anker, 7 * richting)
        : addMonths(`${anker.slice(0, 7)}-01`, richting),
    );
  const titel =
    weergave === 'week'
      ? `Week van ${formatDate(periode.van)} t/m ${formatDate(periode.tot)}`
      : `${MAANDEN[Number(anker.slice(5, 7)) - 1]!.replace(/^./, (c) => c.toUpperCase())} ${anker.slice(0, 4)}`;
  const vandaagIso = lokaleDatum();
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
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Agenda · {titel}
        </Typography>
        <Button
          onClick={() => stap(-1)}
          aria-label={weergave === 'week' ? 'Vorige week' : 'Vorige maand'}
        >
          ‹ Vorige
        </Button>
        <Button onClick={() => setAnker(vandaagIso)}>Vandaag</Button>
        <Button
          onClick={() => stap(1)}
          aria-label={weergave === 'week' ? 'Volgende week' : 'Volgende maand'}
        >
          Volgende ›
        </Button>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={weergave}
          onChange={(_, w: Weergave | null) => w && setWeergave(w)}
          aria-label="Weergave"
        >
          <ToggleButton value="week">Week</ToggleButton>
          <ToggleButton value="maand">Maand</ToggleButton>
        </ToggleButtonGroup>
        {rol === 'jeugdprofessional' && (
          <Button variant="contained" onClick={() => setPlannen(true)}>
            Bezoek plannen
          </Button>
        )}
      </Box>
      {toestemming.stand === 'default' && (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" onClick={() => void toestemming.vraag()}>
              Meldingen aanzetten
            </Button>
          }
        >
          Eenplan kan u een kwartier voor een bezoek en op de dag van een evaluatie een melding
          geven.
        </Alert>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 1 }}>
        {DAGEN.map((d) => (
          <Typography key={d} aria-hidden variant="subtitle2" sx={{ textAlign: 'center' }}>
            {d}
          </Typography>
        ))}
        {dagen.map((dag) => {
          const items = perDag.get(dag) ?? [];
          const buitenMaand = weergave === 'maand' && dag.slice(0, 7) !== anker.slice(0, 7);
          const toon = weergave === 'maand' ? items.slice(0, 3) : items;
          return (
            <Card
              key={dag}
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
                    onClick={() => open(item)}
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
                  <Button
                    size="small"
                    onClick={() => {
                      setWeergave('week');
                      setAnker(dag);
                    }}
                  >
                    + {items.length - toon.length} meer
                  </Button>
                )}
              </CardContent>
            </Card>
          );
        })}
      </Box>
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

function BezoekDetail({
  bezoek,
  onDossier,
  onClose,
}: {
  bezoek: AgendaItem;
  onDossier(): void;
  onClose(geschrapt: boolean): void;
}) {
  const mutate = useMutation();
  const [fout, setFout] = useState<string | null>(null);
  return (
    <Dialog
      open
      onClose={() => onClose(false)}
      aria-labelledby="bezoek-titel"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="bezoek-titel">{bezoek.titel}</DialogTitle>
      <DialogContent>
        <Typography>
          {bezoek.gezinNaam} · {formatDate(bezoek.datum)} om {bezoek.tijd}
          {bezoek.duurMinuten ? ` · ${bezoek.duurMinuten} minuten` : ''}
        </Typography>
        {fout && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {fout}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button
          color="error"
          onClick={async () => {
            const { error } = await mutate('bezoek.verwijderen', { id: bezoek.id });
            if (error) return setFout(error.message);
            onClose(true);
          }}
        >
          Bezoek schrappen
        </Button>
        <Button onClick={onDossier}>Dossier openen</Button>
        <Button variant="contained" onClick={() => onClose(false)}>
          Sluiten
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function BezoekDialog({ onClose }: { onClose(done: boolean): void }) {
  const mutate = useMutation();
  const gezinnen = useQuery('gezinnen.lijst', { alleenEigen: true, aantal: 500 }, 'bezoek');
  const [gezin, setGezin] = useState<{ id: string; naam: string } | null>(null);
  const [soort, setSoort] = useState<BezoekSoort>('huisbezoek');
  const [datum, setDatum] = useState(vandaag());
  const [tijd, setTijd] = useState('10:00');
  const [duur, setDuur] = useState('60');
  const [onderwerp, setOnderwerp] = useState('');
  return (
    <FormDialog
      title="Bezoek plannen"
      submitLabel="Inplannen"
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        if (!gezin) return 'Kies het gezin.';
        const iso = parseDutchDate(datum);
        if (!iso) return DATUM_FOUT;
        if (!/^\d{1,2}:\d{2}$/.test(tijd)) return 'Vul de tijd in als uu:mm.';
        const { error } = await mutate('bezoek.plannen', {
          gezinId: gezin.id,
          soort,
          op: `${iso}T${tijd.padStart(5, '0')}`,
          duurMinuten: Number(duur),
          onderwerp,
        });
        if (error) return error.message;
        onClose(true);
        return null;
      }}
    >
      <Autocomplete
        options={(gezinnen.data?.gezinnen ?? []).map((g) => ({ id: g.id, naam: g.naam }))}
        getOptionLabel={(g) => g.naam}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        value={gezin}
        onChange={(_, g) => setGezin(g)}
        renderInput={(params) => <TextField {...params} label="Gezin" required autoFocus />}
        noOptionsText="Geen gezin gevonden"
      />
      <TextField
        select
        label="Soort"
        value={soort}
        onChange={(e) => setSoort(e.target.value as BezoekSoort)}
      >
        {BEZOEK_SOORTEN.codes.map((c) => (
          <MenuItem key={c} value={c}>
            {BEZOEK_SOORTEN.labels[c]}
          </MenuItem>
        ))}
      </TextField>
      <Box sx={{ display: 'flex', gap: 2 }}>
        <TekstVeld
          label="Datum"
          value={datum}
          onChange={(e) => setDatum(e.target.value)}
          helperText="dd-mm-jjjj"
          required
          formaat="dd-mm-jjjj"
          slotProps={{ htmlInput: { pattern: '\\s*\\d{1,2}-\\d{1,2}-\\d{4}\\s*' } }}
        />
        <TekstVeld
          label="Tijd"
          value={tijd}
          onChange={(e) => setTijd(e.target.value)}
          helperText="uu:mm"
          required
          formaat="uu:mm"
          slotProps={{ htmlInput: { pattern: '\\d{1,2}:\\d{2}' } }}
        />
        <TextField
          select
          label="Duur"
          value={duur}
          onChange={(e) => setDuur(e.target.value)}
          sx={{ minWidth: 140 }}
        >
          {[30, 45, 60, 90, 120].map((m) => (
            <MenuItem key={m} value={String(m)}>
              {m} minuten
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <TekstVeld
        label="Onderwerp"
        value={onderwerp}
        onChange={(e) => setOnderwerp(e.target.value)}
        maxTekens={300}
      />
    </FormDialog>
  );
}
