import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Step,
  StepLabel,
  Stepper,
  TextField,
} from '@mui/material';
import type { AanbiederKeuze, Actieplan } from '../../../../shared/api';
import { ZORGPROFIEL_CATEGORIEEN } from '../../../../shared/domain';
import { formatEuro, volumeTekst } from '../../format';
import { Keuzehulp } from './Keuzehulp';
import { Kosten } from './toewijzing/Kosten';
import { useToewijzingWizard } from './toewijzing/use-toewijzing-wizard';

const STAPPEN = [
  'Aanbieder (keuze van het gezin)',
  'Product, omvang en periode',
  'Kosten, budget en bevestigen',
];

/** Whose help, under which zorgprofiel (or none: beschikkingsvrij). */
const titel = (actieplan: Actieplan) =>
  `Hulp inzetten voor ${actieplan.jeugdigeNaam}${
    actieplan.zorgprofiel
      ? ` · zorgprofiel ${ZORGPROFIEL_CATEGORIEEN.labels[actieplan.zorgprofiel.categorie]}`
      : ' · beschikkingsvrije hulp'
  }`;

/**
 * Guided allocation: the family chooses among the aanbieders contracted for the zorgprofiel
 * (keuzevrijheid), then product and volume, then the cost and its weight on the team budget
 * are shown before anything is confirmed.
 */
export function ToewijzingWizard({
  actieplan,
  onClose,
}: {
  actieplan: Actieplan;
  onClose(done: boolean): void;
}) {
  const w = useToewijzingWizard(actieplan, onClose);
  const {
    aanbieders,
    laadFout,
    stap,
    setStap,
    zoek,
    setZoek,
    aanbieder,
    setAanbieder,
    voorstel,
    fout,
    volgende,
  } = w;
  return (
    <Dialog
      open
      onClose={() => onClose(false)}
      fullWidth
      maxWidth={stap === 0 ? 'lg' : 'md'}
      aria-labelledby="wizard-titel"
    >
      <DialogTitle id="wizard-titel">{titel(actieplan)}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Stepper activeStep={stap} sx={{ mb: 1 }}>
          {STAPPEN.map((s) => (
            <Step key={s}>
              <StepLabel>{s}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {laadFout && <Alert severity="error">{laadFout}</Alert>}
        {stap === 0 && (
          <Keuzehulp
            actieplanId={actieplan.id}
            aanbieders={aanbieders}
            gekozen={aanbieder}
            kies={setAanbieder}
            zoek={zoek}
            setZoek={setZoek}
          />
        )}
        {stap === 1 && aanbieder && <ProductEnPeriode w={w} aanbieder={aanbieder} />}
        {stap === 2 && voorstel && <Kosten {...w} voorstel={voorstel} />}
        {fout && (
          <Alert severity="error" role="alert">
            {fout}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>Annuleren</Button>
        {stap > 0 && <Button onClick={() => setStap(stap - 1)}>Vorige</Button>}
        <Button variant="contained" onClick={() => void volgende()}>
          {stap < 2
            ? 'Volgende'
            : voorstel?.vierOgen.nodig
              ? 'Ter accordering aanbieden'
              : 'Toewijzing bevestigen'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

type Wizard = ReturnType<typeof useToewijzingWizard>;

/** Step 2: which of the aanbieder's products, how much, from when to when. */
function ProductEnPeriode({ w, aanbieder }: { w: Wizard; aanbieder: AanbiederKeuze }) {
  const { product } = w;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
      <TextField
        select
        label="Product"
        value={w.productId}
        onChange={(e) => w.setProductId(e.target.value)}
        sx={{ gridColumn: '1 / -1' }}
      >
        {aanbieder.producten.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.productcode} {p.omschrijving} · {formatEuro(p.tariefCents)} per{' '}
            {volumeTekst(1, p.eenheid, p.frequentie).replace('1 × ', '')}
            {p.beschikkingsvrij ? ' · beschikkingsvrij' : ''}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label={
          product
            ? `Volume (${volumeTekst(Number(w.volume) || 0, product.eenheid, product.frequentie)})`
            : 'Volume'
        }
        type="number"
        value={w.volume}
        onChange={(e) => w.setVolume(e.target.value)}
      />
      <Box />
      <TextField
        label="Startdatum"
        placeholder="dd-mm-jjjj"
        value={w.start}
        onChange={(e) => w.setStart(e.target.value)}
      />
      <TextField
        label="Einddatum"
        placeholder="dd-mm-jjjj"
        value={w.eind}
        onChange={(e) => w.setEind(e.target.value)}
      />
    </Box>
  );
}
