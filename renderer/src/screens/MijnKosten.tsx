import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  Link,
  LinearProgress,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '../api/hooks';
import { datumOfLeeg, formatEuro } from '../format';
import { useSession } from '../store';

function Vergelijking({ label, eigen, team }: { label: string; eigen: string; team: string }) {
  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 220 }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h5" component="p" sx={{ fontWeight: 600 }}>
          {eigen}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          Team: {team}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** What the help in my own caseload costs this year, and what is due for evaluation. */
export function MijnKosten() {
  const go = useSession((s) => s.go);
  const kosten = useQuery('kosten.mijn', {}, '');
  const k = kosten.data;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h4" component="h1">
        Kosten van mijn gezinnen {k?.jaar}
      </Typography>
      <Typography color="text.secondary">
        Ter informatie: wat de ingezette hulp dit jaar kost, naast het gemiddelde van het team. Zo
        kort als mogelijk, zo zwaar als nodig.
      </Typography>
      {kosten.error && <Alert severity="error">{kosten.error}</Alert>}
      {!k && !kosten.error && <LinearProgress aria-label="Kosten laden" />}
      {k && (
        <>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <Vergelijking
              label="Gezinnen met jeugdhulp"
              eigen={String(k.eigen.gezinnenMetHulp)}
              team={String(k.team.gezinnenMetHulp)}
            />
            <Vergelijking
              label="Gecommitteerd dit jaar"
              eigen={formatEuro(k.eigen.gecommitteerdCents)}
              team={formatEuro(k.team.gecommitteerdCents)}
            />
            <Vergelijking
              label="Gemiddeld per gezin met hulp"
              eigen={formatEuro(k.eigen.gemiddeldPerGezinCents)}
              team={formatEuro(k.team.gemiddeldPerGezinCents)}
            />
          </Box>
          <Paper variant="outlined">
            <Table size="small" aria-label="Kosten per gezin">
              <TableHead>
                <TableRow>
                  <TableCell>Gezin</TableCell>
                  <TableCell align="right">Toewijzingen</TableCell>
                  <TableCell align="right">Gecommitteerd {k.jaar}</TableCell>
                  <TableCell align="right">Gerealiseerd (SOJ)</TableCell>
                  <TableCell>Volgende evaluatie</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {k.gezinnen.map((g) => (
                  <TableRow key={g.gezinId} hover>
                    <TableCell>
                      <Link
                        component="button"
                        type="button"
                        onClick={() =>
                          go({ naam: 'dossier', gezinId: g.gezinId, tab: 'overzicht' })
                        }
                      >
                        {g.naam}
                      </Link>
                      {g.status === 'afgesloten' && (
                        <Chip size="small" label="afgesloten" sx={{ ml: 1 }} />
                      )}
                    </TableCell>
                    <TableCell align="right">{g.toewijzingen}</TableCell>
                    <TableCell align="right">{formatEuro(g.gecommitteerdCents)}</TableCell>
                    <TableCell align="right">{formatEuro(g.gerealiseerdCents)}</TableCell>
                    <TableCell>
                      {datumOfLeeg(g.volgendeEvaluatie)}{' '}
                      {g.evaluatieTeLaat && <Chip size="small" color="warning" label="te laat" />}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
        </>
      )}
    </Box>
  );
}
