import {
  Alert,
  Box,
  Button,
  Chip,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Actieplan, Toewijzing } from '../../../../shared/api';
import { parseDutchDate } from '../../../../shared/dates';
import {
  EINDE_REDENEN,
  EVALUATIE_UITKOMSTEN,
  TOEWIJZING_STATUSSEN,
  type EindeReden,
  type EvaluatieUitkomst,
} from '../../../../shared/domain';
import { DOEL_SCORE_LABELS } from '../../../../shared/api-dossier';
import { useMutation } from '../../api/hooks';
import { FormDialog } from '../../components/FormDialog';
import {
  datumOfLeeg,
  formatDate,
  formatEuro,
  vandaag,
  volumeTekst,
  DATUM_FOUT,
} from '../../format';
import { ToewijzingWizard } from './ToewijzingWizard';
import { CodeSelect } from '../../components/CodeSelect';
import { useExport } from '../../api/use-export';

const STAND_KLEUR = {
  gepland: 'default',
  binnenkort: 'info',
  te_laat: 'error',
  uitgevoerd: 'success',
} as const;
const STAND_TEKST = {
  gepland: 'gepland',
  binnenkort: 'binnenkort',
  te_laat: 'te laat',
  uitgevoerd: 'uitgevoerd',
} as const;

type Actie = { soort: 'start' | 'evaluatie' | 'stoppen'; toewijzing: Toewijzing };

export function Toewijzingen({
  actieplan,
  dicht,
  reload,
}: {
  actieplan: Actieplan;
  dicht: boolean;
  reload(): void;
}) {
  const [wizard, setWizard] = useState(false);
  const [actie, setActie] = useState<Actie | null>(null);
  const jw301 = useExport();
  const klaar = (done: boolean) => {
    setActie(null);
    setWizard(false);
    if (done) reload();
  };
  return (
    <Box component="section" aria-label="Hulp en regie">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1 }}>
          Hulp en regie na beschikking
        </Typography>
        {!dicht && actieplan.triageUitkomst === 'laten_doen' && (
          <Button variant="contained" color="secondary" onClick={() => setWizard(true)}>
            Hulp inzetten
          </Button>
        )}
      </Box>
      {jw301.fout && <Alert severity="error">{jw301.fout}</Alert>}
      {actieplan.toewijzingen.length > 0 && (
        <Table size="small" aria-label="Toewijzingen">
          <TableHead>
            <TableRow>
              <TableCell>Hulp</TableCell>
              <TableCell>Periode</TableCell>
              <TableCell>Start zorg</TableCell>
              <TableCell>Kosten</TableCell>
              <TableCell>Evaluaties</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Acties</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {actieplan.toewijzingen.map((t) => {
              const loopt = t.status === 'toegewezen' || t.status === 'gestart';
              return (
                <TableRow key={t.id}>
                  <TableCell>
                    {t.productOmschrijving} ({t.productcode}) bij {t.aanbiederNaam}
                    <br />
                    <Typography variant="caption">
                      {volumeTekst(t.volume, t.eenheid, t.frequentie)}
                      {t.beschikkingsvrij ? ' · beschikkingsvrij' : ''}
                      {t.neeTenzij ? ' · nee, tenzij' : ''}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    {formatDate(t.startdatum)} t/m {formatDate(t.beeindigdOp ?? t.einddatum)}
                  </TableCell>
                  <TableCell>
                    {t.werkelijkeStart
                      ? `${formatDate(t.werkelijkeStart)} (wachttijd ${t.wachttijdDagen} d)`
                      : '—'}
                  </TableCell>
                  <TableCell>{formatEuro(t.totaalCents)}</TableCell>
                  <TableCell>
                    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                      {t.evaluaties.map((e) => (
                        <Chip
                          key={e.id}
                          size="small"
                          color={STAND_KLEUR[e.stand]}
                          variant={e.stand === 'gepland' ? 'outlined' : 'filled'}
                          label={`${formatDate(e.uitgevoerdOp ?? e.geplandOp)} ${e.extra ? 'extra ' : ''}${e.uitkomst ? EVALUATIE_UITKOMSTEN.labels[e.uitkomst].toLowerCase() : STAND_TEKST[e.stand]}${e.cijferGezin ? ` · gezin ${e.cijferGezin}/10` : ''}`}
                        />
                      ))}
                    </Box>
                  </TableCell>
                  <TableCell>
                    {TOEWIJZING_STATUSSEN.labels[t.status]}
                    {t.akkoord?.besluit && (
                      <Typography variant="caption" sx={{ display: 'block' }}>
                        {t.akkoord.besluit === 'akkoord' ? 'Akkoord' : 'Afgewezen'} door{' '}
                        {t.akkoord.beoordeeldDoorNaam}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {loopt && (
                      <Button
                        size="small"
                        title="Het iJw-toewijzingsbericht (JW301) voor de aanbieder, als XML-bestand"
                        onClick={() => void jw301.exporteer({ soort: 'jw301', toewijzingId: t.id })}
                      >
                        JW301-bericht
                      </Button>
                    )}
                    {!dicht && loopt && (
                      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
                        {t.status === 'toegewezen' && (
                          <Button
                            size="small"
                            onClick={() => setActie({ soort: 'start', toewijzing: t })}
                          >
                            Start vastleggen
                          </Button>
                        )}
                        {/* Evaluating help that has not begun evaluates nothing. */}
                        {t.werkelijkeStart && t.evaluaties.some((e) => !e.uitgevoerdOp) && (
                          <Button
                            size="small"
                            onClick={() => setActie({ soort: 'evaluatie', toewijzing: t })}
                          >
                            Evaluatie vastleggen
                          </Button>
                        )}
                        <Button
                          size="small"
                          color="error"
                          onClick={() => setActie({ soort: 'stoppen', toewijzing: t })}
                        >
                          Hulp stoppen
                        </Button>
                      </Box>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {wizard && <ToewijzingWizard actieplan={actieplan} onClose={klaar} />}
      {actie?.soort === 'start' && <StartDialog toewijzing={actie.toewijzing} onClose={klaar} />}
      {actie?.soort === 'evaluatie' && (
        <EvaluatieDialog toewijzing={actie.toewijzing} doelen={actieplan.doelen} onClose={klaar} />
      )}
      {actie?.soort === 'stoppen' && (
        <StoppenDialog toewijzing={actie.toewijzing} onClose={klaar} />
      )}
    </Box>
  );
}

function StartDialog({
  toewijzing,
  onClose,
}: {
  toewijzing: Toewijzing;
  onClose(done: boolean): void;
}) {
  const mutate = useMutation();
  const [datum, setDatum] = useState(vandaag());
  return (
    <FormDialog
      title="Start van de zorg vastleggen"
      submitLabel="Vastleggen"
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        const iso = parseDutchDate(datum);
        if (!iso) return DATUM_FOUT;
        const { error } = await mutate('toewijzing.startVastleggen', {
          id: toewijzing.id,
          datum: iso,
        });
        if (error) return error.message;
        onClose(true);
        return null;
      }}
    >
      <Typography>
        Toegewezen per {formatDate(toewijzing.startdatum)}. Op welke dag begon{' '}
        {toewijzing.aanbiederNaam} echt? Zo wordt de wachttijd zichtbaar.
      </Typography>
      <TextField
        label="Werkelijke start"
        value={datum}
        onChange={(e) => setDatum(e.target.value)}
        placeholder="dd-mm-jjjj"
        autoFocus
      />
    </FormDialog>
  );
}

function EvaluatieDialog({
  toewijzing,
  doelen,
  onClose,
}: {
  toewijzing: Toewijzing;
  doelen: Actieplan['doelen'];
  onClose(done: boolean): void;
}) {
  const [scores, setScores] = useState<Record<string, { score: string; toelichting: string }>>({});
  const [cijferGezin, setCijferGezin] = useState('');
  const mutate = useMutation();
  const open = toewijzing.evaluaties.filter((e) => !e.uitgevoerdOp);
  const [evaluatieId, setEvaluatieId] = useState(open[0]?.id ?? '');
  const [datum, setDatum] = useState(vandaag());
  const [uitkomst, setUitkomst] = useState<EvaluatieUitkomst>('voortzetten');
  const [toelichting, setToelichting] = useState('');
  const [volume, setVolume] = useState(String(toewijzing.volume));
  const [vierOgenReden, setVierOgenReden] = useState('');
  const schalen = uitkomst === 'afschalen' || uitkomst === 'opschalen';
  return (
    <FormDialog
      title="Evaluatie vastleggen"
      submitLabel="Vastleggen"
      maxWidth="md"
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        const iso = parseDutchDate(datum);
        if (!iso) return DATUM_FOUT;
        const { error } = await mutate('evaluatie.vastleggen', {
          id: evaluatieId,
          uitgevoerdOp: iso,
          uitkomst,
          toelichting,
          ...(schalen ? { nieuwVolume: Number(volume) } : {}),
          ...(uitkomst === 'opschalen' && vierOgenReden.trim() ? { vierOgenReden } : {}),
          ...(cijferGezin ? { cijferGezin: Number(cijferGezin) } : {}),
          doelScores: Object.entries(scores)
            .filter(([, s]) => s.score)
            .map(([doelId, s]) => ({
              doelId,
              score: Number(s.score),
              ...(s.toelichting.trim() ? { toelichting: s.toelichting } : {}),
            })),
        });
        if (error) return error.message;
        onClose(true);
        return null;
      }}
    >
      <TextField
        select
        label="Evaluatiemoment"
        value={evaluatieId}
        onChange={(e) => setEvaluatieId(e.target.value)}
      >
        {open.map((e) => (
          <MenuItem key={e.id} value={e.id}>
            Gepland op {formatDate(e.geplandOp)} ({STAND_TEKST[e.stand]})
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" color="text.secondary">
        Ruim vóór het geplande moment wordt het een extra evaluatie; het geplande moment blijft
        staan.
      </Typography>
      <TextField
        label="Datum gesprek"
        value={datum}
        onChange={(e) => setDatum(e.target.value)}
        placeholder="dd-mm-jjjj"
      />
      <CodeSelect
        label="Uitkomst"
        list={EVALUATIE_UITKOMSTEN}
        value={uitkomst}
        onChange={(v) => v && setUitkomst(v)}
      />
      {schalen && (
        <TextField
          label={`Nieuw volume (${volumeTekst(toewijzing.volume, toewijzing.eenheid, toewijzing.frequentie)} nu)`}
          type="number"
          value={volume}
          onChange={(e) => setVolume(e.target.value)}
          helperText="Zo kort als mogelijk, zo zwaar als nodig."
        />
      )}
      <TextField
        label="Toelichting (besproken met gezin en aanbieder)"
        value={toelichting}
        onChange={(e) => setToelichting(e.target.value)}
        multiline
        minRows={2}
        required
      />
      {doelen.length > 0 && (
        <Typography variant="subtitle2" component="h3">
          Voortgang per doel (1 = geen vooruitgang, 5 = bereikt)
        </Typography>
      )}
      {doelen.map((d) => {
        const s = scores[d.id] ?? { score: '', toelichting: '' };
        return (
          <Box
            key={d.id}
            sx={{ display: 'grid', gridTemplateColumns: '1fr 2fr', gap: 1, alignItems: 'start' }}
          >
            <TextField
              select
              size="small"
              label={`Score: ${d.omschrijving}`}
              value={s.score}
              onChange={(e) => setScores({ ...scores, [d.id]: { ...s, score: e.target.value } })}
            >
              <MenuItem value="">Niet gescoord</MenuItem>
              {[1, 2, 3, 4, 5].map((n) => (
                <MenuItem key={n} value={String(n)}>
                  {n} – {DOEL_SCORE_LABELS[n]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              size="small"
              label={`Uitleg bij de score: ${d.omschrijving}`}
              value={s.toelichting}
              onChange={(e) =>
                setScores({ ...scores, [d.id]: { ...s, toelichting: e.target.value } })
              }
              slotProps={{ htmlInput: { maxLength: 300 } }}
            />
          </Box>
        );
      })}
      <TextField
        label="Cijfer van het gezin voor de hulp (1-10, mag leeg)"
        type="number"
        value={cijferGezin}
        onChange={(e) => setCijferGezin(e.target.value)}
        slotProps={{ htmlInput: { min: 1, max: 10, step: 1 } }}
      />
      {uitkomst === 'opschalen' && (
        <TextField
          label="Toelichting voor wie accordeert (vier ogen)"
          value={vierOgenReden}
          onChange={(e) => setVierOgenReden(e.target.value)}
          multiline
          minRows={2}
          helperText="Vraagt meer hulp een vier-ogenakkoord (bijvoorbeeld boven het budget, of boven de teamdrempel), dan wacht de nieuwe toewijzing op akkoord. Leeg: de toelichting hierboven."
        />
      )}
    </FormDialog>
  );
}

function StoppenDialog({
  toewijzing,
  onClose,
}: {
  toewijzing: Toewijzing;
  onClose(done: boolean): void;
}) {
  const mutate = useMutation();
  const [datum, setDatum] = useState(vandaag());
  const [reden, setReden] = useState<EindeReden>('volgens_plan');
  return (
    <FormDialog
      title="Hulp stoppen"
      submitLabel="Hulp stoppen"
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        const iso = parseDutchDate(datum);
        if (!iso) return DATUM_FOUT;
        const { error } = await mutate('toewijzing.stoppen', {
          id: toewijzing.id,
          datum: iso,
          reden,
        });
        if (error) return error.message;
        onClose(true);
        return null;
      }}
    >
      <Typography>
        {toewijzing.productOmschrijving} bij {toewijzing.aanbiederNaam}, gepland tot{' '}
        {datumOfLeeg(toewijzing.einddatum)}.
      </Typography>
      <TextField
        label="Laatste dag van de hulp"
        value={datum}
        onChange={(e) => setDatum(e.target.value)}
        placeholder="dd-mm-jjjj"
        autoFocus
      />
      <CodeSelect
        label="Reden"
        list={EINDE_REDENEN}
        value={reden}
        onChange={(v) => v && setReden(v)}
      />
    </FormDialog>
  );
}
