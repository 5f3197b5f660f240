import { Box, type BoxProps } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { FoutMeldingen } from './FoutMeldingen';
import { controleerFormulier, GECONTROLEERD_STIJL, type VeldFout } from './formulier-controle';

interface Props {
  /** Called only when every field is valid; the screen shows the core's answer itself. */
  onSubmit(): void;
  children: ReactNode;
  sx?: BoxProps['sx'];
}

/**
 * A form on a page (not in a dialog) with the app's own check: every invalid field listed at
 * once in Dutch by its label, never the browser's bubble.
 */
export function Formulier({ onSubmit, children, sx }: Props) {
  const [velden, setVelden] = useState<VeldFout[]>([]);
  const [gecontroleerd, setGecontroleerd] = useState(false);
  return (
    <>
      <Box
        component="form"
        noValidate
        data-gecontroleerd={gecontroleerd || undefined}
        sx={[GECONTROLEERD_STIJL, ...(Array.isArray(sx) ? sx : [sx])]}
        onSubmit={(e) => {
          e.preventDefault();
          setGecontroleerd(true);
          const fouten = controleerFormulier(e.currentTarget);
          setVelden(fouten);
          if (fouten.length > 0) return fouten[0]!.element.focus();
          setGecontroleerd(false);
          onSubmit();
        }}
      >
        {children}
      </Box>
      <FoutMeldingen fouten={velden.length ? { velden } : null} />
    </>
  );
}
