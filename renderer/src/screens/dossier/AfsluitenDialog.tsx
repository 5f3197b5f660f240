import { MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Dossier } from '../../../../shared/api';
import { DOEL_RESULTATEN } from '../../../../shared/domain';
import { DatumDialog } from '../../components/DatumDialog';
import { useSubmitMutation } from '../../components/use-submit-mutation';
import { resultaatUitScore } from '../../../../shared/doel-voortgang';
import { formatDate } from '../../format';

type Resultaat = 'behaald' | 'deels' | 'niet_behaald';
type Resultaten = Record<string, Resultaat | ''>;
type Doel = Dossier['actieplannen'][number]['doelen'][number] & { jeugdige: string };

function beginResultaten(doelen: Doel[]): Resultaten {
  return Object.fromEntries(
    // An open goal starts at what its last evaluation scored; the professional may change it.
    doelen.map((d) => {
      const laatste = d.voortgang.at(-1);
      return [
        d.id,
        d.resultaat !== 'open'
          ? (d.resultaat as Resultaat)
          : laatste
            ? resultaatUitScore(laatste.score)
            : '',
      ];
    }),
  );
}

/** Closing with the outcome the region collects: each goal, and the family's own verdict. */
export function AfsluitenDialog({
  dossier,
  onClose,
}: {
  dossier: Dossier;
  onClose(done: boolean): void;
}) {
  const submit = useSubmitMutation();
  const doelen = dossier.actieplannen.flatMap((a) =>
    a.doelen.map((d) => ({ ...d, jeugdige: a.jeugdigeNaam })),
  );
  const [resultaten, setResultaten] = useState(() => beginResultaten(doelen));
  const [oordeel, setOordeel] = useState('');
  const [cijfer, setCijfer] = useState('');
  return (
    <DatumDialog
      title="Gezin afsluiten"
      submitLabel="Afsluiten"
      datumLabel="Datum afsluiting"
      autoFocus={false}
      maxWidth="md"
      onCancel={() => onClose(false)}
      onDatum={(datum) =>
        submit(
          'gezin.afsluiten',
          {
            gezinId: dossier.gezin.id,
            datum,
            doelen: Object.entries(resultaten)
              .filter(([, r]) => r)
              .map(([id, resultaat]) => ({ id, resultaat: resultaat as Resultaat })),
            oordeelGezin: oordeel,
            oordeelCijfer: Number(cijfer),
          },
          () => onClose(true),
        )
      }
    >
      <DoelResultaten doelen={doelen} resultaten={resultaten} setResultaten={setResultaten} />
      <TextField
        label="Oordeel van het gezin, in eigen woorden"
        value={oordeel}
        onChange={(e) => setOordeel(e.target.value)}
        multiline
        minRows={2}
        required
      />
      <TextField
        label="Cijfer van het gezin (1-10)"
        value={cijfer}
        onChange={(e) => setCijfer(e.target.value)}
        type="number"
        slotProps={{ htmlInput: { min: 1, max: 10 } }}
        required
      />
    </DatumDialog>
  );
}

/** Per goal whether it was reached; an open goal starts at what its last evaluation scored. */
function DoelResultaten({
  doelen,
  resultaten,
  setResultaten,
}: {
  doelen: Doel[];
  resultaten: Resultaten;
  setResultaten(r: Resultaten): void;
}) {
  return (
    <>
      <Typography variant="subtitle1" component="h3">
        Zijn de doelen behaald?
      </Typography>
      {doelen.length === 0 && (
        <Typography color="text.secondary">Er zijn geen doelen vastgelegd.</Typography>
      )}
      {doelen.map((d) => (
        <TextField
          key={d.id}
          select
          size="small"
          label={`${d.jeugdige}: ${d.omschrijving}`}
          helperText={
            d.voortgang.length
              ? `Laatste score ${d.voortgang.at(-1)!.score}/5 op ${formatDate(d.voortgang.at(-1)!.datum)}`
              : 'Niet gescoord bij een evaluatie'
          }
          value={resultaten[d.id] ?? ''}
          onChange={(e) => setResultaten({ ...resultaten, [d.id]: e.target.value as Resultaat })}
        >
          {(['behaald', 'deels', 'niet_behaald'] as const).map((r) => (
            <MenuItem key={r} value={r}>
              {DOEL_RESULTATEN.labels[r]}
            </MenuItem>
          ))}
        </TextField>
      ))}
    </>
  );
}
