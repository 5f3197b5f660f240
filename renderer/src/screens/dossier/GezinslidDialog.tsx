/**
 * Adding a family member, correcting one (a changed name, role, birth date or BSN asks for the
 * reason, which goes on the timeline), and removing one entered by mistake.
 */
import { Checkbox, FormControlLabel, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Dossier } from '../../../../shared/api';
import { formatDate, parseDutchDate } from '../../../../shared/dates';
import { GEZINSLID_ROLLEN, type GezinslidRol } from '../../../../shared/domain';
import { TELEFOON_FORMAAT, TELEFOON_PATROON } from '../../../../shared/gezinsgegevens';
import { CodeSelect } from '../../components/CodeSelect';
import { FormDialog } from '../../components/FormDialog';
import { lokaleDatum } from '../../format';
import { useSubmitMutation } from '../../components/use-submit-mutation';

type Lid = Dossier['leden'][number];

export function GezinslidDialog({
  gezinId,
  lid: bestaand,
  onClose,
}: {
  gezinId: string;
  /** The member to correct; absent: a new member. */
  lid?: Lid;
  onClose(done: boolean): void;
}) {
  const submit = useSubmitMutation();
  const [lid, setLid] = useState<LidInvoer>({
    rol: bestaand?.rol ?? 'jeugdige',
    voornaam: bestaand?.voornaam ?? '',
    achternaam: bestaand?.achternaam ?? '',
    geboortedatum: bestaand ? formatDate(bestaand.geboortedatum) : '',
    bsn: '',
    telefoon: bestaand?.telefoon ?? '',
    email: bestaand?.email ?? '',
    gezag: bestaand?.gezag ?? false,
    school: bestaand?.school ?? '',
  });
  const [reden, setReden] = useState('');
  const iso = parseDutchDate(lid.geboortedatum);
  const identiteitGewijzigd = isIdentiteitGewijzigd(bestaand, lid, iso);
  const volwassen = lid.rol !== 'jeugdige';
  return (
    <FormDialog
      title={
        bestaand ? `${bestaand.voornaam} ${bestaand.achternaam} wijzigen` : 'Gezinslid toevoegen'
      }
      submitLabel={bestaand ? 'Opslaan' : 'Toevoegen'}
      onCancel={() => onClose(false)}
      onSubmit={async () => {
        if (!iso) return 'Geboortedatum: vul in als dd-mm-jjjj.';
        if (iso > lokaleDatum()) return 'Geboortedatum: de geboortedatum ligt in de toekomst.';
        return submit(
          'gezinslid.opslaan',
          {
            gezinId,
            ...(bestaand ? { id: bestaand.id } : {}),
            rol: lid.rol,
            voornaam: lid.voornaam,
            achternaam: lid.achternaam,
            geboortedatum: iso,
            telefoon: lid.telefoon,
            email: lid.email,
            gezag: volwassen ? lid.gezag : null,
            school: volwassen ? '' : lid.school,
            ...(lid.bsn.trim() ? { bsn: lid.bsn.trim() } : {}),
            ...(identiteitGewijzigd ? { reden } : {}),
          },
          () => onClose(true),
        );
      }}
    >
      <CodeSelect
        label="Rol"
        list={GEZINSLID_ROLLEN}
        value={lid.rol}
        onChange={(rol) => rol && setLid({ ...lid, rol })}
      />
      <IdentiteitVelden lid={lid} setLid={setLid} bsnGemaskeerd={bestaand?.bsnGemaskeerd} />
      <ContactEnSchool lid={lid} setLid={setLid} volwassen={volwassen} />
      {identiteitGewijzigd && (
        <TextField
          label="Reden van de correctie"
          value={reden}
          onChange={(e) => setReden(e.target.value)}
          required
          multiline
          helperText={`Komt in de tijdlijn van het gezin en in het logboek. ${reden.length}/500`}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
      )}
    </FormDialog>
  );
}

type LidInvoer = {
  rol: GezinslidRol;
  voornaam: string;
  achternaam: string;
  geboortedatum: string;
  bsn: string;
  telefoon: string;
  email: string;
  gezag: boolean;
  school: string;
};

/** The identity a correction needs a reason for (the BSN only when a new one is typed). */
function isIdentiteitGewijzigd(bestaand: Lid | undefined, lid: LidInvoer, iso: string | null) {
  return (
    !!bestaand &&
    (lid.rol !== bestaand.rol ||
      lid.voornaam.trim() !== bestaand.voornaam ||
      lid.achternaam.trim() !== bestaand.achternaam ||
      (iso !== null && iso !== bestaand.geboortedatum) ||
      lid.bsn.trim() !== '')
  );
}

/** Name, birth date and BSN: changing one of these is a correction with a reason. */
function IdentiteitVelden({
  lid,
  setLid,
  bsnGemaskeerd,
}: {
  lid: LidInvoer;
  setLid(l: LidInvoer): void;
  bsnGemaskeerd: string | null | undefined;
}) {
  return (
    <>
      <TextField
        label="Voornaam"
        value={lid.voornaam}
        onChange={(e) => setLid({ ...lid, voornaam: e.target.value })}
        required
        autoFocus
        slotProps={{ htmlInput: { maxLength: 100 } }}
      />
      <TextField
        label="Achternaam"
        value={lid.achternaam}
        onChange={(e) => setLid({ ...lid, achternaam: e.target.value })}
        required
        slotProps={{ htmlInput: { maxLength: 100 } }}
      />
      <TextField
        label="Geboortedatum"
        placeholder="dd-mm-jjjj"
        value={lid.geboortedatum}
        onChange={(e) => setLid({ ...lid, geboortedatum: e.target.value })}
        required
        slotProps={{
          htmlInput: { pattern: String.raw`\d{1,2}-\d{1,2}-\d{4}`, 'data-formaat': 'dd-mm-jjjj' },
        }}
      />
      <TextField
        label={
          bsnGemaskeerd
            ? `Nieuw BSN (nu ${bsnGemaskeerd}; leeg laten om het te houden)`
            : 'BSN (alleen als het nodig is, bijvoorbeeld voor een toewijzing)'
        }
        value={lid.bsn}
        onChange={(e) => setLid({ ...lid, bsn: e.target.value })}
        slotProps={{ htmlInput: { pattern: String.raw`\s*\d{9}\s*`, 'data-formaat': '9 cijfers' } }}
      />
    </>
  );
}

/** An adult's phone, e-mail and custody; a child's school. */
function ContactEnSchool({
  lid,
  setLid,
  volwassen,
}: {
  lid: LidInvoer;
  setLid(l: LidInvoer): void;
  volwassen: boolean;
}) {
  return (
    <>
      {volwassen ? (
        <>
          <TextField
            label="Telefoon"
            type="tel"
            value={lid.telefoon}
            onChange={(e) => setLid({ ...lid, telefoon: e.target.value })}
            slotProps={{
              htmlInput: { pattern: TELEFOON_PATROON, 'data-formaat': TELEFOON_FORMAAT },
            }}
          />
          <TextField
            label="E-mail"
            type="email"
            value={lid.email}
            onChange={(e) => setLid({ ...lid, email: e.target.value })}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={lid.gezag}
                onChange={(e) => setLid({ ...lid, gezag: e.target.checked })}
              />
            }
            label="Heeft het gezag (ouderlijk gezag)"
          />
        </>
      ) : (
        <TextField
          label="School of opvang"
          value={lid.school}
          onChange={(e) => setLid({ ...lid, school: e.target.value })}
          slotProps={{ htmlInput: { maxLength: 200 } }}
        />
      )}
    </>
  );
}

/** Removing a member entered by mistake: the reason goes on the timeline and in the log. */
export function GezinslidVerwijderenDialog({
  lid,
  onClose,
}: {
  lid: Lid;
  onClose(done: boolean): void;
}) {
  const submit = useSubmitMutation();
  const [reden, setReden] = useState('');
  return (
    <FormDialog
      title={`${lid.voornaam} ${lid.achternaam} verwijderen`}
      submitLabel="Verwijderen"
      onCancel={() => onClose(false)}
      onSubmit={() => submit('gezinslid.verwijderen', { id: lid.id, reden }, () => onClose(true))}
    >
      <Typography>
        Alleen voor een gezinslid dat hier niet hoort (bijvoorbeeld dubbel of bij het verkeerde
        gezin ingevoerd). De verwijdering blijft zichtbaar in de tijdlijn.
      </Typography>
      <TextField
        label="Reden van verwijderen"
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        required
        autoFocus
        multiline
        helperText={`Komt in de tijdlijn van het gezin en in het logboek. ${reden.length}/500`}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </FormDialog>
  );
}
