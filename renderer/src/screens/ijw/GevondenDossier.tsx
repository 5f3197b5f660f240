import { Alert, Button } from '@mui/material';
import type { ReactNode } from 'react';
import { useSession } from '../../store';

/**
 * What the message is about was found in the team: says so, with a button that closes the
 * dialog and opens the family's action plans (no button when no family is known).
 */
export function GevondenDossier({
  gezinId,
  onClose,
  children,
}: {
  gezinId: string | undefined;
  onClose(): void;
  children: ReactNode;
}) {
  const go = useSession((s) => s.go);
  return (
    <Alert
      severity="success"
      action={
        gezinId && (
          <Button
            color="inherit"
            onClick={() => {
              go({ naam: 'dossier', gezinId, tab: 'actieplannen' });
              onClose();
            }}
          >
            Dossier openen
          </Button>
        )
      }
    >
      {children}
    </Alert>
  );
}
