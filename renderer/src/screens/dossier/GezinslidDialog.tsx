import { TextField } from '@mui/material';
import { useState } from 'react';
import { parseDutchDate } from '../../../../shared/dates';
import { GEZINSLID_ROLLEN, type GezinslidRol } from '../../../../shared/domain';
import { useMutation } from '../../api/hooks';
import { FormDialog } from '../../components/FormDialog';
import { CodeSelect } from '../../components/CodeSelect';

export function GezinslidDialog({
  gezinId,
  onClose,
}: {
  gezinId: string;
  onClose(done: boolean): void;
}) {
  const mutate = useMutation();
  const [lid, setLid] = useState({
    rol: 'jeugdige' as GezinslidRol,
    voornaam: '',
    achternaam: '',
    geboortedatum: '',
    bsn: '',
  });
  return (
    <FormDialog
      title="Gezinslid toevoegen"
      submitLabel="Toevoegen"
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        const geboortedatum = parseDutchDate(lid.geboortedatum);
        if (!geboortedatum) return 'Vul de geboortedatum in als dd-mm-jjjj.';
        const { error } = await mutate('gezinslid.opslaan', {
          gezinId,
          rol: lid.rol,
          voornaam: lid.voornaam,
          achternaam: lid.achternaam,
          geboortedatum,
          ...(lid.bsn.trim() ? { bsn: lid.bsn.trim() } : {}),
        });
        if (error) return error.message;
        onClose(true);
        return null;
      }}
    >
      <CodeSelect
        label="Rol"
        list={GEZINSLID_ROLLEN}
        value={lid.rol}
        onChange={(rol) => rol && setLid({ ...lid, rol })}
      />
      <TextField
        label="Voornaam"
        value={lid.voornaam}
        onChange={(e) => setLid({ ...lid, voornaam: e.target.value })}
        required
        autoFocus
      />
      <TextField
        label="Achternaam"
        value={lid.achternaam}
        onChange={(e) => setLid({ ...lid, achternaam: e.target.value })}
        required
      />
      <TextField
        label="Geboortedatum"
        placeholder="dd-mm-jjjj"
        value={lid.geboortedatum}
        onChange={(e) => setLid({ ...lid, geboortedatum: e.target.value })}
        required
      />
      <TextField
        label="BSN (alleen als het nodig is, bijvoorbeeld voor een toewijzing)"
        value={lid.bsn}
        onChange={(e) => setLid({ ...lid, bsn: e.target.value })}
      />
    </FormDialog>
  );
}
