import {
  AppBar,
  Box,
  Button,
  GlobalStyles,
  Menu,
  MenuItem,
  Toolbar,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { kluis } from '../api/client';
import { conceptenNu } from '../api/concepten';
import { useQuery } from '../api/hooks';
import { useKluis } from '../kluis-store';
import { budgetFilter, useSession } from '../store';
import { SyncMelding, SyncStatusBalk } from '../screens/sync/SyncStatusBalk';
import { Hoofdmenu, type MenuKeuze } from './Hoofdmenu';
import { SaveIndicator } from './SaveIndicator';
import { WachtwoordzinWijzigen } from './WachtwoordzinWijzigen';

export function Layout({ children }: { children: ReactNode }) {
  const { profiel, view, go } = useSession();
  const zetKluis = useKluis((s) => s.zet);
  const keuzes = useMenuKeuzes();
  if (!profiel) return null;
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      {/* Every row that takes focus shows it (a table row has no focus ring of its own). */}
      <GlobalStyles
        styles={(theme) => ({
          'tr[tabindex]:focus-visible, li[tabindex]:focus-visible': {
            outline: `3px solid ${theme.palette.primary.main}`,
            outlineOffset: -3,
            backgroundColor: theme.palette.action.selected,
          },
        })}
      />
      <AppBar position="sticky" component="header">
        <Toolbar sx={{ gap: 1, minWidth: 0 }}>
          <Typography variant="h6" component="p" sx={{ mr: 1, flexShrink: 0 }}>
            Eenplan
          </Typography>
          <Hoofdmenu keuzes={keuzes} actief={view.naam} go={go} />
          <Profielmenu naam={profiel.naam} teamNaam={profiel.teamNaam} />
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

/** The main menu's choices for the profile's role, with the counts of signals and requests. */
function useMenuKeuzes(): MenuKeuze[] {
  const { profiel, view } = useSession();
  const inTeam = profiel?.rol !== 'beheerder';
  const taken = useQuery('taken.lijst', inTeam ? {} : null, JSON.stringify(view));
  const akkoorden = useQuery('akkoorden.wachtrij', inTeam ? {} : null, JSON.stringify(view));
  if (!profiel) return [];
  const teamKeuzes: MenuKeuze[] = [
    { label: 'Mijn gezinnen', target: { naam: 'gezinnen' } },
    { label: 'Taken en signalen', target: { naam: 'taken' }, aantal: taken.data?.signalen.length },
    { label: 'Agenda', target: { naam: 'agenda' } },
    { label: 'Akkoorden', target: { naam: 'akkoorden' }, aantal: akkoorden.data?.length },
  ];
  const eigenKeuzes: MenuKeuze[] =
    profiel.rol === 'jeugdprofessional'
      ? [{ label: 'Mijn kosten', target: { naam: 'kosten' } }]
      : [
          {
            label: 'Teambudget',
            target: { naam: 'budget', filter: budgetFilter(profiel), tab: 'perceel' },
          },
          { label: 'Budget en SOJ', target: { naam: 'budgetbeheer' } },
          { label: 'Logboek', target: { naam: 'logboek' } },
        ];
  return [...(inTeam ? teamKeuzes : []), ...eigenKeuzes];
}

/** The profile's name and team; its menu changes the passphrase. */
function Profielmenu({ naam, teamNaam }: { naam: string; teamNaam: string | null | undefined }) {
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [wijzigen, setWijzigen] = useState(false);
  return (
    <>
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
        <Typography variant="body2" component="span" sx={{ textAlign: 'right', lineHeight: 1.3 }}>
          {naam}
          <br />
          {teamNaam ?? 'Regio'}
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
    </>
  );
}
