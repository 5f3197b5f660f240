import {
  Box,
  Button,
  Card,
  CardContent,
  List,
  ListItem,
  ListItemText,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Dossier } from '../../../../shared/api';
import { GEZINSLID_ROLLEN } from '../../../../shared/domain';
import { InlineForm } from '../../components/InlineForm';
import { useMutation } from '../../api/hooks';
import { formatDate } from '../../format';
import { BsnTonen } from './BsnTonen';
import { alleenLezen } from './alleen-lezen';
import { GezinGegevens } from './GezinGegevens';
import { GezinslidDialog, GezinslidVerwijderenDialog } from './GezinslidDialog';
import { Medewerkers } from './Medewerkers';

export function Overzicht({ dossier, reload }: { dossier: Dossier; reload(): void }) {
  const mutate = useMutation();
  const [netwerk, setNetwerk] = useState({ naam: '', relatie: '', rolInPlan: '' });
  const [nieuwLid, setNieuwLid] = useState(false);
  const [lidDialoog, setLidDialoog] = useState<{
    soort: 'wijzigen' | 'verwijderen';
    lid: Dossier['leden'][number];
  } | null>(null);
  const dicht = alleenLezen(dossier);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
      {/* Full width: with contact actions per member the table needs the room. */}
      <Card component="section" aria-labelledby="leden-kop" sx={{ gridColumn: { md: '1 / -1' } }}>
        <CardContent>
          <Typography id="leden-kop" variant="h6" component="h2">
            Gezinsleden
          </Typography>
          <Table size="small" aria-labelledby="leden-kop">
            <TableHead>
              <TableRow>
                <TableCell>Naam</TableCell>
                <TableCell>Rol</TableCell>
                <TableCell>Geboren</TableCell>
                <TableCell>BSN</TableCell>
                {!dicht && <TableCell>Acties</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {dossier.leden.map((l) => (
                <TableRow key={l.id}>
                  <TableCell>
                    {l.voornaam} {l.achternaam}
                  </TableCell>
                  <TableCell>{GEZINSLID_ROLLEN.labels[l.rol]}</TableCell>
                  <TableCell>
                    {formatDate(l.geboortedatum)} ({l.leeftijd})
                  </TableCell>
                  <TableCell>
                    {l.bsnGemaskeerd ? <BsnTonen lidId={l.id} gemaskeerd={l.bsnGemaskeerd} /> : '—'}
                  </TableCell>
                  {!dicht && (
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <Button
                        size="small"
                        aria-label={`${l.voornaam} ${l.achternaam} wijzigen`}
                        onClick={() => setLidDialoog({ soort: 'wijzigen', lid: l })}
                      >
                        Wijzigen
                      </Button>
                      <Button
                        size="small"
                        color="error"
                        aria-label={`${l.voornaam} ${l.achternaam} verwijderen`}
                        onClick={() => setLidDialoog({ soort: 'verwijderen', lid: l })}
                      >
                        Verwijderen
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {!dicht && (
            <Button sx={{ mt: 1 }} onClick={() => setNieuwLid(true)}>
              Gezinslid toevoegen
            </Button>
          )}
          {nieuwLid && (
            <GezinslidDialog
              gezinId={dossier.gezin.id}
              onClose={(done) => {
                setNieuwLid(false);
                if (done) reload();
              }}
            />
          )}
          {lidDialoog?.soort === 'wijzigen' && (
            <GezinslidDialog
              gezinId={dossier.gezin.id}
              lid={lidDialoog.lid}
              onClose={(done) => {
                setLidDialoog(null);
                if (done) reload();
              }}
            />
          )}
          {lidDialoog?.soort === 'verwijderen' && (
            <GezinslidVerwijderenDialog
              lid={lidDialoog.lid}
              onClose={(done) => {
                setLidDialoog(null);
                if (done) reload();
              }}
            />
          )}
        </CardContent>
      </Card>
      <GezinGegevens dossier={dossier} dicht={dicht} reload={reload} />
      <Card component="section" aria-labelledby="signalen-kop">
        <CardContent>
          <Typography id="signalen-kop" variant="h6" component="h2">
            Signalen
          </Typography>
          {dossier.signalen.length === 0 ? (
            <Typography color="text.secondary">Geen signalen.</Typography>
          ) : (
            <List dense>
              {dossier.signalen.map((s, i) => (
                <ListItem key={i}>
                  <ListItemText primary={s.tekst} />
                </ListItem>
              ))}
            </List>
          )}
        </CardContent>
      </Card>
      <Card component="section" aria-labelledby="netwerk-kop">
        <CardContent>
          <Typography id="netwerk-kop" variant="h6" component="h2">
            Netwerk
          </Typography>
          <List dense>
            {dossier.netwerk.map((n) => (
              <ListItem
                key={n.id}
                secondaryAction={
                  !dicht && (
                    <Button
                      size="small"
                      onClick={async () =>
                        (await mutate('netwerklid.verwijderen', { id: n.id })).data && reload()
                      }
                    >
                      Verwijderen
                    </Button>
                  )
                }
              >
                <ListItemText
                  primary={`${n.naam} (${n.relatie})`}
                  secondary={[n.rolInPlan, n.telefoon].filter(Boolean).join(' · ') || undefined}
                />
              </ListItem>
            ))}
          </List>
          {!dicht && (
            <InlineForm
              submitLabel="Toevoegen"
              onSubmit={async () => {
                const { error } = await mutate('netwerklid.opslaan', {
                  gezinId: dossier.gezin.id,
                  naam: netwerk.naam,
                  relatie: netwerk.relatie,
                  ...(netwerk.rolInPlan ? { rolInPlan: netwerk.rolInPlan } : {}),
                });
                if (!error) {
                  setNetwerk({ naam: '', relatie: '', rolInPlan: '' });
                  reload();
                }
                return error?.message ?? null;
              }}
            >
              <TextField
                size="small"
                label="Naam"
                value={netwerk.naam}
                onChange={(e) => setNetwerk({ ...netwerk, naam: e.target.value })}
              />
              <TextField
                size="small"
                label="Relatie"
                value={netwerk.relatie}
                onChange={(e) => setNetwerk({ ...netwerk, relatie: e.target.value })}
              />
              <TextField
                size="small"
                label="Wat doet hij/zij in het plan"
                value={netwerk.rolInPlan}
                onChange={(e) => setNetwerk({ ...netwerk, rolInPlan: e.target.value })}
              />
            </InlineForm>
          )}
        </CardContent>
      </Card>
      <Medewerkers dossier={dossier} reload={reload} />
      <Card component="section" aria-labelledby="tijdlijn-kop">
        <CardContent>
          <Typography id="tijdlijn-kop" variant="h6" component="h2">
            Tijdlijn
          </Typography>
          <List dense sx={{ maxHeight: 320, overflow: 'auto' }}>
            {dossier.tijdlijn.map((e, i) => (
              <ListItem key={i}>
                <ListItemText primary={e.tekst} secondary={formatDate(e.datum)} />
              </ListItem>
            ))}
          </List>
        </CardContent>
      </Card>
    </Box>
  );
}
