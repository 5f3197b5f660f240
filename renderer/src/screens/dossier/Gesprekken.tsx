/**
 * Gespreksverslagen: a quick note at the kitchen table (offline), with who was there and the
 * goals and agreements it was about, and a search over all notes of the family. The text being
 * typed is kept as a draft, so closing the laptop mid-sentence loses nothing.
 */
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { Dossier } from '../../../../shared/api';
import type { Gespreksverslag, Koppeling } from '../../../../shared/api-veldwerk';
import { parseDutchDate } from '../../../../shared/dates';
import { bewaarConcept, leesConcept, verwijderConcept } from '../../api/concepten';
import { useMutation, useQuery } from '../../api/hooks';
import { FormDialog } from '../../components/FormDialog';
import { DATUM_FOUT, formatDate, momentTekst, vandaag } from '../../format';

export function Gesprekken({ dossier, dicht }: { dossier: Dossier; dicht: boolean }) {
  const gezinId = dossier.gezin.id;
  const [zoek, setZoek] = useState('');
  const [corrigeer, setCorrigeer] = useState<Gespreksverslag | null>(null);
  const { data, error, reload } = useQuery(
    'gesprek.lijst',
    { gezinId, ...(zoek ? { zoek } : {}) },
    gezinId,
  );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {!dicht && data && (
        <NieuwVerslag dossier={dossier} koppelbaar={data.koppelbaar} onOpgeslagen={reload} />
      )}
      <Card component="section" aria-labelledby="verslagen-kop">
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography id="verslagen-kop" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
              Gespreksverslagen
              {data ? ` (${data.verslagen.length}${zoek ? ` van ${data.totaal}` : ''})` : ''}
            </Typography>
            <TextField
              size="small"
              type="search"
              label="Zoeken in de verslagen"
              value={zoek}
              onChange={(e) => setZoek(e.target.value)}
              sx={{ minWidth: 300 }}
            />
          </Box>
          {error && <Alert severity="error">{error}</Alert>}
          {data?.verslagen.length === 0 && (
            <Typography color="text.secondary">
              {zoek ? 'Geen verslag gevonden met deze woorden.' : 'Nog geen gespreksverslagen.'}
            </Typography>
          )}
          {data?.verslagen.map((v) => (
            <Box
              key={v.id}
              component="article"
              aria-label={`Gesprek van ${formatDate(v.datum)}`}
              sx={{ borderLeft: 3, borderColor: 'primary.light', pl: 2 }}
            >
              <Typography variant="subtitle2">
                {formatDate(v.datum)} · aanwezig: {v.aanwezig.join(', ')}
                {v.auteur ? ` · verslag van ${v.auteur}` : ''}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap', my: 0.5 }}>{v.verslag}</Typography>
              <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
                {v.koppelingen.map((k) => (
                  <Chip
                    key={k.id}
                    size="small"
                    variant="outlined"
                    label={`${k.soort === 'doel' ? 'Doel' : 'Afspraak'}: ${k.tekst}`}
                  />
                ))}
                {!dicht && (
                  <Button size="small" onClick={() => setCorrigeer(v)}>
                    Corrigeren
                  </Button>
                )}
              </Box>
              {v.versies.length > 0 && <Geschiedenis versies={v.versies} />}
            </Box>
          ))}
          {corrigeer && (
            <CorrigeerDialog
              gezinId={gezinId}
              verslag={corrigeer}
              onClose={(done) => {
                setCorrigeer(null);
                if (done) reload();
              }}
            />
          )}
        </CardContent>
      </Card>
    </Box>
  );
}

function NieuwVerslag({
  dossier,
  koppelbaar,
  onOpgeslagen,
}: {
  dossier: Dossier;
  koppelbaar: Koppeling[];
  onOpgeslagen(): void;
}) {
  const mutate = useMutation();
  const gezinId = dossier.gezin.id;
  const conceptSleutel = `gesprek:${gezinId}`;
  const [datum, setDatum] = useState(vandaag());
  const [aanwezig, setAanwezig] = useState<string[]>([]);
  const [koppelingen, setKoppelingen] = useState<Koppeling[]>([]);
  // The note being typed lives here and, as a draft, in the profile's store (never in the
  // browser's storage); it comes back after a crash, a closed window or the lock.
  const [verslag, setVerslagState] = useState('');
  const [hersteld, setHersteld] = useState(false);
  const getypt = useRef(false);
  const [fout, setFout] = useState<string | null>(null);
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
  const namen = [
    ...dossier.leden.map((l) => `${l.voornaam} ${l.achternaam}`),
    ...dossier.netwerk.map((n) => n.naam),
    dossier.gezin.regisseurNaam,
  ];

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
          onSubmit={async (e) => {
            e.preventDefault();
            const iso = parseDutchDate(datum);
            if (!iso) return setFout(DATUM_FOUT);
            const { error } = await mutate('gesprek.opslaan', {
              gezinId,
              datum: iso,
              aanwezig,
              verslag,
              koppelingen: koppelingen.map((k) => k.id),
            });
            setFout(error?.message ?? null);
            if (error) return;
            setVerslagState('');
            setHersteld(false);
            void verwijderConcept(conceptSleutel);
            setAanwezig([]);
            setKoppelingen([]);
            onOpgeslagen();
          }}
        >
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
          <Autocomplete
            multiple
            size="small"
            options={koppelbaar}
            value={koppelingen}
            onChange={(_, v) => setKoppelingen(v)}
            getOptionLabel={(k) => `${k.soort === 'doel' ? 'Doel' : 'Afspraak'}: ${k.tekst}`}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            groupBy={(k) => (k.soort === 'doel' ? 'Doelen' : 'Afspraken')}
            renderInput={(params) => (
              <TextField {...params} label="Over welke doelen en afspraken" />
            )}
            noOptionsText="Dit gezin heeft nog geen doelen of afspraken"
          />
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

/** A corrected note's earlier wordings, folded away; newest first. */
function Geschiedenis({ versies }: { versies: Gespreksverslag['versies'] }) {
  return (
    <Box component="details" sx={{ mt: 0.5 }}>
      <Box component="summary" sx={{ cursor: 'pointer', color: 'primary.main' }}>
        Eerdere versies ({versies.length})
      </Box>
      {versies.map((oud, i) => (
        <Box
          key={i}
          sx={{ borderLeft: 2, borderColor: 'divider', pl: 1.5, mt: 1 }}
          aria-label={`Versie vervangen op ${momentTekst(oud.vervangenOp)}`}
          role="group"
        >
          <Typography variant="caption" color="text.secondary">
            {formatDate(oud.datum)} · aanwezig: {oud.aanwezig.join(', ')} · vervangen op{' '}
            {momentTekst(oud.vervangenOp)}
            {oud.vervangenDoor ? ` door ${oud.vervangenDoor}` : ''}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {oud.verslag}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** Correcting a saved note: the wording it had is kept, the reason goes on the timeline. */
function CorrigeerDialog({
  gezinId,
  verslag,
  onClose,
}: {
  gezinId: string;
  verslag: Gespreksverslag;
  onClose(done: boolean): void;
}) {
  const mutate = useMutation();
  const [tekst, setTekst] = useState(verslag.verslag);
  const [reden, setReden] = useState('');
  return (
    <FormDialog
      title={`Gespreksverslag van ${formatDate(verslag.datum)} corrigeren`}
      submitLabel="Correctie opslaan"
      maxWidth="md"
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        const { error } = await mutate('gesprek.opslaan', {
          gezinId,
          id: verslag.id,
          datum: verslag.datum,
          aanwezig: verslag.aanwezig,
          verslag: tekst,
          koppelingen: verslag.koppelingen.map((k) => k.id),
          reden,
        });
        if (error) return error.message;
        onClose(true);
        return null;
      }}
    >
      <TextField
        label="Verslag"
        value={tekst}
        onChange={(e) => setTekst(e.target.value)}
        multiline
        minRows={4}
        required
        autoFocus
        helperText={`De vorige tekst blijft bewaard als eerdere versie. ${tekst.length}/10000`}
        slotProps={{ htmlInput: { maxLength: 10_000 } }}
      />
      <TextField
        label="Reden van de correctie"
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        required
        helperText={`Komt in de tijdlijn van het gezin. ${reden.length}/500`}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </FormDialog>
  );
}
