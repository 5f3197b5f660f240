import { Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useState } from 'react';
import type { Dossier } from '../../../../../shared/api';
import { GEZINSLID_ROLLEN } from '../../../../../shared/domain';
import { Sectie } from '../../../components/Sectie';
import { formatDate } from '../../../format';
import { BsnTonen } from '../BsnTonen';
import { GezinslidDialog, GezinslidVerwijderenDialog } from '../GezinslidDialog';

type Lid = Dossier['leden'][number];

/** The family's members, with adding, correcting and removing one. */
export function Gezinsleden({
  dossier,
  dicht,
  reload,
}: {
  dossier: Dossier;
  dicht: boolean;
  reload(): void;
}) {
  const [nieuwLid, setNieuwLid] = useState(false);
  const [lidDialoog, setLidDialoog] = useState<{
    soort: 'wijzigen' | 'verwijderen';
    lid: Lid;
  } | null>(null);
  const sluit = (done: boolean) => {
    setNieuwLid(false);
    setLidDialoog(null);
    if (done) reload();
  };
  return (
    // Full width: with contact actions per member the table needs the room.
    <Sectie kop="leden-kop" titel="Gezinsleden" sx={{ gridColumn: { md: '1 / -1' } }}>
      <LedenTabel
        leden={dossier.leden}
        dicht={dicht}
        onActie={(soort, lid) => setLidDialoog({ soort, lid })}
      />
      {!dicht && (
        <Button sx={{ mt: 1 }} onClick={() => setNieuwLid(true)}>
          Gezinslid toevoegen
        </Button>
      )}
      {nieuwLid && <GezinslidDialog gezinId={dossier.gezin.id} onClose={sluit} />}
      {lidDialoog?.soort === 'wijzigen' && (
        <GezinslidDialog gezinId={dossier.gezin.id} lid={lidDialoog.lid} onClose={sluit} />
      )}
      {lidDialoog?.soort === 'verwijderen' && (
        <GezinslidVerwijderenDialog lid={lidDialoog.lid} onClose={sluit} />
      )}
    </Sectie>
  );
}

function LedenTabel({
  leden,
  dicht,
  onActie,
}: {
  leden: Lid[];
  dicht: boolean;
  onActie(soort: 'wijzigen' | 'verwijderen', lid: Lid): void;
}) {
  return (
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
        {leden.map((l) => (
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
                  onClick={() => onActie('wijzigen', l)}
                >
                  Wijzigen
                </Button>
                <Button
                  size="small"
                  color="error"
                  aria-label={`${l.voornaam} ${l.achternaam} verwijderen`}
                  onClick={() => onActie('verwijderen', l)}
                >
                  Verwijderen
                </Button>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
