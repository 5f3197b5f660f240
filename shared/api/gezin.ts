/** The caseload and a family: its dossier, members, network, closing and who works with it. */
import { z } from 'zod';
import { GEZIN_STATUSSEN, GEZINSLID_ROLLEN, ZORGPROFIEL_CATEGORIEEN } from '../domain';
import { EMAIL_FOUT, isEmail, TELEFOON_FOUT, telefoonCijfers } from '../gezinsgegevens';
import { Actieplan } from './actieplan';
import { lezen, professional, schrijven, team } from './method';
import { Signaal } from './taken';
import { bsn, CorrectieReden, datum, id, Ok, postcode, tekst, verplicht } from './velden';

/** Empty stays empty; otherwise a Dutch phone number, stored as typed (trimmed). */
const telefoon = tekst(30).refine((t) => t === '' || telefoonCijfers(t) !== null, {
  message: TELEFOON_FOUT,
});
const email = tekst(200).refine((t) => t === '' || isEmail(t), { message: EMAIL_FOUT });

/** What a member holds beside name and birth date; all optional. */
export const LidContactInvoer = {
  telefoon: telefoon.optional(),
  email: email.optional(),
  /** Holds parental authority (gezag); absent: not known. */
  gezag: z.boolean().nullable().optional(),
  school: tekst(200).optional(),
};

export const GezinslidVerwijderen = z.object({ id, reden: CorrectieReden }).strict();

export const GezinGegevensInvoer = z
  .object({
    gezinId: id,
    huisarts: tekst(200),
    gezagToelichting: tekst(500),
    tolkNodig: z.boolean(),
    tolkTaal: tekst(80),
  })
  .strict()
  .refine((g) => !g.tolkNodig || g.tolkTaal !== '', {
    message: 'Vul in welke taal de tolk spreekt',
    path: ['tolkTaal'],
  });

/** Rows of the caseload in one answer at most. */
export const GEZINNEN_PAGINA_MAX = 500;
/** Windows of the caseload start at multiples of this many rows. */
export const GEZINNEN_VENSTER_STAP = 15;
/**
 * The rows the caseload screen asks for while `inBeeld` rows (those in view and their margin)
 * are shown: those and one step either side, so a scroll of up to a step needs no new window.
 */
export const gezinnenVenster = (inBeeld: number) =>
  Math.min(
    GEZINNEN_PAGINA_MAX,
    (Math.ceil(inBeeld / GEZINNEN_VENSTER_STAP) + 2) * GEZINNEN_VENSTER_STAP,
  );

export const GezinRegel = z.object({
  id,
  naam: z.string(),
  woonplaats: z.string(),
  status: z.enum(GEZIN_STATUSSEN.codes),
  regisseurNaam: z.string(),
  aangemeldOp: z.string(),
  jeugdigen: z.array(z.object({ voornaam: z.string(), geboortedatum: z.string() })),
  zorgprofielen: z.array(z.enum(ZORGPROFIEL_CATEGORIEEN.codes)),
  signalen: z.number().int(),
});
export type GezinRegel = z.infer<typeof GezinRegel>;

const Lid = z.object({
  id,
  rol: z.enum(GEZINSLID_ROLLEN.codes),
  voornaam: z.string(),
  achternaam: z.string(),
  geboortedatum: z.string(),
  leeftijd: z.number().int(),
  bsnGemaskeerd: z.string().nullable(),
  telefoon: z.string().nullable(),
  email: z.string().nullable(),
  gezag: z.boolean().nullable(),
  school: z.string().nullable(),
});

const Netwerklid = z.object({
  id,
  naam: z.string(),
  relatie: z.string(),
  telefoon: z.string().nullable(),
  rolInPlan: z.string().nullable(),
});

const Gebeurtenis = z.object({ datum: z.string(), soort: z.string(), tekst: z.string() });

export const Dossier = z.object({
  gezin: z.object({
    id,
    naam: z.string(),
    adres: z.string(),
    postcode: z.string(),
    woonplaats: z.string(),
    status: z.enum(GEZIN_STATUSSEN.codes),
    aangemeldOp: z.string(),
    afgeslotenOp: z.string().nullable(),
    oordeelGezin: z.string().nullable(),
    oordeelCijfer: z.number().int().nullable(),
    /** What a professional looks up before a visit. */
    huisarts: z.string().nullable(),
    gezagToelichting: z.string().nullable(),
    tolkNodig: z.boolean(),
    tolkTaal: z.string().nullable(),
    regisseurId: id,
    regisseurNaam: z.string(),
    /** Colleagues who work with the family beside the regisseur. */
    medewerkers: z.array(z.object({ id, naam: z.string() })),
    /** The caller is the regisseur or a medewerker (a teamcoach: never; they only read). */
    magWijzigen: z.boolean(),
  }),
  leden: z.array(Lid),
  netwerk: z.array(Netwerklid),
  actieplannen: z.array(Actieplan),
  tijdlijn: z.array(Gebeurtenis),
  signalen: z.array(Signaal),
});
export type Dossier = z.infer<typeof Dossier>;

const LidInvoer = z
  .object({
    rol: z.enum(GEZINSLID_ROLLEN.codes),
    voornaam: verplicht(100),
    achternaam: verplicht(100),
    geboortedatum: datum,
    bsn: bsn.optional(),
  })
  .strict();

export const gezinMethods = {
  'gezinnen.lijst': lezen({
    input: z
      .object({
        /** Name, date of birth (dd-mm-jjjj) or BSN. */
        zoek: z.string().trim().max(100).optional(),
        status: z.enum(GEZIN_STATUSSEN.codes).optional(),
        zorgprofiel: z.enum(ZORGPROFIEL_CATEGORIEEN.codes).optional(),
        evaluatieNodig: z.boolean().optional(),
        alleenEigen: z.boolean().optional(),
        /** A window of the list (the screen shows only the rows in view): first row, count. */
        vanaf: z.number().int().min(0).optional(),
        aantal: z.number().int().min(1).max(GEZINNEN_PAGINA_MAX).optional(),
      })
      .strict(),
    output: z.object({
      gezinnen: z.array(GezinRegel),
      /** Index of the first row of `gezinnen` in the whole list. */
      vanaf: z.number().int(),
      totaal: z.number().int(),
      perStatus: z.record(z.enum(GEZIN_STATUSSEN.codes), z.number().int()),
    }),
    roles: team,
  }),
  'gezin.aanmaken': schrijven({
    input: z
      .object({
        naam: verplicht(120),
        adres: verplicht(200),
        postcode,
        woonplaats: verplicht(100),
        leden: z.array(LidInvoer).min(1, { message: 'Voeg minstens één gezinslid toe' }).max(20),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'gezin.dossier': lezen({
    input: z.object({ gezinId: id }).strict(),
    output: Dossier,
    roles: team,
  }),
  /** Adds a member, or corrects one: a changed name, role, birth date or BSN needs a reason. */
  'gezinslid.opslaan': schrijven({
    input: LidInvoer.extend({
      gezinId: id,
      id: id.optional(),
      ...LidContactInvoer,
      reden: CorrectieReden.optional(),
    }).strict(),
    output: Ok,
    roles: professional,
  }),
  /** Removes a member entered by mistake, with the reason (timeline and access log). */
  'gezinslid.verwijderen': schrijven({
    input: GezinslidVerwijderen,
    output: Ok,
    roles: professional,
  }),
  /** Huisarts, gezag and interpreter: the facts looked up before a visit. */
  'gezin.gegevens': schrijven({ input: GezinGegevensInvoer, output: Ok, roles: professional }),
  'netwerklid.opslaan': schrijven({
    input: z
      .object({
        gezinId: id,
        id: id.optional(),
        naam: verplicht(120),
        relatie: verplicht(80),
        telefoon: tekst(30).optional(),
        rolInPlan: tekst(300).optional(),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'netwerklid.verwijderen': schrijven({
    input: z.object({ id }).strict(),
    output: Ok,
    roles: professional,
  }),
  'gezin.afsluiten': schrijven({
    input: z
      .object({
        gezinId: id,
        datum,
        doelen: z.array(
          z.object({ id, resultaat: z.enum(['behaald', 'deels', 'niet_behaald']) }).strict(),
        ),
        oordeelGezin: verplicht(2_000),
        oordeelCijfer: z.number().int().min(1).max(10),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  /** The regisseur adds or removes a colleague who works with the family. */
  'gezin.medewerker': schrijven({
    input: z
      .object({ gezinId: id, professionalId: id, actie: z.enum(['toevoegen', 'verwijderen']) })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'gezin.overdragen': schrijven({
    input: z.object({ gezinId: id, naarId: id, reden: verplicht(1_000) }).strict(),
    output: Ok,
    roles: professional,
  }),
} as const;
