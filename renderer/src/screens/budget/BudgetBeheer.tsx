import { Box, Paper, Typography } from '@mui/material';
import { useQuery } from '../../api/hooks';
import { RegelTabel } from '../../components/RegelTabel';
import { formatEuro } from '../../format';
import { moment } from './budget-overzicht';
import { BudgetVaststellen } from './BudgetVaststellen';
import { maand } from './soj-tekst';
import { SojImport } from './SojImport';
import { Vergrendeling } from './Vergrendeling';

/** Budget en SOJ: set the team budget and read in the monthly SOJ figures. */
export function BudgetBeheer() {
  const imports = useQuery('soj.imports', {}, '');
  const jaar = new Date().getFullYear();
  const overzicht = useQuery('budget.overzicht', { jaar }, String(jaar));
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h4" component="h1">
        Budget en SOJ-cijfers
      </Typography>
      <SojImport onKlaar={imports.reload} />
      <BudgetVaststellen jaar={jaar} overzicht={overzicht} />
      <Vergrendeling overzicht={overzicht} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          Ingelezen perioden
        </Typography>
        {imports.data && (
          <RegelTabel
            label="Ingelezen perioden"
            koppen={['Periode', 'Bestand', 'Ingelezen', 'Regels', 'Niet gekoppeld', 'Bedrag']}
            rechts={[3, 4, 5]}
            rijen={imports.data.map((i) => ({
              key: i.id,
              cellen: [
                maand(i.periode),
                i.bestandsnaam,
                `${moment(i.ingelezenOp)}${i.ingelezenDoor ? ` door ${i.ingelezenDoor}` : ''}`,
                i.aantalRegels.toLocaleString('nl-NL'),
                i.onbekendeRegels.toLocaleString('nl-NL'),
                formatEuro(i.bedragCents),
              ],
            }))}
          />
        )}
      </Paper>
    </Box>
  );
}
