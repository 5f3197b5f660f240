import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  LinearProgress,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import type { KluisAntwoord, LaptopProfiel } from '../../../../shared/kluis';
import { WachtwoordVeld } from '../../components/WachtwoordVeld';
import { useSlot } from './use-slot';

type SlotStaat = ReturnType<typeof useSlot>;

/** The lock screen: make the first profile, or unlock one. */
export function Slot({
  profielen,
  onOpen,
}: {
  profielen: LaptopProfiel[];
  onOpen(antwoord: KluisAntwoord): void;
}) {
  const s = useSlot(profielen, onOpen);
  const { nieuw, viaAccount, fout, bezig } = s;
  return (
    <Box component="main" sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 2 }}>
      <Card sx={{ maxWidth: 520, width: '100%' }}>
        <CardContent component="form" onSubmit={(e) => void s.verstuur(e)} noValidate>
          <Typography variant="h5" component="h1" gutterBottom>
            {nieuw ? 'Profiel aanmaken' : 'Eenplan is vergrendeld'}
          </Typography>
          <Typography sx={{ mb: 2 }}>
            {nieuw
              ? 'Uw gegevens op deze laptop worden versleuteld met een sleutel die alleen met uw wachtwoordzin te openen is. Collega’s op dezelfde laptop hebben elk een eigen profiel. Kies een zin van minstens 12 tekens die u onthoudt; zonder de zin zijn de gegevens niet terug te halen.'
              : viaAccount
                ? 'Meld u aan met het e-mailadres en wachtwoord van uw account bij de centrale dienst, zoals bij de laatste aanmelding. Dat kan ook zonder verbinding.'
                : profielen.length > 1
                  ? 'Kies uw profiel op deze laptop en vul uw wachtwoordzin in om verder te gaan waar u was.'
                  : 'Vul uw wachtwoordzin in om verder te gaan waar u was.'}
          </Typography>
          <SlotVelden s={s} profielen={profielen} />
          {fout && !bezig && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {fout}
            </Alert>
          )}
          {/* Making a profile takes a while (the key, and the demo region the first time). */}
          <Box role="status" sx={{ mb: bezig ? 2 : 0 }}>
            {bezig && (
              <>
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {nieuw
                    ? 'Uw profiel wordt aangemaakt en versleuteld; de eerste keer komen ook de gegevens van de regio erin. Dat duurt ongeveer tien seconden.'
                    : viaAccount
                      ? 'Bezig met aanmelden…'
                      : 'Bezig met ontgrendelen…'}
                </Typography>
                <LinearProgress aria-label={nieuw ? 'Profiel aanmaken' : 'Ontgrendelen'} />
              </>
            )}
          </Box>
          <SlotKnoppen s={s} profielen={profielen} />
        </CardContent>
      </Card>
    </Box>
  );
}

/** The profile's name (new) or choice (several), the account's e-mail, the passphrase. */
function SlotVelden({ s, profielen }: { s: SlotStaat; profielen: LaptopProfiel[] }) {
  const { nieuw, viaAccount, gekozen, fout } = s;
  return (
    <>
      {nieuw ? (
        <TextField
          label="Naam van het profiel"
          helperText="Zo herkent u uw profiel op deze laptop, bijvoorbeeld uw voornaam."
          value={s.naam}
          onChange={(e) => s.setNaam(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 60 } }}
          fullWidth
          autoFocus
          required
          sx={{ mb: 2 }}
        />
      ) : (
        profielen.length > 1 && (
          <TextField
            select
            label="Profiel"
            value={gekozen}
            onChange={(e) => s.kiesProfiel(e.target.value)}
            fullWidth
            sx={{ mb: 2 }}
          >
            {profielen.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.naam}
              </MenuItem>
            ))}
          </TextField>
        )
      )}
      {viaAccount && !nieuw && (
        <TextField
          label="E-mailadres"
          type="email"
          autoComplete="username"
          value={s.email}
          onChange={(e) => s.setEmail(e.target.value)}
          fullWidth
          autoFocus
          required
          sx={{ mb: 2 }}
        />
      )}
      <WachtwoordVeld
        key={`${nieuw}-${viaAccount}-${gekozen}`}
        label={viaAccount && !nieuw ? 'Wachtwoord' : 'Wachtwoordzin'}
        nieuw={nieuw}
        value={s.zin}
        onChange={s.setZin}
        fullWidth
        autoFocus={!nieuw && !viaAccount}
        error={Boolean(fout)}
        sx={{ mb: 2 }}
      />
      {nieuw && (
        <WachtwoordVeld
          label="Herhaal de wachtwoordzin"
          nieuw
          value={s.herhaling}
          onChange={s.setHerhaling}
          fullWidth
          sx={{ mb: 2 }}
        />
      )}
    </>
  );
}

/** Submit, and switch between passphrase and account, or to a new profile. */
function SlotKnoppen({ s, profielen }: { s: SlotStaat; profielen: LaptopProfiel[] }) {
  const { nieuw, viaAccount, bezig, metAccount } = s;
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
      <Button
        type="submit"
        variant="contained"
        disabled={bezig || !s.zin || (nieuw && !s.naam.trim()) || (viaAccount && !s.email)}
        startIcon={bezig ? <CircularProgress size={16} color="inherit" /> : undefined}
      >
        {nieuw ? 'Profiel aanmaken' : viaAccount ? 'Aanmelden' : 'Ontgrendelen'}
      </Button>
      {metAccount && !nieuw && (
        <Button variant="text" onClick={s.wissel}>
          {viaAccount ? 'Met mijn wachtwoordzin' : 'Met mijn account van de centrale dienst'}
        </Button>
      )}
      {profielen.length > 0 && (
        <Button variant="text" onClick={() => s.naarNieuw(!nieuw)}>
          {nieuw ? 'Terug naar ontgrendelen' : 'Nieuw profiel op deze laptop'}
        </Button>
      )}
    </Box>
  );
}
