import { Box, Button, IconButton, Typography } from '@mui/material';
import { useState } from 'react';
import { parseDutchDate } from '../../../shared/dates';
import { GEZINSLID_ROLLEN, type GezinslidRol } from '../../../shared/domain';
import { useMutation } from '../api/hooks';
import { FormDialog } from '../components/FormDialog';
import { CodeSelect } from '../components/CodeSelect';
import { TekstVeld } from '../components/TekstVeld';

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

export function NieuwGezinDialog({ onClose }: { onClose(id?: string): void }) {
  const mutate = useMutation();
  const [gezin, setGezin] = useState({ naam: '', adres: '', postcode: '', woonplaats: '' });
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
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
        <TekstVeld
          label="Naam gezin"
          placeholder="Familie Jansen"
          required
          maxTekens={120}
          value={gezin.naam}
          onChange={(e) => setGezin({ ...gezin, naam: e.target.value })}
          autoFocus
        />
        <TekstVeld
          label="Adres"
          required
          maxTekens={200}
          value={gezin.adres}
          onChange={(e) => setGezin({ ...gezin, adres: e.target.value })}
        />
        <TekstVeld
          label="Postcode"
          required
          formaat="1234 AB"
          slotProps={{ htmlInput: { pattern: '\\s*\\d{4} ?[A-Za-z]{2}\\s*' } }}
          value={gezin.postcode}
          onChange={(e) => setGezin({ ...gezin, postcode: e.target.value })}
        />
        <TekstVeld
          label="Woonplaats"
          required
          maxTekens={100}
          value={gezin.woonplaats}
          onChange={(e) => setGezin({ ...gezin, woonplaats: e.target.value })}
        />
      </Box>
      <Typography variant="subtitle1" component="h3">
        Gezinsleden
      </Typography>
      {leden.map((l, i) => (
        <Box
          key={i}
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
            onChange={(rol) => rol && setLid(i, { rol })}
          />
          <TekstVeld
            size="small"
            label="Voornaam"
            required
            maxTekens={100}
            veldNaam={`Voornaam van gezinslid ${i + 1}`}
            value={l.voornaam}
            onChange={(e) => setLid(i, { voornaam: e.target.value })}
          />
          <TekstVeld
            size="small"
            label="Achternaam"
            required
            maxTekens={100}
            veldNaam={`Achternaam van gezinslid ${i + 1}`}
            value={l.achternaam}
            onChange={(e) => setLid(i, { achternaam: e.target.value })}
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
            onChange={(e) => setLid(i, { geboortedatum: e.target.value })}
          />
          <TekstVeld
            size="small"
            label="BSN (indien nodig)"
            veldNaam={`BSN van gezinslid ${i + 1}`}
            formaat="9 cijfers"
            slotProps={{ htmlInput: { pattern: '\\s*\\d{9}\\s*', inputMode: 'numeric' } }}
            value={l.bsn}
            onChange={(e) => setLid(i, { bsn: e.target.value })}
          />
          <IconButton
            aria-label={`Gezinslid ${i + 1} verwijderen`}
            onClick={() => setLeden(leden.filter((_, j) => j !== i))}
          >
            ×
          </IconButton>
        </Box>
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
