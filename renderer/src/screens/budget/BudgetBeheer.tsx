import {
  Alert,
  Box,
  Button,
  FormControl,
  InputLabel,
  LinearProgress,
  MenuItem,
  Paper,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { Formulier } from '../../components/Formulier';
import { TekstVeld } from '../../components/TekstVeld';
import { useEffect, useRef, useState } from 'react';
import type { SojImportStatus } from '../../../../shared/api-budget';
import { SOJ_FASEN } from '../../../../shared/api-budget';
import { PERCELEN, VERGRENDELEN, type Perceel } from '../../../../shared/domain';
import { parseEuroToCents } from '../../../../shared/money';
import { ApiCallError, sojImporteren } from '../../api/client';
import { invalideer, useCall, useMutation, useQuery } from '../../api/hooks';
import { CodeSelect } from '../../components/CodeSelect';
import { formatEuro } from '../../format';
import { useSession } from '../../store';

const FASE_TEKST: Record<(typeof SOJ_FASEN)[number], string> = {
  lezen: 'Bestand lezen',
  controleren: 'Regels controleren',
  voorbeeld: 'Gecontroleerd: bekijk het voorbeeld en bevestig',
  opslaan: 'Opslaan',
  klaar: 'Klaar',
  mislukt: 'Niet ingelezen',
};

/** The phases with a progress bar, in order. */
const VOORTGANG_FASEN = ['lezen', 'controleren', 'opslaan'] as const;

const maand = (periode: string) => `${periode.slice(5)}-${periode.slice(0, 4)}`;

const moment = (iso: string) =>
  new Date(iso).toLocaleString('nl-NL', { dateStyle: 'short', timeStyle: 'short' });

function SojImport({ onKlaar }: { onKlaar(): void }) {
  const call = useCall();
  const invoer = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<SojImportStatus | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bevestigen, setBevestigen] = useState(false);
  const bezig =
    status !== null &&
    status.fase !== 'klaar' &&
    status.fase !== 'mislukt' &&
    status.fase !== 'voorbeeld';
  const voorbeeld = status?.fase === 'voorbeeld' ? status.voorbeeld : null;

  const bevestig = async () => {
    if (!status) return;
    setFout(null);
    setBevestigen(true);
    try {
      setStatus(await call('soj.bevestigen', { jobId: status.jobId }));
    } catch (e) {
      setFout((e as Error).message);
    } finally {
      setBevestigen(false);
    }
  };

  useEffect(() => {
    if (!bezig) return;
    const timer = setInterval(() => {
      call('soj.importStatus', { jobId: status.jobId }).then(
        (s) => {
          setStatus(s);
          if (s.fase !== 'klaar') return;
          // The SOJ lines are in: every figure built on them is out of date.
          invalideer();
          onKlaar();
        },
        (e: Error) => setFout(e.message),
      );
    }, 250);
    return () => clearInterval(timer);
  }, [bezig, call, status?.jobId, onKlaar]);

  const kies = async (file: File | undefined) => {
    if (!file) return;
    setFout(null);
    setStatus(null);
    try {
      setStatus(await sojImporteren(file));
    } catch (e) {
      setFout(e instanceof ApiCallError ? e.message : (e as Error).message);
    }
    if (invoer.current) invoer.current.value = '';
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="h6" component="h2">
        SOJ-cijfers inlezen
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Het maandbestand van het Serviceorganisatie Jeugd (CSV of Excel). U ziet eerst per team en
        periode wat er verandert en bevestigt dan. Een periode opnieuw inlezen vervangt die periode
        voor de teams in het bestand; andere teams blijven ongewijzigd en er wordt nooit dubbel
        geteld. Bij één fout wordt niets ingelezen.
      </Typography>
      <Box>
        <Button variant="contained" component="label" disabled={bezig}>
          Bestand kiezen…
          <input
            ref={invoer}
            hidden
            type="file"
            autoComplete="off"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="SOJ-bestand"
            onChange={(e) => void kies(e.target.files?.[0])}
          />
        </Button>
      </Box>
      {fout && <Alert severity="error">{fout}</Alert>}
      {status && (
        <Box role="status" aria-live="polite">
          <Typography variant="body2">
            {FASE_TEKST[status.fase]}
            {status.regels > 0 &&
              ` · ${status.regels.toLocaleString('nl-NL')} ${status.regels === 1 ? 'regel' : 'regels'}`}
          </Typography>
          {bezig && (
            <LinearProgress
              variant="determinate"
              value={
                ((VOORTGANG_FASEN.indexOf(status.fase as (typeof VOORTGANG_FASEN)[number]) +
                  status.voortgang) /
                  VOORTGANG_FASEN.length) *
                100
              }
              aria-label="Voortgang van het inlezen"
            />
          )}
        </Box>
      )}
      {voorbeeld && (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
          <Alert severity="info">
            Periode {maand(voorbeeld.periode)}: {voorbeeld.regels.toLocaleString('nl-NL')}{' '}
            {voorbeeld.regels === 1 ? 'regel' : 'regels'}, samen {formatEuro(voorbeeld.bedragCents)}
            {voorbeeld.creditRegels > 0 &&
              `, waarvan ${voorbeeld.creditRegels.toLocaleString('nl-NL')} ${voorbeeld.creditRegels === 1 ? 'creditregel' : 'creditregels'}`}
            {voorbeeld.lateRegels > 0 &&
              `; ${voorbeeld.lateRegels.toLocaleString('nl-NL')} ${voorbeeld.lateRegels === 1 ? 'regel telt' : 'regels tellen'} mee in een eerdere maand van zorg`}
            . Er is nog niets opgeslagen.
          </Alert>
          <Typography variant="body2">
            <strong>Decimaalteken:</strong> {voorbeeld.decimalen.uitleg}
          </Typography>
          <Table size="small" aria-label="Voorbeeld per team en periode">
            <TableHead>
              <TableRow>
                <TableCell>Team</TableCell>
                <TableCell>Periode</TableCell>
                <TableCell align="right">Regels nu</TableCell>
                <TableCell align="right">Regels na</TableCell>
                <TableCell align="right">Bedrag nu</TableCell>
                <TableCell align="right">Bedrag na</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {voorbeeld.teams.map((t) => (
                <TableRow key={`${t.teamId}-${t.periode}`}>
                  <TableCell>{t.teamNaam}</TableCell>
                  <TableCell>{maand(t.periode)}</TableCell>
                  <TableCell align="right">{t.regelsVoor.toLocaleString('nl-NL')}</TableCell>
                  <TableCell align="right">{t.regelsNa.toLocaleString('nl-NL')}</TableCell>
                  <TableCell align="right">{formatEuro(t.bedragVoorCents)}</TableCell>
                  <TableCell align="right">{formatEuro(t.bedragNaCents)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {voorbeeld.waarschuwingen.length > 0 && (
            <>
              <Alert severity="warning">
                {voorbeeld.waarschuwingen.length + voorbeeld.meerWaarschuwingen}{' '}
                {voorbeeld.waarschuwingen.length + voorbeeld.meerWaarschuwingen === 1
                  ? 'regel lijkt'
                  : 'regels lijken'}{' '}
                niet te kloppen. Controleer ze voordat u bevestigt
                {voorbeeld.meerWaarschuwingen > 0 &&
                  ` (de eerste ${voorbeeld.waarschuwingen.length} staan hieronder)`}
                .
              </Alert>
              <Table size="small" aria-label="Waarschuwingen bij het bestand">
                <TableHead>
                  <TableRow>
                    <TableCell>Regel</TableCell>
                    <TableCell>Kolom</TableCell>
                    <TableCell>Waarschuwing</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {voorbeeld.waarschuwingen.map((w, i) => (
                    <TableRow key={i}>
                      <TableCell>{w.regel ?? '—'}</TableCell>
                      <TableCell>{w.kolom ?? '—'}</TableCell>
                      <TableCell>{w.reden}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button variant="contained" onClick={() => void bevestig()} disabled={bevestigen}>
              Bevestigen en opslaan
            </Button>
            <Button onClick={() => setStatus(null)} disabled={bevestigen}>
              Annuleren
            </Button>
          </Box>
        </Box>
      )}
      {status?.fase === 'klaar' && status.resultaat && (
        <Alert severity="success">
          Periode {maand(status.resultaat.periode)} ingelezen:{' '}
          {status.resultaat.regels.toLocaleString('nl-NL')} regels,{' '}
          {formatEuro(status.resultaat.bedragCents)}
          {status.resultaat.vervangen > 0 &&
            ` (vervangt ${status.resultaat.vervangen.toLocaleString('nl-NL')} eerdere regels)`}
          .
          {status.resultaat.onbekend.length > 0 &&
            ` ${status.resultaat.onbekend.length + status.resultaat.meerOnbekend} regels horen bij geen bekende cliënt of toewijzing; ze tellen mee en staan hieronder.`}
        </Alert>
      )}
      {status?.fase === 'klaar' && status.resultaat && status.resultaat.onbekend.length > 0 && (
        <Table size="small" aria-label="Niet gekoppelde regels">
          <TableHead>
            <TableRow>
              <TableCell>Regel</TableCell>
              <TableCell>Cliëntreferentie</TableCell>
              <TableCell>Reden</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {status.resultaat.onbekend.map((o) => (
              <TableRow key={o.regel}>
                <TableCell>{o.regel}</TableCell>
                <TableCell>{o.clientRef}</TableCell>
                <TableCell>{o.reden}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {status?.fase === 'mislukt' && (
        <>
          <Alert severity="error" role="alert">
            Het bestand is niet ingelezen; er is niets gewijzigd. Herstel deze punten en probeer het
            opnieuw{status.meerFouten > 0 && ` (en nog ${status.meerFouten} meer)`}.
          </Alert>
          <Table size="small" aria-label="Fouten in het bestand">
            <TableHead>
              <TableRow>
                <TableCell>Regel</TableCell>
                <TableCell>Kolom</TableCell>
                <TableCell>Wat is er mis</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {status.fouten.map((f, i) => (
                <TableRow key={i}>
                  <TableCell>{f.regel ?? '—'}</TableCell>
                  <TableCell>{f.kolom ?? '—'}</TableCell>
                  <TableCell>{f.reden}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Paper>
  );
}

/** The year's budgets, changes and teams: read once for the screen, reloaded after a change. */
type Overzicht = ReturnType<typeof useQuery<'budget.overzicht'>>;

function BudgetVaststellen({ jaar, overzicht }: { jaar: number; overzicht: Overzicht }) {
  const profiel = useSession((s) => s.profiel);
  const mutate = useMutation();
  const [teamId, setTeamId] = useState(profiel?.teamId ?? '');
  const [perceel, setPerceel] = useState<Perceel | ''>('');
  const [bedrag, setBedrag] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [gedaan, setGedaan] = useState<string | null>(null);
  const teams = overzicht.data?.teams ?? [];
  const gekozenTeam = teamId || teams[0]?.id || '';

  const opslaan = async () => {
    setGedaan(null);
    const cents = parseEuroToCents(bedrag);
    if (cents === null) return setFout('Vul het budget in als bedrag, bijvoorbeeld 1.250.000,00.');
    const r = await mutate('budget.vaststellen', {
      teamId: gekozenTeam,
      jaar,
      perceel: perceel || null,
      bedragCents: cents,
      toelichting,
    });
    if (r.error) return setFout(r.error.message);
    setFout(null);
    setGedaan(`Budget vastgesteld op ${formatEuro(cents)}.`);
    setBedrag('');
    setToelichting('');
    overzicht.reload();
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="h6" component="h2">
        Gebiedsbudget {jaar}
      </Typography>
      <Formulier
        onSubmit={() => void opslaan()}
        sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        {profiel?.rol === 'beheerder' && (
          <FormControl size="small" sx={{ minWidth: 220 }}>
            <InputLabel id="bt-team">Team</InputLabel>
            <Select
              labelId="bt-team"
              label="Team"
              value={gekozenTeam}
              onChange={(e) => setTeamId(e.target.value)}
            >
              {teams.map((t) => (
                <MenuItem key={t.id} value={t.id}>
                  {t.naam}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        )}
        <CodeSelect
          size="small"
          sx={{ minWidth: 240 }}
          label="Deel"
          leeg="Heel het teambudget"
          list={PERCELEN}
          value={perceel}
          onChange={setPerceel}
        />
        <TextField
          size="small"
          label="Bedrag (€)"
          value={bedrag}
          onChange={(e) => setBedrag(e.target.value)}
          required
        />
        <TekstVeld
          size="small"
          label="Toelichting"
          value={toelichting}
          onChange={(e) => setToelichting(e.target.value)}
          required
          maxTekens={500}
          sx={{ flexGrow: 1, minWidth: 240 }}
        />
        <Button type="submit" variant="contained">
          Vaststellen
        </Button>
      </Formulier>
      {fout && (
        <Alert severity="error" role="alert">
          {fout}
        </Alert>
      )}
      {gedaan && <Alert severity="success">{gedaan}</Alert>}
      {overzicht.data && (
        <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
          <Table size="small" aria-label="Budgetten" sx={{ flex: 1, minWidth: 380 }}>
            <TableHead>
              <TableRow>
                <TableCell>Team</TableCell>
                <TableCell>Deel</TableCell>
                <TableCell align="right">Budget</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {overzicht.data.budgetten.map((b) => (
                <TableRow key={`${b.teamId}-${b.perceel}`}>
                  <TableCell>{b.teamNaam}</TableCell>
                  <TableCell>{b.perceel ? PERCELEN.labels[b.perceel] : 'Heel het team'}</TableCell>
                  <TableCell align="right">{formatEuro(b.bedragCents)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Table
            size="small"
            aria-label="Wijzigingen van het budget"
            sx={{ flex: 2, minWidth: 520 }}
          >
            <TableHead>
              <TableRow>
                <TableCell>Wanneer</TableCell>
                <TableCell>Door</TableCell>
                <TableCell>Team en deel</TableCell>
                <TableCell align="right">Van</TableCell>
                <TableCell align="right">Naar</TableCell>
                <TableCell>Toelichting</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {overzicht.data.wijzigingen.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6}>Nog geen wijzigingen in {jaar}.</TableCell>
                </TableRow>
              )}
              {overzicht.data.wijzigingen.map((w) => (
                <TableRow key={w.id}>
                  <TableCell>{moment(w.op)}</TableCell>
                  <TableCell>{w.door}</TableCell>
                  <TableCell>
                    {w.teamNaam} · {w.perceel ? PERCELEN.labels[w.perceel] : 'heel het team'}
                  </TableCell>
                  <TableCell align="right">
                    {w.oudCents === null ? '—' : formatEuro(w.oudCents)}
                  </TableCell>
                  <TableCell align="right">{formatEuro(w.nieuwCents)}</TableCell>
                  <TableCell>{w.toelichting}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Paper>
  );
}

const minutenTekst = (n: number) => (n === 1 ? '1 minuut' : `${n} minuten`);

/**
 * The beheerder sets per team how long a laptop may stay unused before Eenplan locks itself;
 * the setting travels to the team's laptops with the reference data. Others see the value.
 */
function Vergrendeling({ overzicht }: { overzicht: Overzicht }) {
  const profiel = useSession((s) => s.profiel);
  const mutate = useMutation();
  const [teamId, setTeamId] = useState('');
  const [minuten, setMinuten] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [gedaan, setGedaan] = useState<string | null>(null);
  const teams = overzicht.data?.teams ?? [];
  const gekozen = teams.find((t) => t.id === teamId) ?? teams[0];
  if (profiel?.rol !== 'beheerder')
    return (
      <Typography color="text.secondary">
        Eenplan vergrendelt zich na{' '}
        {minutenTekst(profiel?.vergrendelMinuten ?? VERGRENDELEN.standaard)} zonder gebruik. De
        beheerder stelt dit per team in.
      </Typography>
    );
  const opslaan = async () => {
    setGedaan(null);
    const getal = Number(minuten);
    if (!gekozen) return;
    if (!/^\d+$/.test(minuten.trim()))
      return setFout(
        `Vul een heel aantal minuten in (${VERGRENDELEN.min} tot ${VERGRENDELEN.max}).`,
      );
    const r = await mutate('team.vergrendeling', { teamId: gekozen.id, minuten: getal });
    if (r.error) return setFout(r.error.message);
    setFout(null);
    setGedaan(`${gekozen.naam} vergrendelt na ${minutenTekst(getal)} zonder gebruik.`);
    setMinuten('');
    overzicht.reload();
  };
  return (
    <Paper
      component="section"
      aria-labelledby="vg-kop"
      variant="outlined"
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Typography id="vg-kop" variant="h6" component="h2">
        Automatisch vergrendelen
      </Typography>
      <Typography color="text.secondary">
        Na hoeveel minuten zonder toetsenbord, muis of aanraking Eenplan zich vergrendelt op de
        laptops van een team (standaard {VERGRENDELEN.standaard}, hooguit {VERGRENDELEN.max}).
      </Typography>
      <Formulier
        onSubmit={() => void opslaan()}
        sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        <FormControl size="small" sx={{ minWidth: 220 }}>
          <InputLabel id="vg-team">Team</InputLabel>
          <Select
            labelId="vg-team"
            label="Team"
            value={gekozen?.id ?? ''}
            onChange={(e) => setTeamId(e.target.value)}
          >
            {teams.map((t) => (
              <MenuItem key={t.id} value={t.id}>
                {t.naam} ({minutenTekst(t.vergrendelMinuten)})
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <TextField
          size="small"
          label="Minuten"
          value={minuten}
          onChange={(e) => setMinuten(e.target.value)}
          inputMode="numeric"
          placeholder={String(gekozen?.vergrendelMinuten ?? VERGRENDELEN.standaard)}
          required
        />
        <Button type="submit" variant="contained" disabled={!gekozen || !minuten}>
          Instellen
        </Button>
      </Formulier>
      {fout && (
        <Alert severity="error" role="alert">
          {fout}
        </Alert>
      )}
      {gedaan && <Alert severity="success">{gedaan}</Alert>}
    </Paper>
  );
}

/** Budget en SOJ: set the team budget and read in the monthly SOJ figures. */
export function BudgetBeheer() {
  const imports = useQuery('soj.imports', {}, '');
  const jaar = new Date().getFullYear();
  const overzicht = useQuery('budget.overzicht', { jaar }, String(jaar));
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h4" component="h1">
        Budget en SOJ-cijfers
      </Typography>
      <SojImport onKlaar={imports.reload} />
      <BudgetVaststellen jaar={jaar} overzicht={overzicht} />
      <Vergrendeling overzicht={overzicht} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          Ingelezen perioden
        </Typography>
        {imports.data && (
          <Table size="small" aria-label="Ingelezen perioden">
            <TableHead>
              <TableRow>
                <TableCell>Periode</TableCell>
                <TableCell>Bestand</TableCell>
                <TableCell>Ingelezen</TableCell>
                <TableCell align="right">Regels</TableCell>
                <TableCell align="right">Niet gekoppeld</TableCell>
                <TableCell align="right">Bedrag</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {imports.data.map((i) => (
                <TableRow key={i.id}>
                  <TableCell>{`${i.periode.slice(5)}-${i.periode.slice(0, 4)}`}</TableCell>
                  <TableCell>{i.bestandsnaam}</TableCell>
                  <TableCell>
                    {moment(i.ingelezenOp)}
                    {i.ingelezenDoor ? ` door ${i.ingelezenDoor}` : ''}
                  </TableCell>
                  <TableCell align="right">{i.aantalRegels.toLocaleString('nl-NL')}</TableCell>
                  <TableCell align="right">{i.onbekendeRegels.toLocaleString('nl-NL')}</TableCell>
                  <TableCell align="right">{formatEuro(i.bedragCents)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
    </Box>
  );
}
