import {
  Alert,
  Box,
  Button,
  Chip,
  FormControlLabel,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import {
  gezinnenVenster,
  GEZINNEN_VENSTER_STAP,
  type ApiRequest,
  type GezinRegel,
} from '../../../shared/api';
import { ageOn } from '../../../shared/dates';
import {
  GEZIN_STATUSSEN,
  ZORGPROFIEL_CATEGORIEEN,
  type GezinStatus,
  type ZorgprofielCategorie,
} from '../../../shared/domain';
import { useQuery } from '../api/hooks';
import { formatDate, lokaleDatum } from '../format';
import { useSession } from '../store';
import { NieuwGezinDialog } from './NieuwGezinDialog';
import { CodeSelect } from '../components/CodeSelect';
import { useZichtbareRijen } from '../components/zichtbare-rijen';

/** Every row one line high (long text is cut off with an ellipsis), so rows can be counted. */
const RIJ_HOOGTE = 37;
const KOLOMMEN: [string, string][] = [
  ['Gezin', '18%'],
  ['Jeugdigen', '20%'],
  ['Woonplaats', '11%'],
  ['Zorgprofiel', '11%'],
  ['Regisseur', '13%'],
  ['Aangemeld', '9%'],
  ['Status', '9%'],
  ['Signalen', '9%'],
];
const eenRegel = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

/**
 * Only the rows in view are fetched, in windows of GEZINNEN_VENSTER_STAP; a new filter scrolls
 * back to the top.
 */
function useGezinnenVenster(filters: ApiRequest<'gezinnen.lijst'>) {
  const filterSleutel = JSON.stringify(filters);
  const { ref: lijstRef, onScroll, naarBoven, ...inBeeld } = useZichtbareRijen(RIJ_HOOGTE);
  useEffect(naarBoven, [filterSleutel, naarBoven]);
  const stap = GEZINNEN_VENSTER_STAP;
  const vanaf = Math.max(0, (Math.floor(inBeeld.eerste / stap) - 1) * stap);
  const input = { ...filters, vanaf, aantal: gezinnenVenster(inBeeld.tot - inBeeld.eerste) };
  const { data: lijst, error } = useQuery('gezinnen.lijst', input, JSON.stringify(input));
  const totaal = lijst?.totaal ?? 0;
  const tot = Math.min(inBeeld.tot, totaal);
  const eerste = Math.min(inBeeld.eerste, tot);
  /** The row at `i` in the whole list, or null while its window is on its way. */
  const rij = (i: number): GezinRegel | null =>
    lijst && i >= lijst.vanaf ? (lijst.gezinnen[i - lijst.vanaf] ?? null) : null;
  return { lijstRef, onScroll, lijst, error, totaal, eerste, tot, rij };
}

export function MijnGezinnen() {
  const go = useSession((s) => s.go);
  const [zoek, setZoek] = useState('');
  const [status, setStatus] = useState<GezinStatus | ''>('');
  const [profiel, setProfiel] = useState<ZorgprofielCategorie | ''>('');
  const [evaluatieNodig, setEvaluatieNodig] = useState(false);
  // A teamcoach is nobody's regisseur: the whole team is what there is to see.
  const rol = useSession((s) => s.profiel?.rol);
  const [alleenEigen, setAlleenEigen] = useState(rol === 'jeugdprofessional');
  const [nieuw, setNieuw] = useState(false);
  const filters: ApiRequest<'gezinnen.lijst'> = {
    ...(zoek.trim() ? { zoek: zoek.trim() } : {}),
    ...(status ? { status } : {}),
    ...(profiel ? { zorgprofiel: profiel } : {}),
    ...(evaluatieNodig ? { evaluatieNodig } : {}),
    alleenEigen,
  };
  const { lijstRef, onScroll, lijst, error, totaal, eerste, tot, rij } =
    useGezinnenVenster(filters);
  const open = (gezinId: string) => go({ naam: 'dossier', gezinId, tab: 'overzicht' });

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 2, gap: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Mijn gezinnen
        </Typography>
        <Button variant="contained" onClick={() => setNieuw(true)}>
          Nieuw gezin aanmelden
        </Button>
      </Box>
      <GezinnenFilters
        f={{
          zoek,
          setZoek,
          status,
          setStatus,
          profiel,
          setProfiel,
          evaluatieNodig,
          setEvaluatieNodig,
          alleenEigen,
          setAlleenEigen,
        }}
      />
      {lijst && <Aantallen lijst={lijst} />}
      {error && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <GezinnenTabel
        lijstRef={lijstRef}
        onScroll={onScroll}
        totaal={totaal}
        eerste={eerste}
        tot={tot}
        rij={rij}
        open={open}
      />
      {nieuw && (
        <NieuwGezinDialog
          onClose={(id) => {
            setNieuw(false);
            if (id) open(id);
          }}
        />
      )}
    </Box>
  );
}

/** Empty space for the rows above or below the ones in view, so the scrollbar is the list's. */
function Opvulling({ rijen }: { rijen: number }) {
  if (rijen <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={KOLOMMEN.length} style={{ height: rijen * RIJ_HOOGTE, padding: 0, border: 0 }} />
    </tr>
  );
}

function GezinRij({
  g,
  index,
  today,
  open,
}: {
  g: GezinRegel;
  index: number;
  today: string;
  open: (gezinId: string) => void;
}) {
  const jeugdigen = g.jeugdigen
    .map((j) => `${j.voornaam} (${ageOn(j.geboortedatum, today)})`)
    .join(', ');
  return (
    <TableRow
      hover
      tabIndex={0}
      aria-rowindex={index + 2}
      sx={{ cursor: 'pointer', height: RIJ_HOOGTE }}
      onClick={() => open(g.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') open(g.id);
      }}
    >
      <TableCell sx={eenRegel} title={g.naam}>
        {g.naam}
      </TableCell>
      <TableCell sx={eenRegel} title={jeugdigen}>
        {jeugdigen}
      </TableCell>
      <TableCell sx={eenRegel}>{g.woonplaats}</TableCell>
      <TableCell sx={eenRegel}>
        {g.zorgprofielen.map((z) => ZORGPROFIEL_CATEGORIEEN.labels[z].split(' ')[0]).join(', ') ||
          '—'}
      </TableCell>
      <TableCell sx={eenRegel} title={g.regisseurNaam}>
        {g.regisseurNaam}
      </TableCell>
      <TableCell sx={eenRegel}>{formatDate(g.aangemeldOp)}</TableCell>
      <TableCell sx={eenRegel}>
        <Chip
          size="small"
          label={GEZIN_STATUSSEN.labels[g.status]}
          color={g.status === 'afgesloten' ? 'default' : 'primary'}
          variant={g.status === 'aangemeld' ? 'outlined' : 'filled'}
        />
      </TableCell>
      <TableCell sx={eenRegel}>
        {g.signalen > 0 ? (
          <Chip
            size="small"
            color="warning"
            label={`${g.signalen} ${g.signalen === 1 ? 'signaal' : 'signalen'}`}
          />
        ) : null}
      </TableCell>
    </TableRow>
  );
}

interface Filters {
  zoek: string;
  setZoek(v: string): void;
  status: GezinStatus | '';
  setStatus(v: GezinStatus | ''): void;
  profiel: ZorgprofielCategorie | '';
  setProfiel(v: ZorgprofielCategorie | ''): void;
  evaluatieNodig: boolean;
  setEvaluatieNodig(v: boolean): void;
  alleenEigen: boolean;
  setAlleenEigen(v: boolean): void;
}

/** Search, and narrow by status, zorgprofiel, evaluation due and own families. */
function GezinnenFilters({ f }: { f: Filters }) {
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
      <TextField
        label="Zoeken op naam, geboortedatum (dd-mm-jjjj) of BSN"
        value={f.zoek}
        onChange={(e) => f.setZoek(e.target.value)}
        sx={{ minWidth: 380 }}
        autoFocus
        size="small"
      />
      <CodeSelect
        size="small"
        sx={{ minWidth: 140 }}
        label="Status"
        leeg="Alle"
        list={GEZIN_STATUSSEN}
        value={f.status}
        onChange={f.setStatus}
      />
      <CodeSelect
        size="small"
        sx={{ minWidth: 160 }}
        label="Zorgprofiel"
        leeg="Alle"
        list={ZORGPROFIEL_CATEGORIEEN}
        value={f.profiel}
        onChange={f.setProfiel}
      />
      <FormControlLabel
        control={
          <Switch
            checked={f.evaluatieNodig}
            onChange={(e) => f.setEvaluatieNodig(e.target.checked)}
          />
        }
        label="Evaluatie nodig"
      />
      <FormControlLabel
        control={
          <Switch checked={f.alleenEigen} onChange={(e) => f.setAlleenEigen(e.target.checked)} />
        }
        label="Alleen waar ik regisseur ben"
      />
    </Box>
  );
}

/** How many families the list holds, and per status. */
function Aantallen({
  lijst,
}: {
  lijst: { totaal: number; perStatus: Record<GezinStatus, number> };
}) {
  return (
    <Box sx={{ display: 'flex', gap: 1, mb: 2 }} aria-label="Aantallen">
      <Chip
        label={`${lijst.totaal} ${lijst.totaal === 1 ? 'gezin' : 'gezinnen'}`}
        color="primary"
        data-testid="aantal-gezinnen"
      />
      {GEZIN_STATUSSEN.codes.map((s) => (
        <Chip
          key={s}
          variant="outlined"
          label={`${GEZIN_STATUSSEN.labels[s]}: ${lijst.perStatus[s]}`}
        />
      ))}
    </Box>
  );
}

/**
 * The list as one table of `totaal` rows of which only those in view are drawn; the rest is
 * padding, so the scrollbar is right and a screen reader hears the true row count.
 */
function GezinnenTabel({
  lijstRef,
  onScroll,
  totaal,
  eerste,
  tot,
  rij,
  open,
}: {
  lijstRef: ReturnType<typeof useZichtbareRijen>['ref'];
  onScroll: ReturnType<typeof useZichtbareRijen>['onScroll'];
  totaal: number;
  eerste: number;
  tot: number;
  rij(i: number): GezinRegel | null;
  open(gezinId: string): void;
}) {
  const today = lokaleDatum();
  return (
    <TableContainer
      ref={lijstRef}
      onScroll={onScroll}
      sx={{ maxHeight: 'calc(100vh - 290px)', minHeight: Math.min(totaal + 1, 8) * RIJ_HOOGTE }}
    >
      <Table
        stickyHeader
        size="small"
        aria-label="Mijn gezinnen"
        aria-rowcount={totaal + 1}
        sx={{ tableLayout: 'fixed' }}
      >
        <TableHead>
          <TableRow>
            {KOLOMMEN.map(([kop, breedte]) => (
              <TableCell key={kop} sx={{ width: breedte }}>
                {kop}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <Opvulling rijen={eerste} />
          {Array.from({ length: tot - eerste }, (_, k) => {
            const i = eerste + k;
            const g = rij(i);
            return g ? (
              <GezinRij key={g.id} g={g} index={i} today={today} open={open} />
            ) : (
              <TableRow key={`wacht-${i}`} aria-rowindex={i + 2} sx={{ height: RIJ_HOOGTE }}>
                <TableCell colSpan={KOLOMMEN.length} sx={{ color: 'text.secondary' }}>
                  Laden…
                </TableCell>
              </TableRow>
            );
          })}
          <Opvulling rijen={totaal - tot} />
        </TableBody>
      </Table>
    </TableContainer>
  );
}
