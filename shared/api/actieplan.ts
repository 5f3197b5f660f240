/** Action plans: the help question, triage, SMART goals with their progress and the zorgprofiel. */
import { z } from 'zod';
import {
  ACTIEPLAN_STATUSSEN,
  DOEL_RESULTATEN,
  PROBLEEMGEBIEDEN,
  TRIAGE_UITKOMSTEN,
  VERWIJZERS,
  ZORGPROFIEL_CATEGORIEEN,
} from '../domain';
import { professional, schrijven } from './method';
import { IngezetteVoorziening } from './sociale-kaart';
import { Toewijzing } from './toewijzing';
import { DoelVoortgang } from './doel-scores';
import { CorrectieReden, datum, id, Ok, tekst, verplicht } from './velden';

const Doel = z.object({
  id,
  omschrijving: z.string(),
  meetbaar: z.string(),
  uiterlijk: z.string(),
  resultaat: z.enum(DOEL_RESULTATEN.codes),
  /** Its score at each evaluation, oldest first. */
  voortgang: z.array(DoelVoortgang),
});

const Zorgprofiel = z.object({
  id,
  categorie: z.enum(ZORGPROFIEL_CATEGORIEEN.codes),
  probleemgebieden: z.array(z.enum(PROBLEEMGEBIEDEN.codes)),
  vastgesteldOp: z.string(),
});

export const Actieplan = z.object({
  id,
  jeugdigeId: id,
  jeugdigeNaam: z.string(),
  hulpvraag: z.string(),
  problemen: z.string(),
  verwijzer: z.enum(VERWIJZERS.codes),
  eigenKracht: z.string().nullable(),
  netwerk: z.string().nullable(),
  voorliggend: z.string().nullable(),
  triageUitkomst: z.enum(TRIAGE_UITKOMSTEN.codes).nullable(),
  jeugdhulpNodig: z.boolean(),
  status: z.enum(ACTIEPLAN_STATUSSEN.codes),
  geopendOp: z.string(),
  afgerondOp: z.string().nullable(),
  doelen: z.array(Doel),
  zorgprofiel: Zorgprofiel.nullable(),
  toewijzingen: z.array(Toewijzing),
  /** Voorliggende voorzieningen from the sociale kaart used in the triage. */
  voorzieningen: z.array(IngezetteVoorziening),
});
export type Actieplan = z.infer<typeof Actieplan>;

export const actieplanMethods = {
  'actieplan.aanmaken': schrijven({
    input: z
      .object({
        gezinId: id,
        jeugdigeId: id,
        hulpvraag: verplicht(2_000),
        problemen: tekst(2_000).optional(),
        verwijzer: z.enum(VERWIJZERS.codes),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'actieplan.opslaan': schrijven({
    input: z
      .object({
        id,
        hulpvraag: verplicht(2_000).optional(),
        problemen: tekst(2_000).optional(),
        eigenKracht: tekst(2_000).optional(),
        netwerk: tekst(2_000).optional(),
        voorliggend: tekst(2_000).optional(),
        verwijzer: z.enum(VERWIJZERS.codes).optional(),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'actieplan.triage': schrijven({
    input: z.object({ id, uitkomst: z.enum(TRIAGE_UITKOMSTEN.codes) }).strict(),
    output: Ok,
    roles: professional,
  }),
  'doel.opslaan': schrijven({
    input: z
      .object({
        actieplanId: id,
        id: id.optional(),
        omschrijving: verplicht(500),
        meetbaar: verplicht(500),
        uiterlijk: datum,
        /** Why a goal is corrected (on the timeline). */
        reden: CorrectieReden.optional(),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'zorgprofiel.vaststellen': schrijven({
    input: z
      .object({
        actieplanId: id,
        categorie: z.enum(ZORGPROFIEL_CATEGORIEEN.codes),
        probleemgebieden: z
          .array(z.enum(PROBLEEMGEBIEDEN.codes))
          .min(1, { message: 'Kies minstens één probleemgebied' }),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
} as const;
