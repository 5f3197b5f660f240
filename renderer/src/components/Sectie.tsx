import { Card, CardContent, Typography, type CardProps } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * A card that is a section of a screen, named by its h2 heading (`kop` is the heading's id, so
 * tests and screen readers find the section by that name).
 */
export function Sectie({
  kop,
  titel,
  children,
  sx,
}: {
  kop: string;
  titel: ReactNode;
  children: ReactNode;
  sx?: CardProps['sx'];
}) {
  return (
    <Card component="section" aria-labelledby={kop} sx={sx}>
      <CardContent>
        <Typography id={kop} variant="h6" component="h2">
          {titel}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}
