import { Table, TableBody, TableCell, TableHead, TableRow, type TableProps } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * A small read-only table of text cells: the lines of a file with what is wrong with them, a
 * preview per team. `label` is the table's accessible name.
 */
export function RegelTabel({
  label,
  koppen,
  rijen,
  rechts = [],
  leeg,
  sx,
}: {
  label: string;
  koppen: string[];
  rijen: { key: string | number; cellen: ReactNode[] }[];
  /** The columns (by index) that hold numbers and align right. */
  rechts?: number[];
  /** The one row shown when there are none. */
  leeg?: string;
  sx?: TableProps['sx'];
}) {
  const uitlijning = (i: number) => (rechts.includes(i) ? 'right' : undefined);
  return (
    <Table size="small" aria-label={label} sx={sx}>
      <TableHead>
        <TableRow>
          {koppen.map((k, i) => (
            <TableCell key={k} align={uitlijning(i)}>
              {k}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {leeg && rijen.length === 0 && (
          <TableRow>
            <TableCell colSpan={koppen.length}>{leeg}</TableCell>
          </TableRow>
        )}
        {rijen.map((r) => (
          <TableRow key={r.key}>
            {r.cellen.map((c, i) => (
              <TableCell key={i} align={uitlijning(i)}>
                {c}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
