import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { Dossier, Koppeling } from '../../../../../shared/api';
import { bewaarConcept, leesConcept, verwijderConcept } from '../../../api/concepten';
import { metDatum } from '../../../components/datum-invoer';
import { useSubmitMutation } from '../../../components/use-submit-mutation';
import { vandaag } from '../../../format';

/**
 * The note being typed lives here and, as a draft, in the profile's store (never in the
 * browser's storage); it comes back after a crash, a closed window or the lock.
 */
function useVerslagConcept(conceptSleutel: string) {
  const [verslag, setVerslagState] = useState('');
  const [hersteld, setHersteld] = useState(false);
  const getypt = useRef(false);
  useEffect(() => {
    let weg = false;
    leesConcept(conceptSleutel).then(
      (concept) => {
        if (weg || !concept || getypt.current) return;
        setVerslagState(concept);
        setHersteld(true);
      },
      () => undefined,
    );
    return () => {
      weg = true;
    };
  }, [conceptSleutel]);
  const setVerslag = (tekst: string) => {
    getypt.current = true;
    setVerslagState(tekst);
    setHersteld(false);
    bewaarConcept(conceptSleutel, tekst);
  };
  /** After saving: the form is empty and the draft gone. */
  const leeg = () => {
    setVerslagState('');
    setHersteld(false);
    void verwijderConcept(conceptSleutel);
  };
  return { verslag, setVerslag, hersteld, leeg };
}

export function NieuwVerslag({
  dossier,
  koppelbaar,
  onOpgeslagen,
}: {
  dossier: Dossier;
  koppelbaar: Koppeling[];
  onOpgeslagen(): void;
}) {
  const submit = useSubmitMutation();
  const gezinId = dossier.gezin.id;
  const conceptSleutel = `gesprek:${gezinId}`;
  const [datum, setDatum] = useState(vandaag());
  const [aanwezig, setAanwezig] = useState<string[]>([]);
  const [koppelingen, setKoppelingen] = useState<Koppeling[]>([]);
  const { verslag, setVerslag, hersteld, leeg } = useVerslagConcept(conceptSleutel);
  const [fout, setFout] = useState<string | null>(null);
  const namen = [
    ...dossier.leden.map((l) => `${l.voornaam} ${l.achternaam}`),
    ...dossier.netwerk.map((n) => n.naam),
    dossier.gezin.regisseurNaam,
  ];
  const opslaan = async () =>
    setFout(
      await metDatum(datum, (iso) =>
        submit(
          'gesprek.opslaan',
          { gezinId, datum: iso, aanwezig, verslag, koppelingen: koppelingen.map((k) => k.id) },
          () => {
            leeg();
            setAanwezig([]);
            setKoppelingen([]);
            onOpgeslagen();
          },
        ),
      ),
    );

  return (
    <Card component="section" aria-labelledby="nieuw-verslag-kop">
      <CardContent>
        <Typography id="nieuw-verslag-kop" variant="h6" component="h2" gutterBottom>
          Nieuw gespreksverslag
        </Typography>
        <Box
          component="form"
          autoComplete="off"
          sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}
          onSubmit={(e) => {
            e.preventDefault();
            void opslaan();
          }}
        >
          <DatumEnAanwezig
            datum={datum}
            setDatum={setDatum}
            namen={namen}
            aanwezig={aanwezig}
            setAanwezig={setAanwezig}
          />
          <VerslagTekst verslag={verslag} setVerslag={setVerslag} hersteld={hersteld} />
          <KoppelingenKeuze koppelbaar={koppelbaar} value={koppelingen} onChange={setKoppelingen} />
          {fout && (
            <Alert severity="error" role="alert">
              {fout}
            </Alert>
          )}
          <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
            Verslag opslaan
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
}

/** The goals and agreements the conversation was about. */
function KoppelingenKeuze({
  koppelbaar,
  value,
  onChange,
}: {
  koppelbaar: Koppeling[];
  value: Koppeling[];
  onChange(k: Koppeling[]): void;
}) {
  return (
    <Autocomplete
      multiple
      size="small"
      options={koppelbaar}
      value={value}
      onChange={(_, v) => onChange(v)}
      getOptionLabel={(k) => `${k.soort === 'doel' ? 'Doel' : 'Afspraak'}: ${k.tekst}`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      groupBy={(k) => (k.soort === 'doel' ? 'Doelen' : 'Afspraken')}
      renderInput={(params) => <TextField {...params} label="Over welke doelen en afspraken" />}
      noOptionsText="Dit gezin heeft nog geen doelen of afspraken"
    />
  );
}

/** The conversation's date, and who was there (chosen from the family or typed). */
function DatumEnAanwezig({
  datum,
  setDatum,
  namen,
  aanwezig,
  setAanwezig,
}: {
  datum: string;
  setDatum(v: string): void;
  namen: string[];
  aanwezig: string[];
  setAanwezig(v: string[]): void;
}) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '160px 1fr', gap: 2 }}>
      <TextField
        size="small"
        label="Datum"
        value={datum}
        onChange={(e) => setDatum(e.target.value)}
        helperText="dd-mm-jjjj"
      />
      <Autocomplete
        multiple
        freeSolo
        size="small"
        options={namen}
        value={aanwezig}
        onChange={(_, v) => setAanwezig(v)}
        renderInput={(params) => (
          <TextField
            {...params}
            label="Aanwezig"
            helperText="Kies of typ een naam en druk op Enter"
          />
        )}
      />
    </Box>
  );
}

/** The note itself; says so when it came back as an unsaved draft. */
function VerslagTekst({
  verslag,
  setVerslag,
  hersteld,
}: {
  verslag: string;
  setVerslag(v: string): void;
  hersteld: boolean;
}) {
  return (
    <TextField
      label="Verslag"
      value={verslag}
      onChange={(e) => setVerslag(e.target.value)}
      multiline
      minRows={4}
      autoComplete="off"
      helperText={
        hersteld
          ? 'Teruggezet: dit concept is nog niet opgeslagen. Kies "Verslag opslaan" als het af is.'
          : 'Wordt als concept bewaard tot het is opgeslagen.'
      }
    />
  );
}
