import { Box, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Dossier, Gezinsplan as Plan } from '../../../../../shared/api';
import { ONDERTEKENAARS, type Ondertekenaar } from '../../../../../shared/domain';
import { FormDialog } from '../../../components/FormDialog';
import { Handtekeningvak } from '../../../components/Handtekeningvak';
import { useSubmitMutation } from '../../../components/use-submit-mutation';
import { GezinslidNaam, TEKENT_ALS } from './GezinslidNaam';
import { PlanTekst } from './PlanTekst';

export function OndertekenDialog({
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
  const submit = useSubmitMutation();
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
        return submit('gezinsplan.ondertekenen', { gezinId, naam: naam.trim(), rol, lijnen }, () =>
          onClose(naam.trim()),
        );
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
