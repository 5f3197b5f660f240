import { Autocomplete, TextField, Typography } from '@mui/material';
import type { Dossier } from '../../../../../shared/api';
import {
  GEZINSLID_ROLLEN,
  type GezinslidRol,
  type Ondertekenaar,
} from '../../../../../shared/domain';

/** A member's role in the family as the role they sign in. */
export const TEKENT_ALS: Record<GezinslidRol, Ondertekenaar> = {
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
export function GezinslidNaam({
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
