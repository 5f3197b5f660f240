import { describe, expect, it } from 'vitest';
import { actieplanMethods } from './actieplan';
import { agendaMethods } from './agenda';
import { akkoordMethods } from './akkoord';
import { auditMethods } from './audit';
import { bestandenMethods } from './bestanden';
import { budgetMethods } from './budget';
import { conceptenMethods } from './concepten';
import { gesprekkenMethods } from './gesprekken';
import { gezinMethods } from './gezin';
import { gezinsplanMethods } from './gezinsplan';
import { ijwMethods } from './ijw';
import { API } from './index';
import { kluisMethods } from './kluis';
import { sessieMethods } from './sessie';
import { socialeKaartMethods } from './sociale-kaart';
import { sojMethods } from './soj';
import { syncMethods } from './sync';
import { takenMethods } from './taken';
import { toewijzingMethods } from './toewijzing';

const DELEN = [
  actieplanMethods,
  agendaMethods,
  akkoordMethods,
  auditMethods,
  bestandenMethods,
  budgetMethods,
  conceptenMethods,
  gesprekkenMethods,
  gezinMethods,
  gezinsplanMethods,
  ijwMethods,
  kluisMethods,
  sessieMethods,
  socialeKaartMethods,
  sojMethods,
  syncMethods,
  takenMethods,
  toewijzingMethods,
];

describe('the contract, one part per area', () => {
  // The API is the areas' parts spread together: a method declared in two parts would silently
  // be one of them, and its handler in the other area would never run.
  it('declares every method in exactly one area, and each as lezen or schrijven', () => {
    const namen = DELEN.flatMap((deel) => Object.keys(deel));
    expect(new Set(namen).size).toBe(namen.length);
    expect(namen.sort()).toEqual(Object.keys(API).sort());
    for (const spec of Object.values(API)) expect(['lezen', 'schrijven']).toContain(spec.soort);
  });
});
