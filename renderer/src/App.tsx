import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';
import { nlNL } from '@mui/material/locale';
import { MijnGezinnen } from './screens/MijnGezinnen';
import { ProfielKeuze } from './screens/ProfielKeuze';
import { useSession } from './store';

const theme = createTheme({ palette: { primary: { main: '#1f5c99' } } }, nlNL);

export function App() {
  const profiel = useSession((s) => s.profiel);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {profiel ? <MijnGezinnen /> : <ProfielKeuze />}
    </ThemeProvider>
  );
}
