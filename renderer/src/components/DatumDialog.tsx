import { useState, type ReactNode } from 'react';
import type { IsoDate } from '../../../shared/dates';
import { vandaag } from '../format';
import { DatumVeld } from './DatumVeld';
import { metDatum } from './datum-invoer';
import { FormDialog } from './FormDialog';

/**
 * The dialog that records something on a day (care started, help stopped, family closed): a
 * date field that starts at today, read as dd-mm-jjjj before `onDatum` writes; the write's
 * error stays in the dialog. `intro` stands above the date, `children` below it.
 */
export function DatumDialog({
  title,
  submitLabel,
  datumLabel,
  intro,
  children,
  autoFocus = true,
  maxWidth,
  onCancel,
  onDatum,
}: {
  title: string;
  submitLabel: string;
  datumLabel: string;
  intro?: ReactNode;
  children?: ReactNode;
  autoFocus?: boolean;
  maxWidth?: 'sm' | 'md' | 'lg';
  onCancel(): void;
  /** Writes with the valid date; resolves to the Dutch error or null when done. */
  onDatum(iso: IsoDate): Promise<string | null>;
}) {
  const [datum, setDatum] = useState(vandaag());
  return (
    <FormDialog
      title={title}
      submitLabel={submitLabel}
      maxWidth={maxWidth}
      onCancel={onCancel}
      onSubmit={() => metDatum(datum, onDatum)}
    >
      {intro}
      <DatumVeld
        label={datumLabel}
        value={datum}
        onChange={(e) => setDatum(e.target.value)}
        autoFocus={autoFocus}
      />
      {children}
    </FormDialog>
  );
}
