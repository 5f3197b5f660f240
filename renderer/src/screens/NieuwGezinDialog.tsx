import { Box, Button, IconButton, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { parseDutchDate } from '../../../shared/dates';
import { GEZINSLID_ROLLEN, type GezinslidRol } from '../../../shared/domain';
import { useMutation } from '../api/hooks';
import { FormDialog } from '../components/FormDialog';
import { CodeSelect } from '../components/CodeSelect';

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
        const invoer = leden.filter((l) => l.voornaam || l.achternaam);
        for (const [i, l] of invoer.entries()) {
          if (!parseDutchDate(l.geboortedatum))
            return `Gezinslid ${i + 1}: vul de geboortedatum in als dd-mm-jjjj.`;
        }
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
        <TextField
          label="Naam gezin"
          placeholder="Familie Jansen"
          required
          value={gezin.naam}
          onChange={(e) => setGezin({ ...gezin, naam: e.target.value })}
          autoFocus
        />
        <TextField
          label="Adres"
          required
          value={gezin.adres}
          onChange={(e) => setGezin({ ...gezin, adres: e.target.value })}
        />
        <TextField
          label="Postcode"
          required
          value={gezin.postcode}
          onChange={(e) => setGezin({ ...gezin, postcode: e.target.value })}
        />
        <TextField
          label="Woonplaats"
          required
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
          <TextField
            size="small"
            label="Voornaam"
            value={l.voornaam}
            onChange={(e) => setLid(i, { voornaam: e.target.value })}
          />
          <TextField
            size="small"
            label="Achternaam"
            value={l.achternaam}
            onChange={(e) => setLid(i, { achternaam: e.target.value })}
          />
          <TextField
            size="small"
            label="Geboortedatum"
            placeholder="dd-mm-jjjj"
            value={l.geboortedatum}
            onChange={(e) => setLid(i, { geboortedatum: e.target.value })}
          />
          <TextField
            size="small"
            label="BSN (indien nodig)"
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
