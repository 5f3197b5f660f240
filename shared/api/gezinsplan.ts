/** The family's plan in its own words, its agreements, versions, consent and signatures. */
import { z } from 'zod';
import { AFSPRAAK_STATUSSEN, LEEFDOMEINEN, ONDERTEKENAARS } from '../domain';
import { handtekeningFout } from '../handtekening';
import { lezen, professional, schrijven, team } from './method';
import { datum, id, Ok, tekst, verplicht } from './velden';

export const Handtekening = z.object({
  id,
  /** The plan version this signature approves. */
  versie: z.number().int(),
  naam: z.string(),
  rol: z.enum(ONDERTEKENAARS.codes),
  lijnen: z.string(),
  getekendOp: z.string(),
});
export type Handtekening = z.infer<typeof Handtekening>;

/**
 * niet: nobody signed yet; ondertekend: the last fixed version is signed and the plan has not
 * changed since; opnieuw: signed before, but the plan changed or a newer version is unsigned.
 */
export const ONDERTEKENING = ['niet', 'ondertekend', 'opnieuw'] as const;
export type Ondertekening = (typeof ONDERTEKENING)[number];

export const Ondertekenen = z
  .object({
    gezinId: id,
    naam: verplicht(120),
    rol: z.enum(ONDERTEKENAARS.codes),
    lijnen: z
      .string()
      .max(20_000, { message: 'De handtekening is te groot. Zet de handtekening opnieuw.' })
      .superRefine((lijnen, ctx) => {
        const fout = handtekeningFout(lijnen);
        if (fout) ctx.addIssue({ code: 'custom', message: fout });
      }),
  })
  .strict();

export const PlanInhoud = z.object({
  eigenWoorden: z.string(),
  toekomstplan: z.string().nullable(),
  domeinen: z.array(
    z.object({ domein: z.enum(LEEFDOMEINEN.codes), situatie: z.string(), doel: z.string() }),
  ),
  afspraken: z.array(
    z.object({
      wat: z.string(),
      wie: z.string(),
      uiterlijk: z.string().nullable(),
      status: z.enum(AFSPRAAK_STATUSSEN.codes),
    }),
  ),
});
export type PlanInhoud = z.infer<typeof PlanInhoud>;

export const Gezinsplan = z.object({
  id,
  gezinId: id,
  inhoud: PlanInhoud,
  afspraakIds: z.array(id),
  toekomstplanNodig: z.boolean(),
  versie: z.number().int(),
  gewijzigdSindsVersie: z.boolean(),
  toestemming: z.object({ versie: z.number().int(), op: z.string(), door: z.string() }).nullable(),
  versies: z.array(
    z.object({ versie: z.number().int(), vastgesteldOp: z.string(), inhoud: PlanInhoud }),
  ),
  handtekeningen: z.array(Handtekening),
  ondertekening: z.enum(ONDERTEKENING),
});
export type Gezinsplan = z.infer<typeof Gezinsplan>;

export const gezinsplanMethods = {
  'gezinsplan.ophalen': lezen({
    input: z.object({ gezinId: id }).strict(),
    output: Gezinsplan,
    roles: team,
  }),
  'gezinsplan.opslaan': schrijven({
    input: z
      .object({
        gezinId: id,
        eigenWoorden: tekst(5_000).optional(),
        toekomstplan: tekst(5_000).optional(),
        domeinen: z
          .array(
            z
              .object({
                domein: z.enum(LEEFDOMEINEN.codes),
                situatie: tekst(2_000),
                doel: tekst(2_000),
              })
              .strict(),
          )
          .max(LEEFDOMEINEN.codes.length)
          .optional(),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'afspraak.opslaan': schrijven({
    input: z
      .object({
        gezinId: id,
        id: id.optional(),
        wat: verplicht(500),
        wie: verplicht(120),
        uiterlijk: datum.optional(),
        status: z.enum(AFSPRAAK_STATUSSEN.codes).optional(),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'afspraak.verwijderen': schrijven({
    input: z.object({ id }).strict(),
    output: Ok,
    roles: professional,
  }),
  'gezinsplan.vastleggen': schrijven({
    input: z.object({ gezinId: id }).strict(),
    output: z.object({ versie: z.number().int() }),
    roles: professional,
  }),
  'gezinsplan.toestemming': schrijven({
    input: z.object({ gezinId: id, door: verplicht(200) }).strict(),
    output: z.object({ versie: z.number().int() }),
    roles: professional,
  }),
  /** A family member signs the last fixed version on the screen; signing is consent. */
  'gezinsplan.ondertekenen': schrijven({
    input: Ondertekenen,
    output: z.object({ versie: z.number().int() }),
    roles: professional,
  }),
} as const;
