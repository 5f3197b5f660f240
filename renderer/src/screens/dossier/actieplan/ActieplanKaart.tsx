import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Step,
  StepContent,
  StepLabel,
  Stepper,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Actieplan, Dossier } from '../../../../../shared/api';
import { TRIAGE_UITKOMSTEN, VERWIJZERS, type TriageUitkomst } from '../../../../../shared/domain';
import { isVoorliggendBekeken } from '../../../../../shared/voorliggend';
import { useMutation } from '../../../api/hooks';
import { useExport } from '../../../api/use-export';
import { AutosaveField } from '../../../components/AutosaveField';
import { formatDate } from '../../../format';
import { alleenLezen } from '../alleen-lezen';
import { SocialeKaart } from '../SocialeKaart';
import { Toewijzingen } from '../Toewijzingen';
import { ZorgprofielKeuze } from '../ZorgprofielKeuze';
import { Doelen } from './Doelen';

type Tekstvelden = Partial<
  Record<'hulpvraag' | 'problemen' | 'eigenKracht' | 'netwerk' | 'voorliggend', string>
>;

/** Saving the plan's texts and its triage; the triage's refusal shows under the steps. */
function useActieplanOpslaan(a: Actieplan, reload: () => void) {
  const mutate = useMutation();
  const [fout, setFout] = useState<string | null>(null);
  const save = async (fields: Tekstvelden) => {
    const { error } = await mutate('actieplan.opslaan', { id: a.id, ...fields });
    // A refused triage names what was missing; once something is filled in that message is
    // history, so it goes rather than staying until a reload.
    if (!error) {
      setFout(null);
      reload();
    }
    return error?.message ?? null;
  };
  const triage = async (uitkomst: TriageUitkomst) => {
    const { error } = await mutate('actieplan.triage', { id: a.id, uitkomst });
    setFout(error?.message ?? null);
    if (!error) reload();
  };
  return { save, triage, fout };
}

export function ActieplanKaart({
  actieplan: a,
  dossier,
  reload,
}: {
  actieplan: Actieplan;
  dossier: Dossier;
  reload(): void;
}) {
  const opslaan = useActieplanOpslaan(a, reload);
  const { save } = opslaan;
  const dicht = a.status === 'afgerond' || alleenLezen(dossier);
  const pdf = useExport();
  return (
    <Card component="section" aria-label={`Actieplan ${a.jeugdigeNaam}`}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <ActieplanKop
          a={a}
          onPdf={() =>
            void pdf.exporteer({ soort: 'actieplan', gezinId: dossier.gezin.id, actieplanId: a.id })
          }
        />
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
          <AutosaveField
            draftKey={`ap:${a.id}:hulpvraag`}
            label="Hulpvraag"
            value={a.hulpvraag}
            save={(v) => save({ hulpvraag: v })}
            multiline
            disabled={dicht}
          />
          <AutosaveField
            draftKey={`ap:${a.id}:problemen`}
            label="Problemen"
            value={a.problemen}
            save={(v) => save({ problemen: v })}
            multiline
            disabled={dicht}
          />
        </Box>

        {pdf.fout && <Alert severity="error">{pdf.fout}</Alert>}
        <TriageStappen a={a} dicht={dicht} reload={reload} opslaan={opslaan} />

        <Doelen actieplan={a} dicht={dicht} reload={reload} />
        {a.triageUitkomst === 'laten_doen' && (
          <ZorgprofielKeuze actieplan={a} dicht={dicht} reload={reload} />
        )}
        {(a.toewijzingen.length > 0 || a.triageUitkomst === 'laten_doen') && (
          <Toewijzingen actieplan={a} dicht={dicht} reload={reload} />
        )}
      </CardContent>
    </Card>
  );
}

function ActieplanKop({ a, onPdf }: { a: Actieplan; onPdf(): void }) {
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
        Actieplan {a.jeugdigeNaam} · geopend {formatDate(a.geopendOp)}
      </Typography>
      <Chip label={VERWIJZERS.labels[a.verwijzer].split(' (')[0]} variant="outlined" />
      {a.triageUitkomst && (
        <Chip color="primary" label={TRIAGE_UITKOMSTEN.labels[a.triageUitkomst]} />
      )}
      <Chip
        label={
          a.status === 'open' ? 'Open' : `Afgerond ${a.afgerondOp ? formatDate(a.afgerondOp) : ''}`
        }
      />
      <Button variant="text" onClick={onPdf}>
        Actieplan als PDF
      </Button>
    </Box>
  );
}

/** Triage in three steps: own strength, together, and what is left to the youth care. */
function TriageStappen({
  a,
  dicht,
  reload,
  opslaan,
}: {
  a: Actieplan;
  dicht: boolean;
  reload(): void;
  opslaan: ReturnType<typeof useActieplanOpslaan>;
}) {
  const { save, triage, fout } = opslaan;
  // A voorziening taken from the sociale kaart counts as voorliggende voorzieningen bekeken.
  const voorliggendBekeken = isVoorliggendBekeken(a.voorliggend, a.voorzieningen.length);
  const stap = a.triageUitkomst ? 3 : a.netwerk && voorliggendBekeken ? 2 : a.eigenKracht ? 1 : 0;
  return (
    <>
      <Typography variant="subtitle1" component="h3">
        Triage: wat kun je zelf, wat doen we samen, wat laten we doen
      </Typography>
      <Stepper activeStep={stap} orientation="vertical" nonLinear>
        <Step completed={Boolean(a.eigenKracht)} expanded>
          <StepLabel>Wat kan het gezin zelf? (eigen kracht)</StepLabel>
          <StepContent>
            <AutosaveField
              draftKey={`ap:${a.id}:eigenKracht`}
              label="Eigen kracht"
              value={a.eigenKracht ?? ''}
              save={(v) => save({ eigenKracht: v })}
              multiline
              fullWidth
              disabled={dicht}
            />
          </StepContent>
        </Step>
        <Step completed={Boolean(a.netwerk && voorliggendBekeken)} expanded>
          <StepLabel>Wat doen we samen? (netwerk en voorliggende voorzieningen)</StepLabel>
          <StepContent>
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
              <AutosaveField
                draftKey={`ap:${a.id}:netwerk`}
                label="Netwerk"
                value={a.netwerk ?? ''}
                save={(v) => save({ netwerk: v })}
                multiline
                disabled={dicht}
              />
              <AutosaveField
                draftKey={`ap:${a.id}:voorliggend`}
                label="Voorliggende voorzieningen (sociale kaart)"
                helperText="Bijvoorbeeld huiswerkbegeleiding: dat is geen jeugdhulp."
                value={a.voorliggend ?? ''}
                save={(v) => save({ voorliggend: v })}
                multiline
                disabled={dicht}
              />
            </Box>
            <SocialeKaart actieplan={a} dicht={dicht} reload={reload} />
          </StepContent>
        </Step>
        <Step completed={Boolean(a.triageUitkomst)} expanded>
          <StepLabel>Wat laten we doen?</StepLabel>
          <StepContent>
            {!dicht && <TriageKeuze gekozen={a.triageUitkomst} onKies={triage} />}
            {fout && (
              <Alert severity="error" sx={{ mt: 1 }}>
                {fout}
              </Alert>
            )}
          </StepContent>
        </Step>
      </Stepper>
    </>
  );
}

/** The triage's outcome, chosen with one of three buttons. */
function TriageKeuze({
  gekozen,
  onKies,
}: {
  gekozen: Actieplan['triageUitkomst'];
  onKies(uitkomst: TriageUitkomst): void;
}) {
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      <Button
        variant={gekozen === 'zelf' ? 'contained' : 'outlined'}
        onClick={() => onKies('zelf')}
      >
        Het gezin lost het zelf op
      </Button>
      <Button
        variant={gekozen === 'samen' ? 'contained' : 'outlined'}
        onClick={() => onKies('samen')}
      >
        Samen met netwerk en voorzieningen
      </Button>
      <Button
        variant={gekozen === 'laten_doen' ? 'contained' : 'outlined'}
        color="secondary"
        onClick={() => onKies('laten_doen')}
      >
        Jeugdhulp is nodig
      </Button>
    </Box>
  );
}
