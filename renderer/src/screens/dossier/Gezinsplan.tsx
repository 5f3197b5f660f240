import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Dossier, Gezinsplan as Plan, PlanInhoud } from '../../../../shared/api';
import { parseDutchDate } from '../../../../shared/dates';
import type { Ondertekening } from '../../../../shared/api-veldwerk';
import {
  AFSPRAAK_STATUSSEN,
  GEZINSLID_ROLLEN,
  LEEFDOMEINEN,
  ONDERTEKENAARS,
  type GezinslidRol,
  type Leefdomein,
  type Ondertekenaar,
} from '../../../../shared/domain';
import { useExport } from '../../api/use-export';
import { HandtekeningWeergave, Handtekeningvak } from '../../components/Handtekeningvak';
import { InlineForm } from '../../components/InlineForm';
import { useMutation, useQuery } from '../../api/hooks';
import { AutosaveField } from '../../components/AutosaveField';
import { FormDialog } from '../../components/FormDialog';
import { datumOfLeeg, formatDate, momentTekst, DATUM_FOUT } from '../../format';

export function Gezinsplan({
  gezinId,
  alleenLezen,
  leden = [],
}: {
  gezinId: string;
  alleenLezen: boolean;
  /** The family's members: who may sign is chosen from them. */
  leden?: Dossier['leden'];
}) {
  const { data: plan, error, reload } = useQuery('gezinsplan.ophalen', { gezinId }, gezinId);
  const mutate = useMutation();
  const [melding, setMelding] = useState<{ soort: 'success' | 'error'; tekst: string } | null>(
    null,
  );
  const [toestemming, setToestemming] = useState(false);
  const [tekenen, setTekenen] = useState(false);
  const pdf = useExport();
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!plan) return <Typography>Gezinsplan laden ...</Typography>;

  const save = async (
    input: Omit<Parameters<typeof mutate<'gezinsplan.opslaan'>>[1], 'gezinId'>,
  ) => {
    const { error: e } = await mutate('gezinsplan.opslaan', { gezinId, ...input });
    if (!e) reload();
    return e?.message ?? null;
  };
  const domein = (d: Leefdomein) =>
    plan.inhoud.domeinen.find((x) => x.domein === d) ?? { domein: d, situatie: '', doel: '' };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Card component="section" aria-labelledby="status-kop">
        <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography id="status-kop" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            {plan.versie === 0 ? 'Nog geen vastgelegde versie' : `Versie ${plan.versie}`}
            {plan.toestemming
              ? ` · toestemming voor versie ${plan.toestemming.versie} van ${plan.toestemming.door} op ${formatDate(plan.toestemming.op)}`
              : ' · nog geen toestemming'}
          </Typography>
          {plan.gewijzigdSindsVersie && plan.versie > 0 && (
            <Alert severity="warning">
              Gewijzigd sinds versie {plan.versie}: leg opnieuw vast en vraag opnieuw toestemming.
            </Alert>
          )}
          {!alleenLezen && (
            <>
              <Button
                variant="contained"
                disabled={!plan.gewijzigdSindsVersie}
                onClick={async () => {
                  const { data, error: e } = await mutate('gezinsplan.vastleggen', { gezinId });
                  setMelding(
                    e
                      ? { soort: 'error', tekst: e.message }
                      : { soort: 'success', tekst: `Versie ${data!.versie} is vastgelegd.` },
                  );
                  reload();
                }}
              >
                Versie vastleggen
              </Button>
              <Button
                variant="outlined"
                disabled={
                  plan.versie === 0 ||
                  plan.gewijzigdSindsVersie ||
                  plan.toestemming?.versie === plan.versie
                }
                onClick={() => setToestemming(true)}
              >
                Toestemming gezin vastleggen
              </Button>
              <Button
                variant="outlined"
                disabled={plan.versie === 0 || plan.gewijzigdSindsVersie}
                title={
                  plan.gewijzigdSindsVersie
                    ? 'Leg het plan eerst vast; het gezin tekent voor een vastgelegde versie.'
                    : undefined
                }
                onClick={() => setTekenen(true)}
              >
                Laten ondertekenen
              </Button>
            </>
          )}
          <Button
            variant="text"
            onClick={() => void pdf.exporteer({ soort: 'gezinsplan', gezinId })}
          >
            Gezinsplan als PDF
          </Button>
        </CardContent>
        {melding && (
          <Alert severity={melding.soort} sx={{ mx: 2, mb: 2 }}>
            {melding.tekst}
          </Alert>
        )}
        {pdf.fout && (
          <Alert severity="error" sx={{ mx: 2, mb: 2 }}>
            {pdf.fout}
          </Alert>
        )}
      </Card>

      <Handtekeningen plan={plan} />

      <Card component="section" aria-labelledby="eigen-kop">
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography id="eigen-kop" variant="h6" component="h2">
            Wat wij willen bereiken (in onze eigen woorden)
          </Typography>
          <AutosaveField
            draftKey={`plan:${plan.id}:eigenWoorden`}
            label="De doelen van het gezin, zoals het gezin ze zegt"
            value={plan.inhoud.eigenWoorden}
            save={(v) => save({ eigenWoorden: v })}
            multiline
            minRows={3}
            disabled={alleenLezen}
          />
          {plan.toekomstplanNodig && (
            <AutosaveField
              draftKey={`plan:${plan.id}:toekomstplan`}
              label="Toekomstplan (16+): school, werk, wonen, geld na je 18e"
              value={plan.inhoud.toekomstplan ?? ''}
              save={(v) => save({ toekomstplan: v })}
              multiline
              minRows={2}
              disabled={alleenLezen}
            />
          )}
        </CardContent>
      </Card>

      <Card component="section" aria-labelledby="domeinen-kop">
        <CardContent>
          <Typography id="domeinen-kop" variant="h6" component="h2" gutterBottom>
            Leefdomeinen
          </Typography>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: '200px 1fr 1fr',
              gap: 1,
              alignItems: 'start',
            }}
          >
            {LEEFDOMEINEN.codes.map((d) => (
              <Box key={d} sx={{ display: 'contents' }}>
                <Typography sx={{ pt: 1 }}>{LEEFDOMEINEN.labels[d]}</Typography>
                <AutosaveField
                  size="small"
                  draftKey={`plan:${plan.id}:${d}:situatie`}
                  label="Situatie"
                  value={domein(d).situatie}
                  save={(v) => save({ domeinen: [{ ...domein(d), situatie: v }] })}
                  multiline
                  disabled={alleenLezen}
                />
                <AutosaveField
                  size="small"
                  draftKey={`plan:${plan.id}:${d}:doel`}
                  label="Doel"
                  value={domein(d).doel}
                  save={(v) => save({ domeinen: [{ ...domein(d), doel: v }] })}
                  multiline
                  disabled={alleenLezen}
                />
              </Box>
            ))}
          </Box>
        </CardContent>
      </Card>

      <Afspraken plan={plan} gezinId={gezinId} alleenLezen={alleenLezen} reload={reload} />
      <Versies plan={plan} />

      {tekenen && (
        <OndertekenDialog
          gezinId={gezinId}
          plan={plan}
          leden={leden}
          onClose={(naam) => {
            setTekenen(false);
            if (naam) {
              setMelding({
                soort: 'success',
                tekst: `${naam} heeft versie ${plan.versie} ondertekend.`,
              });
              reload();
            }
          }}
        />
      )}
      {toestemming && (
        <ToestemmingDialog
          gezinId={gezinId}
          versie={plan.versie}
          leden={leden}
          onClose={(done) => {
            setToestemming(false);
            if (done) {
              setMelding({
                soort: 'success',
                tekst: `Toestemming voor versie ${plan.versie} is vastgelegd.`,
              });
              reload();
            }
          }}
        />
      )}
    </Box>
  );
}

function Afspraken({
  plan,
  gezinId,
  alleenLezen,
  reload,
}: {
  plan: Plan;
  gezinId: string;
  alleenLezen: boolean;
  reload(): void;
}) {
  const mutate = useMutation();
  const [nieuw, setNieuw] = useState({ wat: '', wie: '', uiterlijk: '' });
  const [bewerkt, setBewerkt] = useState<number | null>(null);
  return (
    <Card component="section" aria-labelledby="afspraken-kop">
      <CardContent>
        <Typography id="afspraken-kop" variant="h6" component="h2">
          Afspraken: wie doet wat, wanneer
        </Typography>
        <Table size="small" aria-labelledby="afspraken-kop">
          <TableHead>
            <TableRow>
              <TableCell>Gedaan</TableCell>
              <TableCell>Wat</TableCell>
              <TableCell>Wie</TableCell>
              <TableCell>Uiterlijk</TableCell>
              {!alleenLezen && <TableCell>Corrigeren</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {plan.inhoud.afspraken.map((a, i) => (
              <TableRow key={plan.afspraakIds[i]}>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={a.status === 'gedaan'}
                    disabled={alleenLezen}
                    slotProps={{ input: { 'aria-label': `${a.wat} gedaan` } }}
                    onChange={async (e) => {
                      await mutate('afspraak.opslaan', {
                        gezinId,
                        id: plan.afspraakIds[i]!,
                        wat: a.wat,
                        wie: a.wie,
                        ...(a.uiterlijk ? { uiterlijk: a.uiterlijk } : {}),
                        status: e.target.checked ? 'gedaan' : 'open',
                      });
                      reload();
                    }}
                  />
                </TableCell>
                <TableCell>{a.wat}</TableCell>
                <TableCell>{a.wie}</TableCell>
                <TableCell>{datumOfLeeg(a.uiterlijk)}</TableCell>
                {!alleenLezen && (
                  <TableCell>
                    <Button
                      size="small"
                      onClick={() => setBewerkt(i)}
                      aria-label={`${a.wat} wijzigen`}
                    >
                      Wijzigen
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {bewerkt !== null && plan.inhoud.afspraken[bewerkt] && (
          <AfspraakDialog
            gezinId={gezinId}
            id={plan.afspraakIds[bewerkt]!}
            afspraak={plan.inhoud.afspraken[bewerkt]}
            onClose={(klaar) => {
              setBewerkt(null);
              if (klaar) reload();
            }}
          />
        )}
        {!alleenLezen && (
          <InlineForm
            submitLabel="Afspraak toevoegen"
            onSubmit={async () => {
              const uiterlijk = nieuw.uiterlijk ? parseDutchDate(nieuw.uiterlijk) : undefined;
              if (uiterlijk === null) return DATUM_FOUT;
              const { error } = await mutate('afspraak.opslaan', {
                gezinId,
                wat: nieuw.wat,
                wie: nieuw.wie,
                ...(uiterlijk ? { uiterlijk } : {}),
              });
              if (!error) {
                setNieuw({ wat: '', wie: '', uiterlijk: '' });
                reload();
              }
              return error?.message ?? null;
            }}
          >
            <TextField
              size="small"
              label="Wat"
              value={nieuw.wat}
              onChange={(e) => setNieuw({ ...nieuw, wat: e.target.value })}
              sx={{ flexGrow: 1 }}
            />
            <TextField
              size="small"
              label="Wie"
              value={nieuw.wie}
              onChange={(e) => setNieuw({ ...nieuw, wie: e.target.value })}
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
      </CardContent>
    </Card>
  );
}

/**
 * Correcting an agreement, or removing one made by mistake. The fixed versions of the plan keep
 * the wording the family saw; only the working plan changes.
 */
function AfspraakDialog({
  gezinId,
  id,
  afspraak,
  onClose,
}: {
  gezinId: string;
  id: string;
  afspraak: PlanInhoud['afspraken'][number];
  onClose(klaar: boolean): void;
}) {
  const mutate = useMutation();
  const [a, setA] = useState({
    wat: afspraak.wat,
    wie: afspraak.wie,
    uiterlijk: afspraak.uiterlijk ? formatDate(afspraak.uiterlijk) : '',
  });
  const [verwijderen, setVerwijderen] = useState(false);
  return (
    <FormDialog
      title={verwijderen ? 'Afspraak verwijderen' : 'Afspraak wijzigen'}
      submitLabel={verwijderen ? 'Verwijderen' : 'Opslaan'}
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        if (verwijderen) {
          const { error } = await mutate('afspraak.verwijderen', { id });
          if (error) return error.message;
          onClose(true);
          return null;
        }
        const uiterlijk = a.uiterlijk ? parseDutchDate(a.uiterlijk) : undefined;
        if (uiterlijk === null) return DATUM_FOUT;
        const { error } = await mutate('afspraak.opslaan', {
          gezinId,
          id,
          wat: a.wat,
          wie: a.wie,
          ...(uiterlijk ? { uiterlijk } : {}),
          status: afspraak.status,
        });
        if (error) return error.message;
        onClose(true);
        return null;
      }}
    >
      {verwijderen ? (
        <Alert severity="warning">
          „{afspraak.wat}” verdwijnt uit het werkplan. Vastgelegde versies houden de afspraak zoals
          het gezin die zag.
        </Alert>
      ) : (
        <>
          <TextField
            label="Wat"
            value={a.wat}
            onChange={(e) => setA({ ...a, wat: e.target.value })}
            required
            autoFocus
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          <TextField
            label="Wie"
            value={a.wie}
            onChange={(e) => setA({ ...a, wie: e.target.value })}
            required
            slotProps={{ htmlInput: { maxLength: 120 } }}
          />
          <TextField
            label="Uiterlijk"
            placeholder="dd-mm-jjjj"
            value={a.uiterlijk}
            onChange={(e) => setA({ ...a, uiterlijk: e.target.value })}
          />
        </>
      )}
      <Box>
        <Button
          color={verwijderen ? 'inherit' : 'error'}
          onClick={() => setVerwijderen(!verwijderen)}
        >
          {verwijderen ? 'Toch wijzigen' : 'Afspraak verwijderen…'}
        </Button>
      </Box>
    </FormDialog>
  );
}

function regels(inhoud: PlanInhoud): [string, string][] {
  return [
    ['Eigen woorden', inhoud.eigenWoorden],
    ['Toekomstplan', inhoud.toekomstplan ?? ''],
    ...inhoud.domeinen.map((d): [string, string] => [
      LEEFDOMEINEN.labels[d.domein],
      `${d.situatie} → ${d.doel}`,
    ]),
    [
      'Afspraken',
      inhoud.afspraken
        .map((a) => `${a.wat} (${a.wie}${a.uiterlijk ? `, ${formatDate(a.uiterlijk)}` : ''})`)
        .join('; '),
    ],
  ];
}

/** Two fixed versions side by side; changed lines are marked. */
function Versies({ plan }: { plan: Plan }) {
  // A choice holds for the versions that existed when it was made: once a new version is fixed
  // the comparison returns to "previous against newest" instead of showing a stale pair.
  const [keuze, setKeuze] = useState<{ bij: number; links: number; rechts: number } | null>(null);
  const geldig = keuze?.bij === plan.versie ? keuze : null;
  const links = geldig?.links ?? Math.max(1, plan.versie - 1);
  const rechts = geldig?.rechts ?? plan.versie;
  const setLinks = (v: number) => setKeuze({ bij: plan.versie, links: v, rechts });
  const setRechts = (v: number) => setKeuze({ bij: plan.versie, links, rechts: v });
  if (plan.versies.length === 0) return null;
  const a = plan.versies.find((v) => v.versie === links) ?? plan.versies[0]!;
  const b = plan.versies.find((v) => v.versie === rechts) ?? plan.versies.at(-1)!;
  const ra = new Map(regels(a.inhoud));
  const rb = new Map(regels(b.inhoud));
  const keys = [...new Set([...ra.keys(), ...rb.keys()])];
  const kies = (label: string, value: number, set: (v: number) => void) => (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => set(Number(e.target.value))}
      sx={{ minWidth: 140 }}
    >
      {plan.versies.map((v) => (
        <MenuItem key={v.versie} value={v.versie}>
          Versie {v.versie} ({formatDate(v.vastgesteldOp)})
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Card component="section" aria-labelledby="versies-kop">
      <CardContent>
        <Typography id="versies-kop" variant="h6" component="h2" gutterBottom>
          Versies vergelijken
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, mb: 1 }}>
          {kies('Links', a.versie, setLinks)}
          {kies('Rechts', b.versie, setRechts)}
        </Box>
        <Table size="small" aria-label="Versies vergelijken">
          <TableHead>
            <TableRow>
              <TableCell>Onderdeel</TableCell>
              <TableCell>Versie {a.versie}</TableCell>
              <TableCell>Versie {b.versie}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {keys.map((k) => {
              const changed = (ra.get(k) ?? '') !== (rb.get(k) ?? '');
              return (
                <TableRow key={k} sx={changed ? { bgcolor: '#fff4d6' } : undefined}>
                  <TableCell>
                    {k}
                    {changed ? ' (gewijzigd)' : ''}
                  </TableCell>
                  <TableCell>{ra.get(k) || '—'}</TableCell>
                  <TableCell>{rb.get(k) || '—'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

function ToestemmingDialog({
  gezinId,
  versie,
  leden,
  onClose,
}: {
  gezinId: string;
  versie: number;
  leden: Dossier['leden'];
  onClose(done: boolean): void;
}) {
  const mutate = useMutation();
  const [door, setDoor] = useState('');
  return (
    <FormDialog
      title={`Toestemming voor versie ${versie}`}
      submitLabel="Toestemming vastleggen"
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        const { error } = await mutate('gezinsplan.toestemming', { gezinId, door });
        if (error) return error.message;
        onClose(true);
        return null;
      }}
    >
      <Typography>
        Het gezin heeft versie {versie} van het plan gezien en gaat ermee akkoord.
      </Typography>
      <GezinslidNaam label="Toestemming gegeven door" leden={leden} naam={door} onNaam={setDoor} />
    </FormDialog>
  );
}

const ONDERTEKENING_STAND: Record<
  Ondertekening,
  { label: string; kleur: 'success' | 'warning' | 'default' }
> = {
  niet: { label: 'Nog niet ondertekend', kleur: 'default' },
  ondertekend: { label: 'Ondertekend', kleur: 'success' },
  opnieuw: { label: 'Gewijzigd na ondertekening: nog niet opnieuw ondertekend', kleur: 'warning' },
};

function Handtekeningen({ plan }: { plan: Plan }) {
  const stand = ONDERTEKENING_STAND[plan.ondertekening];
  const laatste = plan.handtekeningen.at(-1)?.versie;
  const getoond = plan.handtekeningen.filter((h) => h.versie === laatste);
  return (
    <Card component="section" aria-labelledby="handtekeningen-kop">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Typography id="handtekeningen-kop" variant="h6" component="h2">
            Handtekeningen
          </Typography>
          <Chip label={stand.label} color={stand.kleur} data-testid="ondertekening" />
        </Box>
        {getoond.length === 0 ? (
          <Typography color="text.secondary">
            Nog niemand heeft het plan ondertekend. Leg een versie vast en laat het gezin tekenen op
            het scherm, of druk het plan af om op papier te tekenen.
          </Typography>
        ) : (
          <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
            {getoond.map((h) => (
              <Box key={h.id} sx={{ width: 300 }}>
                <HandtekeningWeergave lijnen={h.lijnen} naam={h.naam} />
                <Typography variant="body2" sx={{ fontWeight: 'bold' }}>
                  {h.naam}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {ONDERTEKENAARS.labels[h.rol]} · versie {h.versie} · {momentTekst(h.getekendOp)}
                </Typography>
              </Box>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

/** A member's role in the family as the role they sign in. */
const TEKENT_ALS: Record<GezinslidRol, Ondertekenaar> = {
  ouder: 'ouder',
  jeugdige: 'jeugdige',
  overig: 'netwerk',
};

interface Tekenaar {
  naam: string;
  rol: GezinslidRol;
}

/**
 * Who signs or consents: chosen from the family's members (parents first, they usually do), or
 * typed for someone else (a grandparent, a guardian). `onLid` tells the chosen member's role.
 */
function GezinslidNaam({
  label,
  leden,
  naam,
  onNaam,
  onLid,
}: {
  label: string;
  leden: Dossier['leden'];
  naam: string;
  onNaam(naam: string): void;
  onLid?(rol: GezinslidRol): void;
}) {
  const keuzes: Tekenaar[] = [...leden]
    .sort((a, b) => (a.rol === 'ouder' ? 0 : 1) - (b.rol === 'ouder' ? 0 : 1))
    .map((l) => ({ naam: `${l.voornaam} ${l.achternaam}`.trim(), rol: l.rol }));
  return (
    <Autocomplete
      freeSolo
      options={keuzes}
      getOptionLabel={(t) => (typeof t === 'string' ? t : t.naam)}
      renderOption={({ key, ...props }, t) => (
        <li key={key} {...props}>
          {t.naam}
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
            {GEZINSLID_ROLLEN.labels[t.rol]}
          </Typography>
        </li>
      )}
      inputValue={naam}
      onInputChange={(_, v) => onNaam(v)}
      onChange={(_, t) => {
        if (t && typeof t !== 'string') onLid?.(t.rol);
      }}
      sx={{ flexGrow: 1 }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          helperText="Kies een gezinslid, of typ de naam van iemand anders"
          required
          autoFocus
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, maxLength: 120 },
          }}
        />
      )}
    />
  );
}

/** The fixed version being signed, as the family reads it before signing. */
function PlanTekst({ inhoud, versie }: { inhoud: PlanInhoud; versie: number }) {
  const domeinen = inhoud.domeinen.filter((d) => d.situatie.trim() || d.doel.trim());
  const kop = (tekst: string) => (
    <Typography variant="subtitle2" component="h3" sx={{ mt: 1.5, '&:first-of-type': { mt: 0 } }}>
      {tekst}
    </Typography>
  );
  return (
    <Box
      role="region"
      aria-label={`Versie ${versie} van het gezinsplan`}
      // Focusable so the text scrolls with the keyboard too.
      tabIndex={0}
      data-testid="plan-tekst"
      sx={{
        maxHeight: 150,
        overflowY: 'auto',
        border: '1px solid',
        borderColor: 'grey.400',
        borderRadius: 1,
        p: 1.5,
        bgcolor: 'grey.50',
        '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
      }}
    >
      {kop('Wat wij willen bereiken, in onze eigen woorden')}
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {inhoud.eigenWoorden.trim() || 'Nog niet ingevuld.'}
      </Typography>
      {inhoud.toekomstplan?.trim() && (
        <>
          {kop('Toekomstplan')}
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {inhoud.toekomstplan}
          </Typography>
        </>
      )}
      {domeinen.length > 0 && (
        <>
          {kop('Leefdomeinen')}
          {domeinen.map((d) => (
            <Typography key={d.domein} variant="body2">
              <strong>{LEEFDOMEINEN.labels[d.domein]}:</strong> {d.situatie || '—'} →{' '}
              {d.doel || '—'}
            </Typography>
          ))}
        </>
      )}
      {kop('Afspraken')}
      {inhoud.afspraken.length === 0 ? (
        <Typography variant="body2">Geen afspraken.</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {inhoud.afspraken.map((a, i) => (
            <Typography component="li" variant="body2" key={i}>
              {a.wat} ({a.wie}
              {a.uiterlijk ? `, uiterlijk ${formatDate(a.uiterlijk)}` : ''})
              {a.status !== 'open' ? ` · ${AFSPRAAK_STATUSSEN.labels[a.status]}` : ''}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}

function OndertekenDialog({
  gezinId,
  plan,
  leden,
  onClose,
}: {
  gezinId: string;
  plan: Plan;
  leden: Dossier['leden'];
  /** The signer's name when signed, null when cancelled. */
  onClose(naam: string | null): void;
}) {
  const mutate = useMutation();
  const [naam, setNaam] = useState('');
  const [rol, setRol] = useState<Ondertekenaar>('ouder');
  const [lijnen, setLijnen] = useState('');
  const versie = plan.versie;
  const vastgelegd = plan.versies.find((v) => v.versie === versie) ?? plan.versies.at(-1);
  return (
    <FormDialog
      title={`Versie ${versie} ondertekenen`}
      submitLabel="Handtekening opslaan"
      maxWidth="md"
      onCancel={() => onClose(null)}
      onSubmit={async () => {
        if (!lijnen) return 'Zet eerst een handtekening in het vak.';
        const { error } = await mutate('gezinsplan.ondertekenen', {
          gezinId,
          naam: naam.trim(),
          rol,
          lijnen,
        });
        if (error) return error.message;
        onClose(naam.trim());
        return null;
      }}
    >
      <Typography>
        Met deze handtekening gaat u akkoord met versie {versie} van het gezinsplan. Lees het plan
        hieronder eerst door. Wordt het plan later gewijzigd, dan vraagt Eenplan om opnieuw te
        tekenen.
      </Typography>
      {vastgelegd && <PlanTekst inhoud={vastgelegd.inhoud} versie={versie} />}
      <Box sx={{ display: 'flex', gap: 2 }}>
        <GezinslidNaam
          label="Naam van wie tekent"
          leden={leden}
          naam={naam}
          onNaam={setNaam}
          onLid={(lidRol) => setRol(TEKENT_ALS[lidRol])}
        />
        <TextField
          select
          label="Als"
          value={rol}
          onChange={(e) => setRol(e.target.value as Ondertekenaar)}
          sx={{ minWidth: 200 }}
        >
          {ONDERTEKENAARS.codes.map((c) => (
            <MenuItem key={c} value={c}>
              {ONDERTEKENAARS.labels[c]}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Handtekeningvak label="Handtekening" onChange={setLijnen} />
    </FormDialog>
  );
}
