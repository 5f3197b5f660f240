import { MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Dossier } from '../../../../shared/api';
import { parseDutchDate } from '../../../../shared/dates';
import { DOEL_RESULTATEN } from '../../../../shared/domain';
import { useMutation } from '../../api/hooks';
import { FormDialog } from '../../components/FormDialog';
import { resultaatUitScore } from '../../../../shared/doel-voortgang';
import { formatDate, vandaag, DATUM_FOUT } from '../../format';

type Resultaat = 'behaald' | 'deels' | 'niet_behaald';

/** Closing with the outcome the region collects: each goal, and the family's own verdict. */
export function AfsluitenDialog({
  dossier,
  onClose,
}: {
  dossier: Dossier;
  onClose(done: boolean): void;
}) {
  const mutate = useMutation();
  const doelen = dossier.actieplannen.flatMap((a) =>
    a.doelen.map((d) => ({ ...d, jeugdige: a.jeugdigeNaam })),
  );
  const [resultaten, setResultaten] = useState<Record<string, Resultaat | ''>>(
    Object.fromEntries(
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
    ),
  );
  const [datum, setDatum] = useState(vandaag());
  const [oordeel, setOordeel] = useState('');
  const [cijfer, setCijfer] = useState('');
  return (
    <FormDialog
      title="Gezin afsluiten"
      submitLabel="Afsluiten"
      maxWidth="md"
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        const iso = parseDutchDate(datum);
        if (!iso) return DATUM_FOUT;
        const { error } = await mutate('gezin.afsluiten', {
          gezinId: dossier.gezin.id,
          datum: iso,
          doelen: Object.entries(resultaten)
            .filter(([, r]) => r)
            .map(([id, resultaat]) => ({ id, resultaat: resultaat as Resultaat })),
          oordeelGezin: oordeel,
          oordeelCijfer: Number(cijfer),
        });
        if (error) return error.message;
        onClose(true);
        return null;
      }}
    >
      <TextField
        label="Datum afsluiting"
        value={datum}
        onChange={(e) => setDatum(e.target.value)}
        placeholder="dd-mm-jjjj"
      />
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
    </FormDialog>
  );
}
