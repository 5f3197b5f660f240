import { Autocomplete, Box, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { BEZOEK_SOORTEN, type BezoekSoort } from '../../../../shared/domain';
import { useQuery } from '../../api/hooks';
import { metDatum } from '../../components/datum-invoer';
import { FormDialog } from '../../components/FormDialog';
import { TekstVeld } from '../../components/TekstVeld';
import { useSubmitMutation } from '../../components/use-submit-mutation';
import { vandaag } from '../../format';

export function BezoekDialog({ onClose }: { onClose(done: boolean): void }) {
  const submit = useSubmitMutation();
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
        return metDatum(datum, async (iso) => {
          if (!/^\d{1,2}:\d{2}$/.test(tijd)) return 'Vul de tijd in als uu:mm.';
          return submit(
            'bezoek.plannen',
            {
              gezinId: gezin.id,
              soort,
              op: `${iso}T${tijd.padStart(5, '0')}`,
              duurMinuten: Number(duur),
              onderwerp,
            },
            () => onClose(true),
          );
        });
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
      <BezoekMoment
        datum={datum}
        setDatum={setDatum}
        tijd={tijd}
        setTijd={setTijd}
        duur={duur}
        setDuur={setDuur}
      />
      <TekstVeld
        label="Onderwerp"
        value={onderwerp}
        onChange={(e) => setOnderwerp(e.target.value)}
        maxTekens={300}
      />
    </FormDialog>
  );
}

/** When the visit is, and how long it takes. */
function BezoekMoment(p: {
  datum: string;
  setDatum(v: string): void;
  tijd: string;
  setTijd(v: string): void;
  duur: string;
  setDuur(v: string): void;
}) {
  const { datum, setDatum, tijd, setTijd, duur, setDuur } = p;
  return (
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
  );
}
