import { Box, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { DOEL_SCORE_LABELS, type Actieplan, type Toewijzing } from '../../../../../shared/api';
import { EVALUATIE_UITKOMSTEN, type EvaluatieUitkomst } from '../../../../../shared/domain';
import { CodeSelect } from '../../../components/CodeSelect';
import { DatumVeld } from '../../../components/DatumVeld';
import { metDatum } from '../../../components/datum-invoer';
import { FormDialog } from '../../../components/FormDialog';
import { useFormFields } from '../../../components/use-form-fields';
import { useSubmitMutation } from '../../../components/use-submit-mutation';
import { formatDate, vandaag, volumeTekst } from '../../../format';
import { STAND_TEKST } from './evaluatie-stand';

type Scores = Record<string, { score: string; toelichting: string }>;

/** The form as the contract takes it: volume only when scaling, the four-eyes note only up. */
function evaluatieInvoer(
  id: string,
  uitgevoerdOp: string,
  uitkomst: EvaluatieUitkomst,
  w: { toelichting: string; volume: string; vierOgenReden: string; cijferGezin: string },
  scores: Scores,
) {
  const schalen = uitkomst === 'afschalen' || uitkomst === 'opschalen';
  return {
    id,
    uitgevoerdOp,
    uitkomst,
    toelichting: w.toelichting,
    ...(schalen ? { nieuwVolume: Number(w.volume) } : {}),
    ...(uitkomst === 'opschalen' && w.vierOgenReden.trim()
      ? { vierOgenReden: w.vierOgenReden }
      : {}),
    ...(w.cijferGezin ? { cijferGezin: Number(w.cijferGezin) } : {}),
    doelScores: doelScores(scores),
  };
}

/** The goals that were scored, as the contract takes them. */
const doelScores = (scores: Scores) =>
  Object.entries(scores)
    .filter(([, s]) => s.score)
    .map(([doelId, s]) => ({
      doelId,
      score: Number(s.score),
      ...(s.toelichting.trim() ? { toelichting: s.toelichting } : {}),
    }));

export function EvaluatieDialog({
  toewijzing,
  doelen,
  onClose,
}: {
  toewijzing: Toewijzing;
  doelen: Actieplan['doelen'];
  onClose(done: boolean): void;
}) {
  const [scores, setScores] = useState<Scores>({});
  const submit = useSubmitMutation();
  const open = toewijzing.evaluaties.filter((e) => !e.uitgevoerdOp);
  const [evaluatieId, setEvaluatieId] = useState(open[0]?.id ?? '');
  const [uitkomst, setUitkomst] = useState<EvaluatieUitkomst>('voortzetten');
  const { waarden: w, veld } = useFormFields({
    datum: vandaag(),
    toelichting: '',
    volume: String(toewijzing.volume),
    vierOgenReden: '',
    cijferGezin: '',
  });
  const schalen = uitkomst === 'afschalen' || uitkomst === 'opschalen';
  return (
    <FormDialog
      title="Evaluatie vastleggen"
      submitLabel="Vastleggen"
      maxWidth="md"
      onCancel={() => onClose(false)}
      onSubmit={() =>
        metDatum(w.datum, (iso) =>
          submit(
            'evaluatie.vastleggen',
            evaluatieInvoer(evaluatieId, iso, uitkomst, w, scores),
            () => onClose(true),
          ),
        )
      }
    >
      <EvaluatieMoment open={open} value={evaluatieId} onChange={setEvaluatieId} />
      <DatumVeld label="Datum gesprek" {...veld('datum')} />
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
          {...veld('volume')}
          helperText="Zo kort als mogelijk, zo zwaar als nodig."
        />
      )}
      <TextField
        label="Toelichting (besproken met gezin en aanbieder)"
        {...veld('toelichting')}
        multiline
        minRows={2}
        required
      />
      <DoelScores doelen={doelen} scores={scores} setScores={setScores} />
      <TextField
        label="Cijfer van het gezin voor de hulp (1-10, mag leeg)"
        type="number"
        {...veld('cijferGezin')}
        slotProps={{ htmlInput: { min: 1, max: 10, step: 1 } }}
      />
      {uitkomst === 'opschalen' && (
        <TextField
          label="Toelichting voor wie accordeert (vier ogen)"
          {...veld('vierOgenReden')}
          multiline
          minRows={2}
          helperText="Vraagt meer hulp een vier-ogenakkoord (bijvoorbeeld boven het budget, of boven de teamdrempel), dan wacht de nieuwe toewijzing op akkoord. Leeg: de toelichting hierboven."
        />
      )}
    </FormDialog>
  );
}

/** A score from 1 to 5 per goal, with a short explanation. */
function DoelScores({
  doelen,
  scores,
  setScores,
}: {
  doelen: Actieplan['doelen'];
  scores: Scores;
  setScores(s: Scores): void;
}) {
  return (
    <>
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
    </>
  );
}

/** Which planned moment this evaluation is; well before it, it becomes an extra one. */
function EvaluatieMoment({
  open,
  value,
  onChange,
}: {
  open: Toewijzing['evaluaties'];
  value: string;
  onChange(id: string): void;
}) {
  return (
    <>
      <TextField
        select
        label="Evaluatiemoment"
        value={value}
        onChange={(e) => onChange(e.target.value)}
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
    </>
  );
}
