import {
  Alert,
  Box,
  Button,
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { DashboardFilter, Doorklik, Kolom, Tabel } from '../../../../shared/api';
import { formatDate } from '../../../../shared/dates';
import { exporteren } from '../../api/client';
import { formatEuro } from '../../format';

const getal = new Intl.NumberFormat('nl-NL');

export function celTekst(kolom: Kolom, waarde: string | number | null | undefined): string {
  if (waarde === null || waarde === undefined) return '—';
  switch (kolom.soort) {
    case 'bedrag':
      return formatEuro(Number(waarde));
    case 'procent':
      return `${(Number(waarde) * 100).toFixed(1).replace('.', ',')}%`;
    case 'datum':
      return formatDate(String(waarde));
    case 'dagen':
      return `${getal.format(Number(waarde))} dagen`;
    case 'aantal':
      return getal.format(Number(waarde));
    default:
      return String(waarde);
  }
}

const rechts = (k: Kolom) => k.soort !== 'tekst' && k.soort !== 'datum';

interface Props {
  tabel: Tabel;
  filter: DashboardFilter;
  /** Sent along with the export of a click-through table. */
  doorklik?: Doorklik;
  onDoorklik?(d: Doorklik): void;
  onGezin?(gezinId: string): void;
  maxHoogte?: number;
}

/** A dashboard table: formatted cells, figures that click through, export to CSV and Excel. */
export function TabelWeergave({ tabel, filter, doorklik, onDoorklik, onGezin, maxHoogte }: Props) {
  const [fout, setFout] = useState<string | null>(null);
  const exporteer = (formaat: 'csv' | 'xlsx') => {
    setFout(null);
    exporteren({ filter, tabel: doorklik ? 'regels' : tabel.sleutel, doorklik, formaat }).catch(
      (e: Error) => setFout(e.message),
    );
  };
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1, fontWeight: 600 }}>
          {tabel.titel}
          {tabel.totaal !== undefined && tabel.totaal > tabel.rijen.length && (
            <Typography component="span" variant="body2" color="text.secondary">
              {' '}
              (de eerste {tabel.rijen.length} van {getal.format(tabel.totaal)})
            </Typography>
          )}
        </Typography>
        <Button size="small" onClick={() => exporteer('csv')}>
          CSV
        </Button>
        <Button size="small" onClick={() => exporteer('xlsx')}>
          Excel
        </Button>
      </Box>
      {fout && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {fout}
        </Alert>
      )}
      {tabel.rijen.length === 0 ? (
        <Typography color="text.secondary">Geen regels.</Typography>
      ) : (
        <TableContainer sx={{ maxHeight: maxHoogte }}>
          <Table size="small" stickyHeader aria-label={tabel.titel}>
            <TableHead>
              <TableRow>
                {tabel.kolommen.map((k) => (
                  <TableCell key={k.sleutel} align={rechts(k) ? 'right' : 'left'}>
                    {k.label}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {tabel.rijen.map((rij, i) => (
                <TableRow key={i} hover>
                  {tabel.kolommen.map((k, kolomIndex) => {
                    const tekst = celTekst(k, rij.waarden[k.sleutel]);
                    const d = rij.doorklik?.[k.sleutel];
                    const gezinId = kolomIndex === 0 ? rij.gezinId : null;
                    return (
                      <TableCell key={k.sleutel} align={rechts(k) ? 'right' : 'left'}>
                        {d && onDoorklik ? (
                          <Link component="button" type="button" onClick={() => onDoorklik(d)}>
                            {tekst}
                          </Link>
                        ) : gezinId && onGezin ? (
                          <Link component="button" type="button" onClick={() => onGezin(gezinId)}>
                            {tekst}
                          </Link>
                        ) : (
                          tekst
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
