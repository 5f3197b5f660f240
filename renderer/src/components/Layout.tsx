import { AppBar, Badge, Box, Button, Menu, MenuItem, Toolbar, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { kluis } from '../api/client';
import { conceptenNu } from '../api/concepten';
import { useQuery } from '../api/hooks';
import { useKluis } from '../kluis-store';
import { budgetFilter, useSession, type View } from '../store';
import { SyncMelding, SyncStatusBalk } from '../screens/sync/SyncStatusBalk';
import { SaveIndicator } from './SaveIndicator';
import { WachtwoordzinWijzigen } from './WachtwoordzinWijzigen';

export function Layout({ children }: { children: ReactNode }) {
  const { profiel, view, go } = useSession();
  const zetKluis = useKluis((s) => s.zet);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [wijzigen, setWijzigen] = useState(false);
  const inTeam = profiel?.rol !== 'beheerder';
  const taken = useQuery('taken.lijst', inTeam ? {} : null, JSON.stringify(view));
  const akkoorden = useQuery('akkoorden.wachtrij', inTeam ? {} : null, JSON.stringify(view));
  const nav = (label: string, target: View, count?: number) => (
    <Button
      color="inherit"
      onClick={() => go(target)}
      aria-current={view.naam === target.naam ? 'page' : undefined}
      sx={{ fontWeight: view.naam === target.naam ? 700 : 400, whiteSpace: 'nowrap' }}
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
            {inTeam && nav('Mijn gezinnen', { naam: 'gezinnen' })}
            {inTeam && nav('Taken en signalen', { naam: 'taken' }, taken.data?.signalen.length)}
            {inTeam && nav('Agenda', { naam: 'agenda' })}
            {inTeam && nav('Akkoorden', { naam: 'akkoorden' }, akkoorden.data?.length)}
            {profiel.rol === 'jeugdprofessional' && nav('Mijn kosten', { naam: 'kosten' })}
            {profiel.rol !== 'jeugdprofessional' &&
              nav('Teambudget', { naam: 'budget', filter: budgetFilter(profiel), tab: 'perceel' })}
            {profiel.rol !== 'jeugdprofessional' && nav('Budget en SOJ', { naam: 'budgetbeheer' })}
            {profiel.rol !== 'jeugdprofessional' && nav('Logboek', { naam: 'logboek' })}
          </Box>
          {/* Name above team: two short lines fit beside the menu, one long line does not. */}
          <Button
            color="inherit"
            id="profielmenu-knop"
            aria-haspopup="menu"
            aria-controls={menu ? 'profielmenu' : undefined}
            aria-expanded={menu ? 'true' : undefined}
            onClick={(e) => setMenu(e.currentTarget)}
            sx={{ textTransform: 'none', flexShrink: 0 }}
          >
            <Typography
              variant="body2"
              component="span"
              sx={{ textAlign: 'right', lineHeight: 1.3 }}
            >
              {profiel.naam}
              <br />
              {profiel.teamNaam ?? 'Regio'}
            </Typography>
          </Button>
          <Menu
            id="profielmenu"
            anchorEl={menu}
            open={Boolean(menu)}
            onClose={() => setMenu(null)}
            slotProps={{ list: { 'aria-labelledby': 'profielmenu-knop' } }}
          >
            <MenuItem
              onClick={() => {
                setMenu(null);
                setWijzigen(true);
              }}
            >
              Wachtwoordzin wijzigen
            </MenuItem>
          </Menu>
          {wijzigen && <WachtwoordzinWijzigen onClose={() => setWijzigen(false)} />}
          <Button
            color="inherit"
            // Drafts still waiting go to the store first: the lock closes it.
            onClick={() =>
              void conceptenNu()
                .then(() => kluis('vergrendelen'))
                .then(() => zetKluis('vergrendeld'))
            }
            sx={{ flexShrink: 0 }}
          >
            Vergrendelen
          </Button>
        </Toolbar>
        {/* What is safe: saved on this laptop, and synced with the central service. */}
        <Toolbar
          variant="dense"
          sx={{ gap: 2, minHeight: 40, bgcolor: 'rgba(0, 0, 0, 0.18)', justifyContent: 'flex-end' }}
        >
          <SaveIndicator />
          <SyncStatusBalk />
        </Toolbar>
      </AppBar>
      <Box component="main" sx={{ p: 3, flexGrow: 1 }}>
        <SyncMelding />
        {children}
      </Box>
    </Box>
  );
}
