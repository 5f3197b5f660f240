/**
 * What a professional looks up before a visit: how to reach the parents, who holds gezag, the
 * children's schools, the huisarts and whether an interpreter is needed.
 */
import {
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Dossier } from '../../../../shared/api';
import { FormDialog } from '../../components/FormDialog';
import { useSubmitMutation } from '../../components/use-submit-mutation';

function Regel({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <Typography component="dt" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0 }}>
        {children}
      </Typography>
    </>
  );
}

export function GezinGegevens({
  dossier,
  dicht,
  reload,
}: {
  dossier: Dossier;
  dicht: boolean;
  reload(): void;
}) {
  const [bewerken, setBewerken] = useState(false);
  const { gezin, leden } = dossier;
  const volwassenen = leden.filter((l) => l.rol !== 'jeugdige');
  const jeugdigen = leden.filter((l) => l.rol === 'jeugdige');
  const gezag = volwassenen.filter((l) => l.gezag).map((l) => l.voornaam);
  const onbekend = 'niet ingevuld';
  return (
    <Card component="section" aria-labelledby="gegevens-kop">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <Typography id="gegevens-kop" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            Voor een bezoek
          </Typography>
          {!dicht && <Button onClick={() => setBewerken(true)}>Gegevens wijzigen</Button>}
        </Box>
        <Box
          component="dl"
          sx={{
            display: 'grid',
            gridTemplateColumns: 'max-content 1fr',
            columnGap: 2,
            rowGap: 0.5,
          }}
        >
          {volwassenen.map((l) => (
            <Regel key={l.id} label={`${l.voornaam} ${l.achternaam}`}>
              {[l.telefoon, l.email].filter(Boolean).join(' · ') || 'geen telefoon of e-mail'}
            </Regel>
          ))}
          <Regel label="Gezag">
            {[gezag.length ? gezag.join(' en ') : null, gezin.gezagToelichting]
              .filter(Boolean)
              .join('; ') || onbekend}
          </Regel>
          {jeugdigen.map((l) => (
            <Regel key={l.id} label={`School ${l.voornaam}`}>
              {l.school ?? onbekend}
            </Regel>
          ))}
          <Regel label="Huisarts">{gezin.huisarts ?? onbekend}</Regel>
          <Regel label="Tolk">
            {gezin.tolkNodig ? `nodig (${gezin.tolkTaal ?? 'taal onbekend'})` : 'niet nodig'}
          </Regel>
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Telefoon, e-mail, gezag en school wijzigt u bij het gezinslid.
        </Typography>
        {bewerken && (
          <GegevensDialog
            dossier={dossier}
            onClose={(klaar) => {
              setBewerken(false);
              if (klaar) reload();
            }}
          />
        )}
      </CardContent>
    </Card>
  );
}

function GegevensDialog({ dossier, onClose }: { dossier: Dossier; onClose(klaar: boolean): void }) {
  const submit = useSubmitMutation();
  const { gezin } = dossier;
  const [g, setG] = useState({
    huisarts: gezin.huisarts ?? '',
    gezagToelichting: gezin.gezagToelichting ?? '',
    tolkNodig: gezin.tolkNodig,
    tolkTaal: gezin.tolkTaal ?? '',
  });
  return (
    <FormDialog
      title="Gegevens voor een bezoek"
      submitLabel="Opslaan"
      onCancel={() => onClose(false)}
      onSubmit={() => submit('gezin.gegevens', { gezinId: gezin.id, ...g }, () => onClose(true))}
    >
      <TextField
        label="Huisarts"
        value={g.huisarts}
        onChange={(e) => setG({ ...g, huisarts: e.target.value })}
        autoFocus
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      <TextField
        label="Gezag: toelichting"
        value={g.gezagToelichting}
        onChange={(e) => setG({ ...g, gezagToelichting: e.target.value })}
        helperText="Bijvoorbeeld: voogdij bij een gecertificeerde instelling"
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={g.tolkNodig}
            onChange={(e) => setG({ ...g, tolkNodig: e.target.checked })}
          />
        }
        label="Tolk nodig"
      />
      {g.tolkNodig && (
        <TextField
          label="Taal van de tolk"
          value={g.tolkTaal}
          onChange={(e) => setG({ ...g, tolkTaal: e.target.value })}
          required
          slotProps={{ htmlInput: { maxLength: 80 } }}
        />
      )}
    </FormDialog>
  );
}
