/** The access log (NEN 7513) and the AVG inzage. */
import { z } from 'zod';
import { lezen, schrijven, team, toezicht } from './method';
import { datum, id, Ok } from './velden';

export const AUDIT_ACTIES = ['inzien', 'wijzigen', 'exporteren', 'printen', 'log_inzien'] as const;
export type AuditActie = (typeof AUDIT_ACTIES)[number];
export const AUDIT_ACTIE_LABELS: Record<AuditActie, string> = {
  inzien: 'Ingezien',
  wijzigen: 'Gewijzigd',
  exporteren: 'Geëxporteerd',
  printen: 'Afgedrukt',
  log_inzien: 'Logboek ingezien',
};

/** Which part of the record a line is about, by the API method that showed or changed it. */
export const ONDERDEEL_LABELS: Record<string, string> = {
  'gezin.dossier': 'Dossier',
  'gezin.inzage': 'Inzage-export (AVG)',
  'gezin.aanmaken': 'Aanmelding',
  'gezinslid.opslaan': 'Gezinslid',
  'gezinslid.bsnTonen': 'BSN',
  'gezinslid.verwijderen': 'Gezinslid verwijderd',
  'gezin.gegevens': 'Gegevens voor een bezoek',
  'netwerklid.opslaan': 'Netwerk',
  'netwerklid.verwijderen': 'Netwerk',
  'gezinsplan.ophalen': 'Gezinsplan',
  'gezinsplan.opslaan': 'Gezinsplan',
  'afspraak.opslaan': 'Afspraak',
  'afspraak.verwijderen': 'Afspraak',
  'gezinsplan.vastleggen': 'Gezinsplanversie',
  'gezinsplan.toestemming': 'Toestemming',
  'actieplan.aanmaken': 'Actieplan',
  'actieplan.opslaan': 'Actieplan',
  'actieplan.triage': 'Triage',
  'doel.opslaan': 'Doel',
  'zorgprofiel.vaststellen': 'Zorgprofiel',
  'aanbieders.voorProfiel': 'Aanbiederkeuze',
  'toewijzing.voorstel': 'Toewijzing (voorstel)',
  'toewijzing.aanmaken': 'Toewijzing',
  'akkoord.besluiten': 'Vier-ogenbesluit',
  'toewijzing.startVastleggen': 'Start zorg',
  'evaluatie.vastleggen': 'Evaluatie',
  'toewijzing.stoppen': 'Toewijzing gestopt',
  'gezin.afsluiten': 'Afsluiting',
  'gezin.overdragen': 'Overdracht',
  'sync.overzicht': 'Conflicten',
  'sync.oplossen': 'Conflict opgelost',
  'inzage.reden': 'Reden van inzage',
  'toegangslog.alles': 'Logboek',
  'toegangslog.client': 'Logboek per cliënt',
  'toegangslog.medewerker': 'Logboek per medewerker',
  'gezinsplan.ondertekenen': 'Handtekening gezinsplan',
  'gesprek.opslaan': 'Gespreksverslag',
  'gesprek.lijst': 'Gespreksverslagen',
  'socialeKaart.zoeken': 'Sociale kaart',
  'actieplan.voorzieningInzetten': 'Voorziening ingezet',
  'actieplan.voorzieningWeghalen': 'Voorziening weggehaald',
  'bezoek.plannen': 'Bezoek gepland',
  'bezoek.verwijderen': 'Bezoek geschrapt',
  'toewijzing.jw301': 'JW301-bericht',
  'ijw.verzoekLezen': 'Verzoek om toewijzing (JW315)',
  'ijw.berichtLezen': 'Start/stop zorg gelezen (JW305/JW307)',
  'ijw.berichtVerwerken': 'Start/stop zorg vastgelegd (JW305/JW307)',
  export: 'Export',
  pdf: 'Plan afgedrukt (pdf)',
};
/** `soort:detail` (an export's table, a log view's employee) shows the kind. */
export const onderdeelLabel = (onderdeel: string) =>
  ONDERDEEL_LABELS[onderdeel.split(':')[0]!] ?? onderdeel;

export const ToegangslogVraag = z
  .object({
    /** Per client: every line about this family. */
    gezinId: id.optional(),
    /** Per employee: every line this professional caused. */
    professionalId: id.optional(),
    van: datum.optional(),
    tot: datum.optional(),
  })
  .strict()
  .refine((v) => v.gezinId === undefined || v.professionalId === undefined, {
    message: 'Kies een cliënt of een medewerker, niet allebei',
    path: ['professionalId'],
  })
  .refine((v) => !v.van || !v.tot || v.van <= v.tot, {
    message: 'De einddatum ligt voor de begindatum',
    path: ['tot'],
  });

/**
 * The state of the laptop's access-log chain (core/audit/toegangslog.ts `controleer`), as the
 * Logboek shows it.
 */
export const KetenStatus = z.union([
  z.object({
    intact: z.literal(true),
    regels: z.number().int(),
    /** Lines up to the central service's anchor: held against what the service received. */
    verankerd: z.number().int(),
    /**
     * Lines not yet covered by the anchor and without a MAC: written before this profile had
     * a log key from the service (before its first sign-in). Not damaged, but only the local
     * chain vouches for them.
     */
    onbeschermd: z.number().int(),
  }),
  z.object({
    intact: z.literal(false),
    regels: z.number().int(),
    /** The first line that does not fit (for `anker`: the anchor's line, or the first missing). */
    seq: z.number().int(),
    reden: z.string(),
    /**
     * `keten`: the chain itself is broken; `anker`: lines the central service already received
     * were changed or removed; `mac`: a line not yet sent, or the end of the chain, lacks its MAC.
     */
    soort: z.enum(['keten', 'anker', 'mac']),
  }),
]);
export type KetenStatus = z.infer<typeof KetenStatus>;

export const Logregel = z.object({
  seq: z.number().int(),
  at: z.string(),
  actie: z.enum(AUDIT_ACTIES),
  gezinId: z.string().nullable(),
  gezinNaam: z.string().nullable(),
  medewerkerId: z.string(),
  medewerker: z.string(),
  namens: z.string().nullable(),
  onderdeel: z.string(),
  reden: z.string().nullable(),
  apparaat: z.string(),
});

export const Toegangslog = z.object({
  regels: z.array(Logregel),
  /** More lines matched than are shown (the newest are shown). */
  afgekapt: z.boolean(),
  keten: KetenStatus,
  /** The choices for the two views: families and employees that occur in the log. */
  gezinnen: z.array(z.object({ id: z.string(), naam: z.string() })),
  medewerkers: z.array(z.object({ id: z.string(), naam: z.string() })),
});

export const InzageReden = z
  .object({
    gezinId: id,
    reden: z
      .string()
      .trim()
      .min(10, { message: 'Beschrijf de reden in minstens 10 tekens' })
      .max(500),
  })
  .strict();

export const BsnTonen = z.object({ gezinslidId: id }).strict();

export const GezinInzage = z.object({ gezinId: id }).strict();
/** Everything about one family (AVG inzage): its records per table and the access log. */
export const InzageDocument = z.object({
  gemaaktOp: z.string(),
  gezinId: z.string(),
  onderdelen: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  toegangslog: z.array(Logregel),
});

export const auditMethods = {
  /** Shows one member's full BSN; written to the access log. */
  'gezinslid.bsnTonen': lezen({
    input: BsnTonen,
    output: z.object({ bsn: z.string() }),
    roles: team,
  }),
  /** AVG inzage: everything about one family as one document; logged as an export. */
  'gezin.inzage': lezen({ input: GezinInzage, output: InzageDocument, roles: team }),
  /** A teamcoach states why before reading a dossier; valid for 30 minutes, logged. */
  'inzage.reden': schrijven({ input: InzageReden, output: Ok, roles: ['teamcoach'] as const }),
  'toegangslog.lijst': lezen({ input: ToegangslogVraag, output: Toegangslog, roles: toezicht }),
} as const;
