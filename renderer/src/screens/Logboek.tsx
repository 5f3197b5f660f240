import {
  Alert,
  Box,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { ApiOutput, ApiRequest } from '../../../shared/api';
import { AUDIT_ACTIE_LABELS, onderdeelLabel } from '../../../shared/api';
import { parseDutchDate } from '../../../shared/dates';
import { useQuery } from '../api/hooks';
import { DATUM_FOUT, momentTekst } from '../format';

type Vraag = ApiRequest<'toegangslog.lijst'>;

/** A dd-mm-jjjj field that reports an ISO date (or none) when it is left or Enter is pressed. */
function DatumVeld(props: { label: string; onDatum(iso: string | undefined): void }) {
  const [tekst, setTekst] = useState('');
  const [fout, setFout] = useState(false);
  const klaar = () => {
    if (!tekst.trim()) {
      setFout(false);
      props.onDatum(undefined);
      return;
    }
    const iso = parseDutchDate(tekst);
    setFout(!iso);
    if (iso) props.onDatum(iso);
  };
  return (
    <TextField
      label={props.label}
      size="small"
      placeholder="dd-mm-jjjj"
      value={tekst}
      onChange={(e) => setTekst(e.target.value)}
      onBlur={klaar}
      onKeyDown={(e) => e.key === 'Enter' && klaar()}
      error={fout}
      helperText={fout ? DATUM_FOUT : ' '}
      sx={{ width: 170 }}
    />
  );
}

/** One of the two views: a client or an employee, or all of them. */
function Keuze(props: {
  label: string;
  alle: string;
  waarde: string | undefined;
  opties: { id: string; naam: string }[] | undefined;
  onKies(id: string | undefined): void;
}) {
  return (
    <TextField
      select
      size="small"
      label={props.label}
      value={props.waarde ?? ''}
      onChange={(e) => props.onKies(e.target.value || undefined)}
      sx={{ minWidth: 240 }}
      helperText=" "
    >
      <MenuItem value="">{props.alle}</MenuItem>
      {props.opties?.map((o) => (
        <MenuItem key={o.id} value={o.id}>
          {o.naam}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * The access log (NEN 7513): who saw or changed which dossier, when, from which laptop and why.
 * Per client for an inzage request, per employee for the privacy officer. Opening it is logged.
 */
export function Logboek() {
  const [vraag, setVraag] = useState<Vraag>({});
  const { data, error } = useQuery('toegangslog.lijst', vraag, JSON.stringify(vraag));
  const kies = (wijziging: Partial<Vraag>) => {
    const volgende: Vraag = { ...vraag, ...wijziging };
    for (const sleutel of Object.keys(volgende) as (keyof Vraag)[])
      if (volgende[sleutel] === undefined || volgende[sleutel] === '') delete volgende[sleutel];
    setVraag(volgende);
  };
  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        Logboek: toegang tot dossiers
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Elke keer dat een dossier is ingezien, gewijzigd of geëxporteerd, met wie, wanneer, op welk
        apparaat en waarom. Het openen van dit logboek wordt ook vastgelegd.
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Keuze
          label="Cliënt (gezin)"
          alle="Alle cliënten"
          waarde={vraag.gezinId}
          opties={data?.gezinnen}
          onKies={(gezinId) => kies({ gezinId, professionalId: undefined })}
        />
        <Keuze
          label="Medewerker"
          alle="Alle medewerkers"
          waarde={vraag.professionalId}
          opties={data?.medewerkers}
          onKies={(professionalId) => kies({ professionalId, gezinId: undefined })}
        />
        <DatumVeld label="Van" onDatum={(van) => kies({ van })} />
        <DatumVeld label="Tot en met" onDatum={(tot) => kies({ tot })} />
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      {data && (
        <>
          <KetenStand keten={data.keten} />
          {data.afgekapt && (
            <Alert severity="info" sx={{ mb: 2 }}>
              Alleen de nieuwste {data.regels.length} regels worden getoond; kies een cliënt,
              medewerker of periode.
            </Alert>
          )}
          {data.regels.length === 0 ? (
            <Typography>Geen regels voor deze keuze.</Typography>
          ) : (
            <Logboekregels regels={data.regels} />
          )}
        </>
      )}
    </Box>
  );
}

type Antwoord = ApiOutput<'toegangslog.lijst'>;

/** Whether the log's hash chain is whole, and where it broke if not. */
function KetenStand({ keten }: { keten: Antwoord['keten'] }) {
  return keten.intact ? (
    <Alert severity="success" sx={{ mb: 2 }}>
      Het logboek is compleet en ongewijzigd ({keten.regels} regels gecontroleerd
      {keten.verankerd > 0 && `, waarvan ${keten.verankerd} ook bij de centrale dienst vastgelegd`}
      ).
      {keten.onbeschermd > 0 &&
        ` ${keten.onbeschermd} regels staan alleen op deze laptop, zonder sleutel van de centrale dienst (geschreven voordat dit profiel verbonden was).`}
    </Alert>
  ) : keten.soort === 'anker' ? (
    <Alert severity="error" sx={{ mb: 2 }}>
      Het logboek op deze laptop is aangetast: {keten.reden}. Meld dit direct aan de privacy
      officer.
    </Alert>
  ) : (
    <Alert severity="error" sx={{ mb: 2 }}>
      Het logboek is aangetast vanaf regel {keten.seq}: {keten.reden}. Meld dit direct aan de
      privacy officer.
    </Alert>
  );
}

/** The log's lines, newest first: who, what, which client and part, why, on which laptop. */
function Logboekregels({ regels }: { regels: Antwoord['regels'] }) {
  return (
    <TableContainer sx={{ maxHeight: '65vh' }}>
      <Table size="small" stickyHeader aria-label="Logboekregels">
        <TableHead>
          <TableRow>
            <TableCell>Moment</TableCell>
            <TableCell>Medewerker</TableCell>
            <TableCell>Handeling</TableCell>
            <TableCell>Cliënt</TableCell>
            <TableCell>Onderdeel</TableCell>
            <TableCell>Reden</TableCell>
            <TableCell>Apparaat</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {regels.map((r) => (
            <TableRow key={r.seq}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{momentTekst(r.at)}</TableCell>
              <TableCell>
                {r.medewerker}
                {r.namens ? ` namens ${r.namens}` : ''}
              </TableCell>
              <TableCell>{AUDIT_ACTIE_LABELS[r.actie]}</TableCell>
              <TableCell>{r.gezinNaam ?? '—'}</TableCell>
              <TableCell>{onderdeelLabel(r.onderdeel)}</TableCell>
              <TableCell>{r.reden ?? ''}</TableCell>
              <TableCell>{r.apparaat}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
