import { Box, Card, CardContent, Chip, Typography } from '@mui/material';
import type { Gezinsplan as Plan } from '../../../../../shared/api';
import type { Ondertekening } from '../../../../../shared/api';
import { ONDERTEKENAARS } from '../../../../../shared/domain';
import { HandtekeningWeergave } from '../../../components/Handtekeningvak';
import { momentTekst } from '../../../format';

const ONDERTEKENING_STAND: Record<
  Ondertekening,
  { label: string; kleur: 'success' | 'warning' | 'default' }
> = {
  niet: { label: 'Nog niet ondertekend', kleur: 'default' },
  ondertekend: { label: 'Ondertekend', kleur: 'success' },
  opnieuw: { label: 'Gewijzigd na ondertekening: nog niet opnieuw ondertekend', kleur: 'warning' },
};

export function Handtekeningen({ plan }: { plan: Plan }) {
  const stand = ONDERTEKENING_STAND[plan.ondertekening];
  const laatste = plan.handtekeningen.at(-1)?.versie;
  const getoond = plan.handtekeningen.filter((h) => h.versie === laatste);
  return (
    <Card component="section" aria-labelledby="handtekeningen-kop">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Typography id="handtekeningen-kop" variant="h6" component="h2">
            Handtekeningen
          </Typography>
          <Chip label={stand.label} color={stand.kleur} data-testid="ondertekening" />
        </Box>
        {getoond.length === 0 ? (
          <Typography color="text.secondary">
            Nog niemand heeft het plan ondertekend. Leg een versie vast en laat het gezin tekenen op
            het scherm, of druk het plan af om op papier te tekenen.
          </Typography>
        ) : (
          <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
            {getoond.map((h) => (
              <Box key={h.id} sx={{ width: 300 }}>
                <HandtekeningWeergave lijnen={h.lijnen} naam={h.naam} />
                <Typography variant="body2" sx={{ fontWeight: 'bold' }}>
                  {h.naam}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {ONDERTEKENAARS.labels[h.rol]} · versie {h.versie} · {momentTekst(h.getekendOp)}
                </Typography>
              </Box>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
