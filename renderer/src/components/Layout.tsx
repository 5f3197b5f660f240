import { AppBar, Badge, Box, Button, Toolbar, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useQuery } from '../api/hooks';
import { useSession, type View } from '../store';
import { SaveIndicator } from './SaveIndicator';

export function Layout({ children }: { children: ReactNode }) {
  const { profiel, view, go, signOut } = useSession();
  const taken = useQuery('taken.lijst', {}, JSON.stringify(view));
  const akkoorden = useQuery('akkoorden.wachtrij', {}, JSON.stringify(view));
  const nav = (label: string, target: View, count?: number) => (
    <Button
      color="inherit"
      onClick={() => go(target)}
      aria-current={view.naam === target.naam ? 'page' : undefined}
      sx={{ fontWeight: view.naam === target.naam ? 700 : 400 }}
    >
      <Badge color="secondary" badgeContent={count ?? 0} max={99}>
        <span style={{ paddingRight: count ? 10 : 0 }}>{label}</span>
      </Badge>
    </Button>
  );
  if (!profiel) return null;
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppBar position="sticky" component="header">
        <Toolbar sx={{ gap: 1 }}>
          <Typography variant="h6" component="p" sx={{ mr: 2 }}>
            Eenplan
          </Typography>
          <Box component="nav" aria-label="Hoofdmenu" sx={{ display: 'flex', gap: 1, flexGrow: 1 }}>
            {nav('Mijn gezinnen', { naam: 'gezinnen' })}
            {nav('Taken en signalen', { naam: 'taken' }, taken.data?.signalen.length)}
            {nav('Akkoorden', { naam: 'akkoorden' }, akkoorden.data?.length)}
          </Box>
          <SaveIndicator />
          <Typography variant="body2" sx={{ mx: 2 }}>
            {profiel.naam} · {profiel.teamNaam}
          </Typography>
          <Button color="inherit" variant="outlined" onClick={signOut}>
            Afmelden
          </Button>
        </Toolbar>
      </AppBar>
      <Box component="main" sx={{ p: 3, flexGrow: 1 }}>
        {children}
      </Box>
    </Box>
  );
}
