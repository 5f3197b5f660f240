import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  MenuItem,
  Step,
  StepContent,
  StepLabel,
  Stepper,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Actieplan, Dossier } from '../../../../shared/api';
import { parseDutchDate } from '../../../../shared/dates';
import { isVoorliggendBekeken } from '../../../../shared/voorliggend';
import {
  DOEL_RESULTATEN,
  TRIAGE_UITKOMSTEN,
  VERWIJZERS,
  type TriageUitkomst,
  type Verwijzer,
} from '../../../../shared/domain';
import { InlineForm } from '../../components/InlineForm';
import { useMutation } from '../../api/hooks';
import { AutosaveField } from '../../components/AutosaveField';
import { FormDialog } from '../../components/FormDialog';
import { formatDate } from '../../format';
import { alleenLezen } from './alleen-lezen';
import { DoelDialog, DoelTrend } from './DoelVoortgang';
import { Toewijzingen } from './Toewijzingen';
import { ZorgprofielKeuze } from './ZorgprofielKeuze';
import { CodeSelect } from '../../components/CodeSelect';
import { useExport } from '../../api/use-export';
import { SocialeKaart } from './SocialeKaart';

export function Actieplannen({ dossier, reload }: { dossier: Dossier; reload(): void }) {
  const [nieuw, setNieuw] = useState(false);
  const dicht = alleenLezen(dossier);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {!dicht && (
        <Button variant="contained" sx={{ alignSelf: 'flex-start' }} onClick={() => setNieuw(true)}>
          Nieuw actieplan
        </Button>
      )}
      {dossier.actieplannen.length === 0 && (
        <Typography color="text.secondary">Nog geen actieplannen.</Typography>
      )}
      {dossier.actieplannen.map((a) => (
        <ActieplanKaart key={a.id} actieplan={a} dossier={dossier} reload={reload} />
      ))}
      {nieuw && (
        <NieuwActieplanDialog
          dossier={dossier}
          onClose={(done) => {
            setNieuw(false);
            if (done) reload();
          }}
        />
      )}
    </Box>
  );
}

function NieuwActieplanDialog({
  dossier,
  onClose,
}: {
  dossier: Dossier;
  onClose(done: boolean): void;
}) {
  const mutate = useMutation();
  const jeugdigen = dossier.leden.filter((l) => l.rol === 'jeugdige');
  const [jeugdigeId, setJeugdigeId] = useState(jeugdigen[0]?.id ?? '');
  const [hulpvraag, setHulpvraag] = useState('');
  const [verwijzer, setVerwijzer] = useState<Verwijzer>('jeugdteam');
  return (
    <FormDialog
      title="Nieuw actieplan"
      submitLabel="Actieplan maken"
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        const { error } = await mutate('actieplan.aanmaken', {
          gezinId: dossier.gezin.id,
          jeugdigeId,
          hulpvraag,
          verwijzer,
        });
        if (error) return error.message;
        onClose(true);
        return null;
      }}
    >
      <TextField
        select
        label="Voor jeugdige"
        value={jeugdigeId}
        onChange={(e) => setJeugdigeId(e.target.value)}
        required
      >
        {jeugdigen.map((j) => (
          <MenuItem key={j.id} value={j.id}>
            {j.voornaam} ({j.leeftijd})
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="Hulpvraag"
        value={hulpvraag}
        onChange={(e) => setHulpvraag(e.target.value)}
        multiline
        minRows={2}
        required
        autoFocus
      />
      <CodeSelect
        label="Verwijzer"
        list={VERWIJZERS}
        value={verwijzer}
        onChange={(v) => v && setVerwijzer(v)}
      />
    </FormDialog>
  );
}

function ActieplanKaart({
  actieplan: a,
  dossier,
  reload,
}: {
  actieplan: Actieplan;
  dossier: Dossier;
  reload(): void;
}) {
  const mutate = useMutation();
  const [fout, setFout] = useState<string | null>(null);
  const dicht = a.status === 'afgerond' || alleenLezen(dossier);
  const save = async (
    fields: Partial<
      Record<'hulpvraag' | 'problemen' | 'eigenKracht' | 'netwerk' | 'voorliggend', string>
    >,
  ) => {
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
  // A voorziening taken from the sociale kaart counts as voorliggende voorzieningen bekeken.
  const voorliggendBekeken = isVoorliggendBekeken(a.voorliggend, a.voorzieningen.length);
  const stap = a.triageUitkomst ? 3 : a.netwerk && voorliggendBekeken ? 2 : a.eigenKracht ? 1 : 0;
  const pdf = useExport();
  return (
    <Card component="section" aria-label={`Actieplan ${a.jeugdigeNaam}`}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
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
              a.status === 'open'
                ? 'Open'
                : `Afgerond ${a.afgerondOp ? formatDate(a.afgerondOp) : ''}`
            }
          />
          <Button
            variant="text"
            onClick={() =>
              void pdf.exporteer({
                soort: 'actieplan',
                gezinId: dossier.gezin.id,
                actieplanId: a.id,
              })
            }
          >
            Actieplan als PDF
          </Button>
        </Box>
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
              {!dicht && (
                <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                  <Button
                    variant={a.triageUitkomst === 'zelf' ? 'contained' : 'outlined'}
                    onClick={() => triage('zelf')}
                  >
                    Het gezin lost het zelf op
                  </Button>
                  <Button
                    variant={a.triageUitkomst === 'samen' ? 'contained' : 'outlined'}
                    onClick={() => triage('samen')}
                  >
                    Samen met netwerk en voorzieningen
                  </Button>
                  <Button
                    variant={a.triageUitkomst === 'laten_doen' ? 'contained' : 'outlined'}
                    color="secondary"
                    onClick={() => triage('laten_doen')}
                  >
                    Jeugdhulp is nodig
                  </Button>
                </Box>
              )}
              {fout && (
                <Alert severity="error" sx={{ mt: 1 }}>
                  {fout}
                </Alert>
              )}
            </StepContent>
          </Step>
        </Stepper>

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

function Doelen({
  actieplan: a,
  dicht,
  reload,
}: {
  actieplan: Actieplan;
  dicht: boolean;
  reload(): void;
}) {
  const mutate = useMutation();
  const [nieuw, setNieuw] = useState({ omschrijving: '', meetbaar: '', uiterlijk: '' });
  const [wijzig, setWijzig] = useState<Actieplan['doelen'][number] | null>(null);
  return (
    <Box component="section" aria-label="SMART-doelen">
      <Typography variant="subtitle1" component="h3">
        SMART-doelen
      </Typography>
      {a.doelen.map((d) => (
        <Box key={d.id} sx={{ ml: 1, mb: 0.5 }}>
          <Typography>
            • {d.omschrijving} — <em>{d.meetbaar}</em> (uiterlijk {formatDate(d.uiterlijk)}
            {/* Open goals show their progress per evaluation instead of "nog open". */}
            {d.resultaat !== 'open' ? `; ${DOEL_RESULTATEN.labels[d.resultaat].toLowerCase()}` : ''}
            )
            {!dicht && (
              <Button
                size="small"
                sx={{ ml: 1 }}
                aria-label={`Doel "${d.omschrijving}" wijzigen`}
                onClick={() => setWijzig(d)}
              >
                Wijzigen
              </Button>
            )}
          </Typography>
          <Box sx={{ ml: 2 }}>
            <DoelTrend doel={d} />
          </Box>
        </Box>
      ))}
      {wijzig && (
        <DoelDialog
          actieplanId={a.id}
          doel={wijzig}
          onClose={(done) => {
            setWijzig(null);
            if (done) reload();
          }}
        />
      )}
      {!dicht && (
        <InlineForm
          submitLabel="Doel toevoegen"
          onSubmit={async () => {
            const uiterlijk = parseDutchDate(nieuw.uiterlijk);
            if (!uiterlijk) return 'Vul bij "uiterlijk" een datum in als dd-mm-jjjj.';
            const { error } = await mutate('doel.opslaan', {
              actieplanId: a.id,
              omschrijving: nieuw.omschrijving,
              meetbaar: nieuw.meetbaar,
              uiterlijk,
            });
            if (!error) {
              setNieuw({ omschrijving: '', meetbaar: '', uiterlijk: '' });
              reload();
            }
            return error?.message ?? null;
          }}
        >
          <TextField
            size="small"
            label="Doel"
            value={nieuw.omschrijving}
            onChange={(e) => setNieuw({ ...nieuw, omschrijving: e.target.value })}
            sx={{ flexGrow: 1 }}
          />
          <TextField
            size="small"
            label="Meetbaar: hoe weten we dat het bereikt is?"
            value={nieuw.meetbaar}
            onChange={(e) => setNieuw({ ...nieuw, meetbaar: e.target.value })}
            sx={{ flexGrow: 1 }}
          />
          <TextField
            size="small"
            label="Uiterlijk"
            placeholder="dd-mm-jjjj"
            value={nieuw.uiterlijk}
            onChange={(e) => setNieuw({ ...nieuw, uiterlijk: e.target.value })}
          />
        </InlineForm>
      )}
    </Box>
  );
}
