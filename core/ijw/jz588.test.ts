/**
 * JZ588 "Reden beëindiging" (the reason in a provider's JW307) against the official iJw 3.2
 * list (test/fixtures/ijw-3.2/JZ588-reden-beeindiging.md, as published) and the XSD's
 * enumeration, and how each code lands in Eenplan's own end reasons.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EINDE_REDENEN, IJW_REDENEN_BEEINDIGING } from '../../shared/domain';
import { IJW_FIXTURES } from '../../test/helpers/xmllint';
import { eindeRedenVoor } from './start-stop';

/** The code list's rows (code, omschrijving) from the markdown table under "# Codelijst". */
function jz588(): [string, string][] {
  const tekst = readFileSync(join(IJW_FIXTURES, 'JZ588-reden-beeindiging.md'), 'utf8');
  const lijst = tekst.slice(tekst.indexOf('# Codelijst'));
  return [...lijst.matchAll(/^\|\s*(\d{2})\s*\|\s*([^|]+?)\s*\|/gm)].map((m) => [m[1]!, m[2]!]);
}

describe('JZ588 Reden beëindiging', () => {
  it('is the official list, code for code and word for word', () => {
    const officieel = jz588();
    expect(officieel).toHaveLength(11);
    expect(
      IJW_REDENEN_BEEINDIGING.codes.map((c) => [c, IJW_REDENEN_BEEINDIGING.labels[c]]),
    ).toEqual(officieel);
  });

  it('has the codes the JW307 XSD allows (LDT_RedenBeeindiging)', () => {
    const basis = readFileSync(join(IJW_FIXTURES, 'basisschema.xsd'), 'utf8');
    const type = basis.slice(
      basis.indexOf('<xs:simpleType name="LDT_RedenBeeindiging">'),
      basis.indexOf('</xs:simpleType>', basis.indexOf('name="LDT_RedenBeeindiging"')),
    );
    expect([...type.matchAll(/<xs:enumeration value="(\d+)"/g)].map((m) => m[1])).toEqual([
      ...IJW_REDENEN_BEEINDIGING.codes,
    ]);
  });

  it("maps each code to one of Eenplan's end reasons", () => {
    const uit = Object.fromEntries(
      IJW_REDENEN_BEEINDIGING.codes.map((c) => [c, eindeRedenVoor(c)]),
    );
    expect(uit).toEqual({
      '02': 'overig',
      '20': 'overig',
      '31': 'volgens_plan',
      '32': 'voortijdig_client',
      '33': 'voortijdig_aanbieder',
      '34': 'overig',
      '35': 'overig',
      '36': 'overig',
      '37': 'overig',
      '38': 'overig',
      '39': 'overig',
    });
    // 35 "externe oorzaak" is a move only when the professional says so.
    expect(eindeRedenVoor('35', true)).toBe('verhuizing');
    expect(eindeRedenVoor('31', true)).toBe('volgens_plan');
    for (const c of IJW_REDENEN_BEEINDIGING.codes)
      expect(EINDE_REDENEN.codes).toContain(eindeRedenVoor(c, true));
  });
});
