/**
 * The keuzehulp, the first step of "Hulp inzetten": the family chooses among the aanbieders
 * contracted for the zorgprofiel, searching by name, place or kind of help, and sees for each
 * what was measured (waiting time, goals reached, early ends, the families' own mark) and on how
 * many families; a comparison to take home as PDF.
 */
import {
  Alert,
  Box,
  Button,
  Chip,
  List,
  ListItem,
  ListItemButton,
  TextField,
  Typography,
} from '@mui/material';
import type { AanbiederKeuze } from '../../../../shared/api';
import {
  CIJFER_LABELS,
  CIJFER_VOLGORDE,
  cijferTekst,
  MIN_GEZINNEN,
  zoekAanbieders,
  type AanbiederCijfers,
} from '../../../../shared/keuzehulp';
import { useExport } from '../../api/use-export';

const FIGUREN = CIJFER_VOLGORDE;

const KOLOMMEN = '2.4fr repeat(5, 1fr)';

/** Read out by a screen reader, not shown: the column header of each figure. */
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function Figuur({ soort, a }: { soort: keyof AanbiederCijfers; a: AanbiederKeuze }) {
  const c = a.cijfers[soort];
  return (
    <Box sx={{ textAlign: 'right' }}>
      <Box component="span" sx={visuallyHidden}>
        {CIJFER_LABELS[soort]}:{' '}
      </Box>
      {c.waarde === null ? (
        <Typography variant="caption" color="text.secondary" component="span">
          te weinig gezinnen
        </Typography>
      ) : (
        <>
          <Typography component="span" sx={{ fontWeight: 600, display: 'block' }}>
            {cijferTekst(soort, c)}
          </Typography>
          {soort !== 'gezinnen' && (
            <Typography variant="caption" color="text.secondary" component="span">
              {c.gezinnen} gezinnen
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}

export function Keuzehulp({
  actieplanId,
  aanbieders,
  gekozen,
  kies,
  zoek,
  setZoek,
}: {
  actieplanId: string;
  aanbieders: AanbiederKeuze[] | null | undefined;
  gekozen: AanbiederKeuze | null;
  kies(a: AanbiederKeuze): void;
  zoek: string;
  setZoek(z: string): void;
}) {
  const pdf = useExport();
  const zichtbaar = zoekAanbieders(aanbieders ?? [], zoek);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="body2">
        {aanbieders
          ? `${aanbieders.length} aanbieders zijn gecontracteerd voor dit zorgprofiel.`
          : 'Aanbieders laden ...'}{' '}
        Het gezin kiest. Bij een cliëntenstop of een bereikt budgetplafond kan alleen via “nee,
        tenzij”, met een zwaarwegende reden.
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label="Zoek op naam, plaats of soort hulp"
          value={zoek}
          onChange={(e) => setZoek(e.target.value)}
          sx={{ flexGrow: 1, minWidth: 280 }}
          autoFocus
        />
        <Button
          variant="outlined"
          onClick={() => void pdf.exporteer({ soort: 'keuzehulp', actieplanId, zoek })}
          disabled={zichtbaar.length === 0}
        >
          Vergelijking als PDF
        </Button>
      </Box>
      {pdf.fout && <Alert severity="error">{pdf.fout}</Alert>}
      <Typography variant="caption" color="text.secondary">
        Gemeten bij de gezinnen die Eenplan op deze laptop kent (uw team; in een demoprofiel de hele
        regio): wachttijd van toewijzing tot de start van de hulp, behaalde doelen, hulp die
        voortijdig stopte en het cijfer dat gezinnen gaven. Bij minder dan {MIN_GEZINNEN} gezinnen
        geen cijfer.
      </Typography>
      <Kolomkoppen />
      <List
        dense
        sx={{ maxHeight: 330, overflow: 'auto', border: 1, borderColor: 'divider', py: 0 }}
        aria-label="Aanbieders"
      >
        {zichtbaar.map((a) => (
          <AanbiederRij key={a.id} a={a} gekozen={gekozen?.id === a.id} kies={kies} />
        ))}
      </List>
      {aanbieders && zichtbaar.length === 0 && (
        <Typography color="text.secondary">
          Geen aanbieder gevonden. Zoek op een andere naam, plaats of soort hulp.
        </Typography>
      )}
    </Box>
  );
}

/** One aanbieder the family may choose: name, place, stop or ceiling, and the measured figures. */
function AanbiederRij({
  a,
  gekozen,
  kies,
}: {
  a: AanbiederKeuze;
  gekozen: boolean;
  kies(a: AanbiederKeuze): void;
}) {
  return (
    <ListItem disablePadding divider>
      <ListItemButton
        selected={gekozen}
        onClick={() => kies(a)}
        sx={{ display: 'grid', gridTemplateColumns: KOLOMMEN, gap: 1, alignItems: 'start' }}
      >
        <Box>
          <Typography component="span" sx={{ fontWeight: 600 }}>
            {a.naam}
          </Typography>{' '}
          <Typography component="span" variant="body2" color="text.secondary">
            · {a.plaats}
          </Typography>
          {a.clientenstop && (
            <Chip size="small" color="error" label="Cliëntenstop" sx={{ ml: 1 }} />
          )}
          {!a.clientenstop && a.plafondBereikt && (
            <Chip size="small" color="warning" label="Budgetplafond bereikt" sx={{ ml: 1 }} />
          )}
          <Typography
            variant="body2"
            color="text.secondary"
            component="span"
            sx={{ display: 'block' }}
          >
            {a.producten.map((p) => p.omschrijving).join(', ')} · plafond benut{' '}
            {Math.round((a.benutCents / Math.max(1, a.plafondCents)) * 100)}%
          </Typography>
        </Box>
        {FIGUREN.every((f) => a.cijfers[f].waarde === null) ? (
          // Nothing measured yet: said once, not five times.
          <Typography
            variant="caption"
            color="text.secondary"
            component="span"
            sx={{ gridColumn: '2 / -1', textAlign: 'right' }}
          >
            Nog geen cijfers: te weinig gezinnen (minder dan {MIN_GEZINNEN})
          </Typography>
        ) : (
          FIGUREN.map((f) => <Figuur key={f} soort={f} a={a} />)
        )}
      </ListItemButton>
    </ListItem>
  );
}

/** The column heads above the list (the list's rows name their figures themselves). */
function Kolomkoppen() {
  return (
    <Box
      aria-hidden
      sx={{
        display: 'grid',
        gridTemplateColumns: KOLOMMEN,
        gap: 1,
        px: 2,
        typography: 'caption',
        fontWeight: 600,
        color: 'text.secondary',
      }}
    >
      <span>Aanbieder</span>
      {FIGUREN.map((f) => (
        <Box key={f} sx={{ textAlign: 'right' }}>
          {CIJFER_LABELS[f]}
        </Box>
      ))}
    </Box>
  );
}
