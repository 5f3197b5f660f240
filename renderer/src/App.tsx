import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';
import { useEffect } from 'react';
import { callApi } from './api/client';
import { useOudeConceptenOverzetten } from './api/concepten';
import { nlNL } from '@mui/material/locale';
import { Layout } from './components/Layout';
import { Agenda } from './screens/Agenda';
import { useAgendaHerinneringen } from './screens/agenda-herinneringen';
import { Akkoorden } from './screens/Akkoorden';
import { BudgetBeheer } from './screens/budget/BudgetBeheer';
import { Dashboard } from './screens/budget/Dashboard';
import { MijnKosten } from './screens/MijnKosten';
import { Dossier } from './screens/dossier/Dossier';
import { MijnGezinnen } from './screens/MijnGezinnen';
import { KluisPoort } from './screens/KluisPoort';
import { ProfielKeuze } from './screens/ProfielKeuze';
import { Conflicten } from './screens/sync/Conflicten';
import { Logboek } from './screens/Logboek';
import { useSyncPeiler } from './screens/sync/sync-store';
import { Taken } from './screens/Taken';
import { useSession } from './store';

const theme = createTheme(
  {
    palette: {
      primary: { main: '#1f5c99' },
      secondary: { main: '#8a3b12' },
      warning: { main: '#9a4a00' },
      error: { main: '#b3261e' },
      success: { main: '#2e6b30' },
      info: { main: '#1b5e8c' },
    },
    components: {
      // No field is for the browser to remember: with autocomplete off Chromium keeps no form
      // history and no typed text in the form state it saves for session restore (on disk).
      // Passphrase and e-mail fields say otherwise themselves, for the password manager.
      MuiInputBase: { defaultProps: { autoComplete: 'off' } },
    },
  },
  nlNL,
);

export function App() {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <KluisPoort>
        <Ontgrendeld />
      </KluisPoort>
    </ThemeProvider>
  );
}

/** The app itself, only mounted while the profile is unlocked. */
function Ontgrendeld() {
  const { profiel, view, signIn } = useSession();
  // The host says whose profile this is; what the page kept from before is only a guess.
  useEffect(() => {
    callApi('sessie.wie', {}).then(signIn, () => undefined);
  }, [signIn]);
  useSyncPeiler();
  useAgendaHerinneringen();
  useOudeConceptenOverzetten();
  if (!profiel) return <ProfielKeuze />;
  return (
    <Layout>
      {view.naam === 'gezinnen' && <MijnGezinnen />}
      {view.naam === 'taken' && <Taken />}
      {view.naam === 'agenda' && <Agenda />}
      {view.naam === 'akkoorden' && <Akkoorden />}
      {view.naam === 'dossier' && <Dossier key={view.gezinId} view={view} />}
      {view.naam === 'budget' && <Dashboard filter={view.filter} tab={view.tab} />}
      {view.naam === 'budgetbeheer' && <BudgetBeheer />}
      {view.naam === 'kosten' && <MijnKosten />}
      {view.naam === 'conflicten' && <Conflicten />}
      {view.naam === 'logboek' && <Logboek />}
    </Layout>
  );
}
