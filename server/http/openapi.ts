/** The service's OpenAPI description, served at /openapi.json. */
import { z } from 'zod';
import {
  PullVraag,
  PushVerzoek,
  QuarantaineMelding,
  ToegangslogPush,
} from '../../shared/sync/protocol';
import { Intrekken } from '../routes/apparaten';
import { Aanmelden, Vernieuwen } from '../routes/auth';
import { NieuweGebruiker, NieuwTeam, RolEnTeam } from '../routes/beheer';
import { NieuweVoorziening, VoorzieningWijzigen } from '../sync/sociale-kaart-beheer';

/** The routes as the OpenAPI description lists them. */
const ROUTES = [
  ['get', '/health', 'Is de dienst er, en welke database', null],
  ['get', '/openapi.json', 'Deze beschrijving', null],
  ['get', '/updates/{bestand}', 'Updates van de desktop-app (electron-builder, generic)', null],
  ['post', '/auth/aanmelden', 'Aanmelden met e-mail en wachtwoord op een apparaat', Aanmelden],
  ['post', '/auth/vernieuwen', 'Nieuw toegangstoken met een vernieuwtoken', Vernieuwen],
  ['get', '/ik', 'Wie ben ik, op welk apparaat', null],
  [
    'get',
    '/beheer/apparaten',
    'Alle apparaten per account: naam, eerste en laatste contact, app-versie, staat (beheerder)',
    null,
  ],
  [
    'post',
    '/beheer/apparaten/{id}/intrekken',
    'Een apparaat intrekken: vervangen (eerst een laatste sync) of verloren (beheerder)',
    Intrekken,
  ],
  [
    'post',
    '/beheer/gebruikers/{id}/apparaten/intrekken',
    'Alle apparaten van een account intrekken (beheerder)',
    Intrekken,
  ],
  [
    'post',
    '/beheer/gebruikers/{id}/rol',
    'Rol en team van een account wijzigen; wie van team wisselt krijgt zijn laptops vervangen (beheerder)',
    RolEnTeam,
  ],
  [
    'post',
    '/beheer/gebruikers/{id}/deactiveren',
    'Een account op non-actief zetten: niet meer aanmelden, alle apparaten ingetrokken (beheerder)',
    null,
  ],
  ['get', '/beheer/gebruikers', 'Alle accounts, zonder wachtwoorden (beheerder)', null],
  ['post', '/beheer/gebruikers', 'Een account aanmaken (beheerder)', NieuweGebruiker],
  ['post', '/beheer/teams', 'Een team aanmaken (beheerder)', NieuwTeam],
  ['get', '/beheer/sociale-kaart', 'De sociale kaart, per gemeente (beheerder)', null],
  ['post', '/beheer/sociale-kaart', 'Een voorziening toevoegen (beheerder)', NieuweVoorziening],
  [
    'post',
    '/beheer/sociale-kaart/{id}',
    'Een voorziening wijzigen of op non-actief zetten (beheerder)',
    VoorzieningWijzigen,
  ],
  [
    'get',
    '/sync/scopes',
    'De scopes die dit apparaat ontvangt, in ophaalvolgorde, met hun stand',
    null,
  ],
  [
    'post',
    '/sync/push',
    'Wijzigingen aanbieden (elke wijzigings-id hooguit één keer)',
    PushVerzoek,
  ],
  ['get', '/sync/pull', 'Wijzigingen in een scope na een cursor, per pagina', PullVraag],
  [
    'post',
    '/sync/toegangslog',
    'Toegangslogregels bewaren (NEN 7513), ook van een ingetrokken apparaat',
    ToegangslogPush,
  ],
  [
    'post',
    '/sync/quarantaine',
    'Wat dit apparaat niet kon opslaan (quarantaine), zoals het nu is; vervangt de vorige melding',
    QuarantaineMelding,
  ],
  ['get', '/beheer/quarantaine', 'Wat laptops niet konden opslaan, per apparaat (beheerder)', null],
  ['post', '/sync/nummerblok', 'Een blok toewijzingnummers voor deze laptop (ADR 0005)', null],
  [
    'post',
    '/sync/afronden',
    'Een apparaat dat vervangen wordt meldt zijn laatste sync; daarna is het ingetrokken',
    null,
  ],
] as const;

export function openApi() {
  const paths: Record<string, Record<string, object>> = {};
  for (const [method, path, summary, body] of ROUTES)
    paths[path] = {
      ...paths[path],
      [method]: {
        summary,
        ...(body
          ? {
              requestBody: {
                content: { 'application/json': { schema: z.toJSONSchema(body, { io: 'input' }) } },
              },
            }
          : {}),
        responses: { 200: { description: 'OK' }, 400: { description: 'Ongeldige invoer' } },
      },
    };
  return {
    openapi: '3.1.0',
    info: { title: 'Eenplan centrale dienst', version: '0.1.0' },
    components: {
      securitySchemes: { toegangstoken: { type: 'http', scheme: 'bearer' } },
    },
    paths,
  };
}
