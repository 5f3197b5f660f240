import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ApiRequest, Gezinsplan as Plan } from '../../../../../shared/api';
import { LEEFDOMEINEN, type Leefdomein } from '../../../../../shared/domain';
import { AutosaveField } from '../../../components/AutosaveField';

/** Saves part of the working plan; resolves to the Dutch error or null. */
export type PlanOpslaan = (
  deel: Omit<ApiRequest<'gezinsplan.opslaan'>, 'gezinId'>,
) => Promise<string | null>;

/** The family's goals in their own words, and the future plan for a young person of 16+. */
export function EigenWoorden({
  plan,
  alleenLezen,
  save,
}: {
  plan: Plan;
  alleenLezen: boolean;
  save: PlanOpslaan;
}) {
  return (
    <Card component="section" aria-labelledby="eigen-kop">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography id="eigen-kop" variant="h6" component="h2">
          Wat wij willen bereiken (in onze eigen woorden)
        </Typography>
        <AutosaveField
          draftKey={`plan:${plan.id}:eigenWoorden`}
          label="De doelen van het gezin, zoals het gezin ze zegt"
          value={plan.inhoud.eigenWoorden}
          save={(v) => save({ eigenWoorden: v })}
          multiline
          minRows={3}
          disabled={alleenLezen}
        />
        {plan.toekomstplanNodig && (
          <AutosaveField
            draftKey={`plan:${plan.id}:toekomstplan`}
            label="Toekomstplan (16+): school, werk, wonen, geld na je 18e"
            value={plan.inhoud.toekomstplan ?? ''}
            save={(v) => save({ toekomstplan: v })}
            multiline
            minRows={2}
            disabled={alleenLezen}
          />
        )}
      </CardContent>
    </Card>
  );
}

/** Situation and goal per life domain. */
export function Leefdomeinen({
  plan,
  alleenLezen,
  save,
}: {
  plan: Plan;
  alleenLezen: boolean;
  save: PlanOpslaan;
}) {
  const domein = (d: Leefdomein) =>
    plan.inhoud.domeinen.find((x) => x.domein === d) ?? { domein: d, situatie: '', doel: '' };
  return (
    <Card component="section" aria-labelledby="domeinen-kop">
      <CardContent>
        <Typography id="domeinen-kop" variant="h6" component="h2" gutterBottom>
          Leefdomeinen
        </Typography>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: '200px 1fr 1fr',
            gap: 1,
            alignItems: 'start',
          }}
        >
          {LEEFDOMEINEN.codes.map((d) => (
            <Box key={d} sx={{ display: 'contents' }}>
              <Typography sx={{ pt: 1 }}>{LEEFDOMEINEN.labels[d]}</Typography>
              <AutosaveField
                size="small"
                draftKey={`plan:${plan.id}:${d}:situatie`}
                label="Situatie"
                value={domein(d).situatie}
                save={(v) => save({ domeinen: [{ ...domein(d), situatie: v }] })}
                multiline
                disabled={alleenLezen}
              />
              <AutosaveField
                size="small"
                draftKey={`plan:${plan.id}:${d}:doel`}
                label="Doel"
                value={domein(d).doel}
                save={(v) => save({ domeinen: [{ ...domein(d), doel: v }] })}
                multiline
                disabled={alleenLezen}
              />
            </Box>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
}
