/**
 * The spec's name rule: `@` is the apex, a name without a dot is relative to the zone, a name with a
 * dot is absolute whether or not it ends in a dot. So the trailing-dot mistake of hand-written zones
 * (RFC 1912 §3.2) cannot be made in a spec. Spec names are plain ASCII host-ish text: no escapes,
 * no spaces; international names must be written in their punycode (A-label) form (RFC 5891 §4.4).
 */
import { domainToAscii } from '../zone/idna.js';
import { isHostnameLabel, Name } from '../zone/name.js';

export type SpecNameResult = { ok: true; name: Name } | { ok: false; error: string };

/** Letters, digits, hyphen, underscore, dot, and `*` (checked as a whole label below). */
function isSpecNameChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2d ||
    code === 0x5f ||
    code === 0x2e ||
    code === 0x2a
  );
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** Reads a spec name against the zone's origin. */
export function parseSpecName(text: string, origin: Name): SpecNameResult {
  if (text === '@') return { ok: true, name: origin };
  if (hasNonAscii(text)) {
    const ascii = domainToAscii(text.replace(/\.$/, ''));
    return {
      ok: false,
      error: ascii
        ? `"${text}" is not ASCII: DNS names in a zone are written in punycode; use "${ascii}"`
        : `"${text}" is not ASCII and has no valid punycode form; write the name in ASCII (xn--... labels)`,
    };
  }
  for (let i = 0; i < text.length; i++) {
    if (!isSpecNameChar(text.charCodeAt(i))) {
      return {
        ok: false,
        error: `"${text}" contains ${JSON.stringify(text[i])}: a name may hold letters, digits, "-", "_" and dots ("*" as a whole first label), or be "@"`,
      };
    }
  }
  const hasDot = text.includes('.');
  const parsed = hasDot ? Name.parse(text.endsWith('.') ? text : text + '.') : Name.parse(text, origin);
  if (!parsed.ok) return { ok: false, error: `"${text}" is not a valid name: ${parsed.error}` };
  const stars = parsed.name.labels.filter((l) => l.includes('*'));
  if (stars.length > 0 && (stars.length > 1 || parsed.name.labels[0] !== '*')) {
    return { ok: false, error: `"${text}": "*" may only be the whole first label (a wildcard, *.example.com)` };
  }
  return { ok: true, name: parsed.name };
}

/**
 * Names of hosts (address owners; MX, NS and SRV targets) follow RFC 952/1123: letters, digits and
 * hyphens. BIND's check-names warns otherwise, and the zones we write must load without warnings.
 */
export function hostnameProblem(name: Name, allowWildcard: boolean): string | undefined {
  const bad = name.labels.find((label, i) => !(isHostnameLabel(label) || (allowWildcard && i === 0 && label === '*')));
  if (bad === undefined) return undefined;
  return `"${name.toString()}" is not a valid host name: the label "${bad}" must hold only letters, digits and inner hyphens (RFC 952/1123)`;
}
