import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Step,
  StepLabel,
  Stepper,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { AanbiederKeuze, Actieplan, Voorstel } from '../../../../shared/api';
import { resterendBasis } from '../../../../shared/budget';
import { addMonths, parseDutchDate } from '../../../../shared/dates';
import { ZORGPROFIEL_CATEGORIEEN } from '../../../../shared/domain';
import { useMutation, useQuery } from '../../api/hooks';
import { formatDate, formatEuro, lokaleDatum, volumeTekst } from '../../format';
import { Keuzehulp } from './Keuzehulp';

const STAPPEN = [
  'Aanbieder (keuze van het gezin)',
  'Product, omvang en periode',
  'Kosten, budget en bevestigen',
];

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
  const mutate = useMutation();
  const { data: aanbieders, error: laadFout } = useQuery(
    'aanbieders.voorProfiel',
    { actieplanId: actieplan.id },
    actieplan.id,
  );
  const [stap, setStap] = useState(0);
  const [zoek, setZoek] = useState('');
  const [aanbieder, setAanbieder] = useState<AanbiederKeuze | null>(null);
  const [productId, setProductId] = useState('');
  const [volume, setVolume] = useState('2');
  const vandaag = lokaleDatum();
  const [start, setStart] = useState(formatDate(vandaag));
  const [eind, setEind] = useState(formatDate(addMonths(vandaag, 6)));
  const [voorstel, setVoorstel] = useState<Voorstel | null>(null);
  const [vierOgenReden, setVierOgenReden] = useState('');
  const [neeTenzijReden, setNeeTenzijReden] = useState('');
  const [fout, setFout] = useState<string | null>(null);

  const product = aanbieder?.producten.find((p) => p.id === productId);
  const invoer = () => {
    const startdatum = parseDutchDate(start);
    const einddatum = parseDutchDate(eind);
    if (!startdatum || !einddatum) return null;
    return {
      actieplanId: actieplan.id,
      aanbiederId: aanbieder!.id,
      productId,
      volume: Number(volume),
      startdatum,
      einddatum,
    };
  };

  const volgende = async () => {
    setFout(null);
    if (stap === 0) {
      if (!aanbieder) return setFout('Kies de aanbieder die het gezin wil.');
      setProductId(aanbieder.producten[0]?.id ?? '');
      return setStap(1);
    }
    if (stap === 1) {
      const t = invoer();
      if (!t) return setFout('Vul de start- en einddatum in als dd-mm-jjjj.');
      const { data, error } = await mutate('toewijzing.voorstel', t);
      if (error) return setFout(error.message);
      setVoorstel(data!);
      return setStap(2);
    }
    const { error } = await mutate('toewijzing.aanmaken', {
      toewijzing: invoer()!,
      ...(vierOgenReden.trim() ? { vierOgenReden } : {}),
      ...(neeTenzijReden.trim() ? { neeTenzijReden } : {}),
    });
    if (error) return setFout(error.message);
    onClose(true);
  };

  return (
    <Dialog
      open
      onClose={() => onClose(false)}
      fullWidth
      maxWidth={stap === 0 ? 'lg' : 'md'}
      aria-labelledby="wizard-titel"
    >
      <DialogTitle id="wizard-titel">
        Hulp inzetten voor {actieplan.jeugdigeNaam}
        {actieplan.zorgprofiel
          ? ` · zorgprofiel ${ZORGPROFIEL_CATEGORIEEN.labels[actieplan.zorgprofiel.categorie]}`
          : ' · beschikkingsvrije hulp'}
      </DialogTitle>
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
        {stap === 1 && aanbieder && (
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
            <TextField
              select
              label="Product"
              value={productId}
              onChange={(e) => setProductId(e.target.value)}
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
                  ? `Volume (${volumeTekst(Number(volume) || 0, product.eenheid, product.frequentie)})`
                  : 'Volume'
              }
              type="number"
              value={volume}
              onChange={(e) => setVolume(e.target.value)}
            />
            <Box />
            <TextField
              label="Startdatum"
              placeholder="dd-mm-jjjj"
              value={start}
              onChange={(e) => setStart(e.target.value)}
            />
            <TextField
              label="Einddatum"
              placeholder="dd-mm-jjjj"
              value={eind}
              onChange={(e) => setEind(e.target.value)}
            />
          </Box>
        )}
        {stap === 2 && voorstel && (
          <Kosten
            voorstel={voorstel}
            vierOgenReden={vierOgenReden}
            setVierOgenReden={setVierOgenReden}
            neeTenzijReden={neeTenzijReden}
            setNeeTenzijReden={setNeeTenzijReden}
          />
        )}
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
          {stap === 2
            ? voorstel?.vierOgen.nodig
              ? 'Ter accordering aanbieden'
              : 'Toewijzing bevestigen'
            : 'Volgende'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

interface KostenProps {
  voorstel: Voorstel;
  vierOgenReden: string;
  setVierOgenReden(v: string): void;
  neeTenzijReden: string;
  setNeeTenzijReden(v: string): void;
}

function Kosten({
  voorstel,
  vierOgenReden,
  setVierOgenReden,
  neeTenzijReden,
  setNeeTenzijReden,
}: KostenProps) {
  const { budget } = voorstel;
  const pct = (c: number) =>
    Math.min(100, Math.round((c / Math.max(1, budget.budgetCents ?? 0)) * 100));
  const over = (c: number | null) => (
    <strong style={{ color: c !== null && c < 0 ? '#b3261e' : undefined }}>
      {c === null ? 'geen budget vastgesteld' : formatEuro(c)}
    </strong>
  );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} aria-label="Kosten en budget">
      <Typography>
        <strong>Kosten van deze toewijzing:</strong> {formatEuro(voorstel.totaalCents)}
      </Typography>
      <Typography>
        <strong>Daarvan in de prognose van {budget.jaar}:</strong>{' '}
        {formatEuro(voorstel.ditJaarCents)}
      </Typography>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
        Teambudget {budget.jaar}
      </Typography>
      <LinearProgress
        variant="buffer"
        value={pct(budget.prognoseCents)}
        valueBuffer={pct(budget.prognoseNaCents)}
        aria-label="Prognose ten opzichte van het budget"
      />
      <Typography variant="body2">
        Budget {budget.budgetCents === null ? '—' : formatEuro(budget.budgetCents)} · prognose{' '}
        {formatEuro(budget.prognoseCents)} · na deze toewijzing over {over(budget.naDezeCents)}
      </Typography>
      {budget.perceel && (
        <Typography variant="body2">
          Budget perceel {budget.perceel.perceel} {formatEuro(budget.perceel.budgetCents ?? 0)} ·
          prognose {formatEuro(budget.perceel.prognoseCents)} · na deze toewijzing over{' '}
          {over(budget.perceel.naDezeCents)}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        {resterendBasis(budget.laatstePeriode)}
      </Typography>
      {voorstel.beschikkingsvrij && (
        <Alert severity="info">
          Beschikkingsvrije hulp: er is geen beschikking en geen vier-ogenakkoord nodig.
        </Alert>
      )}
      {voorstel.neeTenzijNodig && (
        <TextField
          label="Nee, tenzij: waarom alleen deze aanbieder?"
          value={neeTenzijReden}
          onChange={(e) => setNeeTenzijReden(e.target.value)}
          multiline
          minRows={2}
          required
        />
      )}
      {voorstel.vierOgen.nodig && (
        <>
          <Alert severity="warning">
            Vier ogen: deze toewijzing wordt pas definitief na akkoord van{' '}
            {voorstel.vierOgen.alleenTeamcoach ? 'de teamcoach' : 'een collega of de teamcoach'} (
            {voorstel.vierOgen.redenen.join(', ')}).
            {voorstel.vierOgen.bovenBudgetJaren.length > 0 &&
              ` De prognose komt boven het budget van ${voorstel.vierOgen.bovenBudgetJaren.join(' en ')}.`}
          </Alert>
          <TextField
            label="Toelichting voor de collega die accordeert"
            value={vierOgenReden}
            onChange={(e) => setVierOgenReden(e.target.value)}
            multiline
            minRows={2}
            required
          />
        </>
      )}
    </Box>
  );
}
