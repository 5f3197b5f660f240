import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  CircularProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { ApiOutput, Conflict } from '../../../../shared/api';
import { useMutation, useQuery } from '../../api/hooks';
import { momentTekst } from '../../format';
import { useSession } from '../../store';
import { useSync } from './sync-store';

/** One field two people changed at the same time: both versions, keep one or combine them. */
function ConflictKaart({ conflict, onOpgelost }: { conflict: Conflict; onOpgelost(): void }) {
  const mutate = useMutation();
  const go = useSession((s) => s.go);
  const [samen, setSamen] = useState(conflict.versies.map((v) => v.waarde ?? '').join('\n\n'));
  const [fout, setFout] = useState<string | null>(null);
  const kies = async (waarde: string, herstellen = false) => {
    const { error } = await mutate('sync.oplossen', {
      tabel: conflict.tabel,
      rijId: conflict.rijId,
      veld: conflict.veld,
      waarde,
      ...(herstellen ? { herstellen } : {}),
    });
    if (error) setFout(error.message);
    else onOpgelost();
  };
  const titel = `${conflict.gezinNaam ? `${conflict.gezinNaam} · ` : ''}${conflict.onderdeel}: ${conflict.veldLabel}`;
  return (
    <Card component="section" aria-label={titel}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {titel}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {conflict.verwijderd
            ? `Een collega heeft dit onderdeel verwijderd terwijl dit veld op een andere plaats werd gewijzigd. Beide versies zijn bewaard; herstel het met de tekst die u wilt houden, of laat het verwijderd.`
            : 'Dit veld is op twee plaatsen tegelijk gewijzigd. Beide versies zijn bewaard; kies er een of voeg ze samen.'}
        </Typography>
        <ConflictVersies conflict={conflict} kies={kies} />
        <TextField
          label="Samengevoegde tekst"
          multiline
          minRows={3}
          fullWidth
          value={samen}
          onChange={(e) => setSamen(e.target.value)}
          sx={{ mt: 2 }}
        />
        {fout && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {fout}
          </Alert>
        )}
      </CardContent>
      <CardActions>
        <Button variant="contained" onClick={() => void kies(samen, conflict.verwijderd)}>
          {conflict.verwijderd
            ? 'Herstellen met samengevoegde tekst'
            : 'Samengevoegde tekst opslaan'}
        </Button>
        {conflict.verwijderd && (
          <Button onClick={() => void kies(conflict.versies.find((v) => v.huidig)?.waarde ?? '')}>
            Verwijderd laten
          </Button>
        )}
        {conflict.gezinId && (
          <Button
            onClick={() => go({ naam: 'dossier', gezinId: conflict.gezinId!, tab: 'overzicht' })}
          >
            Dossier openen
          </Button>
        )}
      </CardActions>
    </Card>
  );
}

type Teksten = { veld: string; tekst: string }[];

const alsTekst = (teksten: Teksten) => teksten.map((t) => `${t.veld}: ${t.tekst}`).join('\n');

function Teksten({ teksten }: { teksten: Teksten }) {
  return (
    <>
      {teksten.map((t, i) => (
        <Typography key={i} variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          <strong>{t.veld}:</strong> {t.tekst}
        </Typography>
      ))}
    </>
  );
}

function KopieerKnop({ teksten }: { teksten: Teksten }) {
  const [gekopieerd, setGekopieerd] = useState(false);
  return (
    <Button
      size="small"
      onClick={() =>
        void navigator.clipboard.writeText(alsTekst(teksten)).then(() => setGekopieerd(true))
      }
    >
      {gekopieerd ? 'Gekopieerd' : 'Kopiëren'}
    </Button>
  );
}

/** A plain-text file the user saves where they choose (nothing kept in the browser). */
function exporteer(naam: string, delen: { kop: string; teksten: Teksten }[]) {
  const tekst = delen.map((d) => `${d.kop}\n${alsTekst(d.teksten)}`).join('\n\n');
  const url = URL.createObjectURL(new Blob([tekst], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${naam}.txt`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Conflicts to resolve and changes the central service refused: nothing typed is dropped. */
export function Conflicten() {
  const versie = useSync((s) => s.versie);
  const { data, error, reload } = useQuery('sync.overzicht', {}, String(versie));
  const laad = useSync((s) => s.laad);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return <CircularProgress aria-label="Conflicten laden" />;
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        Conflicten
      </Typography>
      {data.conflicten.length === 0 &&
        data.geweigerd.length === 0 &&
        data.quarantaine.length === 0 && (
          <Alert severity="success">Er zijn geen conflicten. Alles is in orde.</Alert>
        )}
      <Stack spacing={2}>
        {data.conflicten.map((c) => (
          <ConflictKaart
            key={`${c.tabel}|${c.rijId}|${c.veld}`}
            conflict={c}
            onOpgelost={() => {
              reload();
              void laad();
            }}
          />
        ))}
      </Stack>
      {data.geweigerd.length > 0 && <Geweigerd geweigerd={data.geweigerd} />}
      {data.quarantaine.length > 0 && <Quarantaine quarantaine={data.quarantaine} />}
    </Box>
  );
}

type Overzicht = ApiOutput<'sync.overzicht'>;

/** Changes the central service refused: what was typed stays, to copy or export. */
function Geweigerd({ geweigerd }: { geweigerd: Overzicht['geweigerd'] }) {
  return (
    <Box component="section" sx={{ mt: 4 }} aria-label="Geweigerde wijzigingen">
      <Typography variant="h5" component="h2" gutterBottom>
        Geweigerde wijzigingen
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        De centrale dienst heeft deze wijzigingen niet aangenomen. Wat u typte blijft hier bewaard:
        kopieer of exporteer het, en neem contact op met uw teamcoach of de beheerder.
      </Typography>
      <Button
        size="small"
        variant="outlined"
        sx={{ mb: 1 }}
        onClick={() =>
          exporteer(
            'geweigerde-wijzigingen',
            geweigerd.map((g) => ({
              kop: `${g.onderdeel} · ${momentTekst(g.op)} · ${g.reden}`,
              teksten: g.teksten,
            })),
          )
        }
      >
        Alles exporteren
      </Button>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Onderdeel</TableCell>
            <TableCell>Wat u typte</TableCell>
            <TableCell>Reden</TableCell>
            <TableCell>Vastgelegd</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {geweigerd.map((g) => (
            <TableRow key={g.wijzigingId}>
              <TableCell>{g.onderdeel}</TableCell>
              <TableCell>
                <Teksten teksten={g.teksten} />
              </TableCell>
              <TableCell>{g.reden}</TableCell>
              <TableCell>{momentTekst(g.op)}</TableCell>
              <TableCell>
                <KopieerKnop teksten={g.teksten} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** Colleagues' data this laptop could not store; kept, and retried at each sync. */
function Quarantaine({ quarantaine }: { quarantaine: Overzicht['quarantaine'] }) {
  return (
    <Box component="section" sx={{ mt: 4 }} aria-label="Niet verwerkt">
      <Typography variant="h5" component="h2" gutterBottom>
        Niet verwerkt op deze laptop
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Deze gegevens van collega's konden op deze laptop niet worden opgeslagen. Ze zijn bewaard,
        de centrale dienst is op de hoogte, en Eenplan probeert het bij elke synchronisatie opnieuw.
        De rest van uw gegevens synchroniseert gewoon door.
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Gezin</TableCell>
            <TableCell>Onderdeel</TableCell>
            <TableCell>Inhoud</TableCell>
            <TableCell>Reden</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {quarantaine.map((q) => (
            <TableRow key={`${q.tabel}|${q.rijId}`}>
              <TableCell>{q.gezinNaam ?? '—'}</TableCell>
              <TableCell>{q.onderdeel}</TableCell>
              <TableCell>
                <Teksten teksten={q.teksten} />
              </TableCell>
              <TableCell>{q.reden}</TableCell>
              <TableCell>
                <KopieerKnop teksten={q.teksten} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** Both versions side by side, each to keep (or restore with). */
function ConflictVersies({
  conflict,
  kies,
}: {
  conflict: Conflict;
  kies(waarde: string, herstellen?: boolean): Promise<void>;
}) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      {conflict.versies.map((v) => (
        <Paper key={v.hlc} variant="outlined" sx={{ p: 2, flex: 1 }}>
          <Typography variant="caption" component="p" sx={{ mb: 1 }}>
            {v.auteur} · {momentTekst(v.op)}
            {v.huidig ? ' · nu zichtbaar' : ''}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>{v.waarde || '(leeg)'}</Typography>
          <Button
            size="small"
            variant="outlined"
            onClick={() => void kies(v.waarde ?? '', conflict.verwijderd)}
            aria-label={
              conflict.verwijderd
                ? `Herstellen met de versie van ${v.auteur}`
                : `Versie van ${v.auteur} houden`
            }
          >
            {conflict.verwijderd ? 'Herstellen met deze tekst' : 'Deze versie houden'}
          </Button>
        </Paper>
      ))}
    </Stack>
  );
}
