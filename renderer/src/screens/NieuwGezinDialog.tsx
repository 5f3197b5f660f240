import { Box, Button, IconButton, Typography } from '@mui/material';
import { useState } from 'react';
import { parseDutchDate } from '../../../shared/dates';
import { GEZINSLID_ROLLEN, type GezinslidRol } from '../../../shared/domain';
import { useMutation } from '../api/hooks';
import { FormDialog } from '../components/FormDialog';
import { CodeSelect } from '../components/CodeSelect';
import { TekstVeld } from '../components/TekstVeld';
import { useFormFields } from '../components/use-form-fields';

interface LidConcept {
  rol: GezinslidRol;
  voornaam: string;
  achternaam: string;
  geboortedatum: string;
  bsn: string;
}

const leegLid = (rol: GezinslidRol): LidConcept => ({
  rol,
  voornaam: '',
  achternaam: '',
  geboortedatum: '',
  bsn: '',
});

const useGezinVelden = () => useFormFields({ naam: '', adres: '', postcode: '', woonplaats: '' });

export function NieuwGezinDialog({ onClose }: { onClose(id?: string): void }) {
  const mutate = useMutation();
  const { waarden: gezin, veld } = useGezinVelden();
  const [leden, setLeden] = useState<LidConcept[]>([leegLid('ouder'), leegLid('jeugdige')]);
  const setLid = (i: number, patch: Partial<LidConcept>) =>
    setLeden(leden.map((l, j) => (i === j ? { ...l, ...patch } : l)));

  return (
    <FormDialog
      title="Nieuw gezin aanmelden"
      submitLabel="Aanmelden"
      maxWidth="md"
      onCancel={() => onClose()}
      onSubmit={async () => {
        // The form checked that every member is filled in; a date can still not exist (31-02).
        const invoer = leden;
        const fout = invoer
          .map((l, i) =>
            parseDutchDate(l.geboortedatum)
              ? null
              : `Geboortedatum van gezinslid ${i + 1}: deze datum bestaat niet.`,
          )
          .filter(Boolean);
        if (fout.length) return fout.join(' ');
        const { data, error } = await mutate('gezin.aanmaken', {
          ...gezin,
          leden: invoer.map((l) => ({
            rol: l.rol,
            voornaam: l.voornaam,
            achternaam: l.achternaam,
            geboortedatum: parseDutchDate(l.geboortedatum)!,
            ...(l.bsn.trim() ? { bsn: l.bsn.trim() } : {}),
          })),
        });
        if (error) return error.message;
        onClose(data!.id);
        return null;
      }}
    >
      <GezinAdres veld={veld} />
      <Typography variant="subtitle1" component="h3">
        Gezinsleden
      </Typography>
      {leden.map((l, i) => (
        <LidRij
          key={i}
          l={l}
          i={i}
          setLid={(patch) => setLid(i, patch)}
          verwijder={() => setLeden(leden.filter((_, j) => j !== i))}
        />
      ))}
      <Button
        onClick={() => setLeden([...leden, leegLid('jeugdige')])}
        sx={{ alignSelf: 'flex-start' }}
      >
        Gezinslid toevoegen
      </Button>
    </FormDialog>
  );
}

/** The family's name and address. */
function GezinAdres({ veld }: { veld: ReturnType<typeof useGezinVelden>['veld'] }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
      <TekstVeld
        label="Naam gezin"
        placeholder="Familie Jansen"
        required
        maxTekens={120}
        {...veld('naam')}
        autoFocus
      />
      <TekstVeld label="Adres" required maxTekens={200} {...veld('adres')} />
      <TekstVeld
        label="Postcode"
        required
        formaat="1234 AB"
        slotProps={{ htmlInput: { pattern: '\\s*\\d{4} ?[A-Za-z]{2}\\s*' } }}
        {...veld('postcode')}
      />
      <TekstVeld label="Woonplaats" required maxTekens={100} {...veld('woonplaats')} />
    </Box>
  );
}

/** One member: role, names, birth date and (if needed) BSN; numbered in error messages. */
function LidRij({
  l,
  i,
  setLid,
  verwijder,
}: {
  l: LidConcept;
  i: number;
  setLid(patch: Partial<LidConcept>): void;
  verwijder(): void;
}) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: '150px 1fr 1fr 150px 140px 40px',
        gap: 1,
        alignItems: 'center',
      }}
    >
      <CodeSelect
        size="small"
        label="Rol"
        list={GEZINSLID_ROLLEN}
        value={l.rol}
        onChange={(rol) => rol && setLid({ rol })}
      />
      <TekstVeld
        size="small"
        label="Voornaam"
        required
        maxTekens={100}
        veldNaam={`Voornaam van gezinslid ${i + 1}`}
        value={l.voornaam}
        onChange={(e) => setLid({ voornaam: e.target.value })}
      />
      <TekstVeld
        size="small"
        label="Achternaam"
        required
        maxTekens={100}
        veldNaam={`Achternaam van gezinslid ${i + 1}`}
        value={l.achternaam}
        onChange={(e) => setLid({ achternaam: e.target.value })}
      />
      <TekstVeld
        size="small"
        label="Geboortedatum"
        placeholder="dd-mm-jjjj"
        required
        veldNaam={`Geboortedatum van gezinslid ${i + 1}`}
        formaat="dd-mm-jjjj"
        slotProps={{ htmlInput: { pattern: '\\s*\\d{1,2}-\\d{1,2}-\\d{4}\\s*' } }}
        value={l.geboortedatum}
        onChange={(e) => setLid({ geboortedatum: e.target.value })}
      />
      <TekstVeld
        size="small"
        label="BSN (indien nodig)"
        veldNaam={`BSN van gezinslid ${i + 1}`}
        formaat="9 cijfers"
        slotProps={{ htmlInput: { pattern: '\\s*\\d{9}\\s*', inputMode: 'numeric' } }}
        value={l.bsn}
        onChange={(e) => setLid({ bsn: e.target.value })}
      />
      <IconButton aria-label={`Gezinslid ${i + 1} verwijderen`} onClick={verwijder}>
        ×
      </IconButton>
    </Box>
  );
}
