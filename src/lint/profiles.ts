/**
 * Which lint profiles apply to a zone. Profiles, their labels, ports and probed hosts come from
 * src/services/catalog.ts only (hosted mail vendors from src/services/hosted-mail.ts). In order of precedence:
 *   1. `--profile` or the config's profiles: always, as asked (`profiles: []` in a config: none);
 *   2. the profiles the zone declares (the `; zonesmith: profiles mdaemon` header comment that
 *      `generate` writes, or a spec's `profiles`), for a zone that serves mail;
 *   3. for a zone whose apex MX points at a hosted mail service, that vendor's profile: the discovery
 *      records the vendor documents, not RFC 6186 records aimed at its inbound MX host;
 *   4. `standard` for any other zone that serves mail (an MX at the apex, or a mail SRV record anywhere).
 * A zone that serves no mail and was not given profiles is checked against none.
 */
import { closest } from 'fastest-levenshtein';
import { LINT_PROFILE_IDS, PROFILES_ANNOTATION, protocolsByLabel, type LintProfileId, type Protocol } from '../services/catalog.js';
import { hostedMailVendorFor, type HostedMailVendor } from '../services/hosted-mail.js';
import type { Name } from '../zone/name.js';
import type { ZoneAnnotation } from '../zone/parser.js';
import type { Where } from './rule.js';
import type { ZoneIndex } from './zone-index.js';

export const DEFAULT_MAIL_PROFILE: LintProfileId = 'standard';

/** `_service._proto` of an SRV owner, or undefined when the owner has fewer than two labels. */
export function serviceLabel(owner: Name): string | undefined {
  const [service, proto] = owner.labelTexts;
  return service !== undefined && proto !== undefined ? `${service}.${proto}` : undefined;
}

/** The catalog's protocols whose label (in any profile) is this SRV owner's `_service._proto`. */
export function protocolsAt(owner: Name): Protocol[] {
  const label = serviceLabel(owner);
  return label ? protocolsByLabel(label).map((found) => found.protocol) : [];
}

export interface MailEvidence {
  what: string;
  where: Where;
}

/** Why the zone serves mail: an MX (other than a null MX) at the apex, elsewhere, or a mail SRV. */
export function mailEvidence(index: ZoneIndex, options: { includeApexMx: boolean }): MailEvidence | undefined {
  const apex = index.apex;
  // The names with an MX, then those with an SRV, each in the index's order (an MX anywhere wins): a
  // million-name zone is not walked whole, and an SRV owner's label is read from its key, not a Name.
  for (const entry of index.entriesWith('MX')) {
    const mx = entry.type('MX');
    if (mx && entry.mxExchange && (options.includeApexMx || entry.key !== apex.key)) {
      return { what: `the MX at ${entry.name}`, where: mx };
    }
  }
  const isMailLabel = new Map<string, boolean>();
  for (const entry of index.entriesWith('SRV')) {
    const label = serviceLabelOfKey(entry.key);
    let mail = label === undefined ? undefined : isMailLabel.get(label);
    if (mail === undefined) {
      mail = protocolsAt(entry.name).some((p) => p.mail);
      if (label !== undefined) isMailLabel.set(label, mail);
    }
    if (mail) return { what: `the SRV record ${entry.name}`, where: entry.type('SRV')! };
  }
  return undefined;
}

/** `_service._proto` of an index key (lower case, presentation form); undefined when escapes make it unsure. */
function serviceLabelOfKey(key: string): string | undefined {
  if (key.includes('\\')) return undefined;
  const second = key.indexOf('.', key.indexOf('.') + 1);
  return key.indexOf('.') > 0 && second > 0 ? key.slice(0, second) : undefined;
}

export type ProfileParse = { ok: true; profiles: LintProfileId[] } | { ok: false; error: string };

/** Reads `--profile` values: repeatable, each a comma list; every name checked against the catalog. */
export function parseProfiles(values: readonly string[]): ProfileParse {
  const profiles: LintProfileId[] = [];
  for (const value of values) {
    for (const raw of value.split(',')) {
      const name = raw.trim();
      if (name === '') continue;
      if (!(LINT_PROFILE_IDS as readonly string[]).includes(name)) {
        const hint = closest(name, [...LINT_PROFILE_IDS]);
        return {
          ok: false,
          error: `unknown profile "${name}" (did you mean "${hint}"?); profiles are ${LINT_PROFILE_IDS.join(', ')}`,
        };
      }
      if (!profiles.includes(name as LintProfileId)) profiles.push(name as LintProfileId);
    }
  }
  return { ok: true, profiles };
}

export interface DeclaredProfiles {
  /** The profiles the zone declares; undefined when it declares none that can be used. */
  profiles?: LintProfileId[];
  /** A `profiles` annotation that could not be read, and why. */
  problem?: { annotation: ZoneAnnotation; message: string };
}

/**
 * The profiles a zone file declares in its header: `; zonesmith: profiles standard, mdaemon`
 * (commas or blanks between names; `none` for none), as catalog.ts `profilesAnnotation` writes it.
 * The last such annotation counts.
 */
export function declaredProfiles(annotations: readonly ZoneAnnotation[]): DeclaredProfiles {
  const { word, none } = PROFILES_ANNOTATION;
  const annotation = annotations.filter((a) => a.text.split(/\s+/)[0]?.toLowerCase() === word).pop();
  if (!annotation) return {};
  const names = annotation.text.slice(word.length).split(/[\s,]+/).filter((name) => name !== '');
  if (names.length === 1 && names[0]!.toLowerCase() === none) return { profiles: [] };
  const parsed = parseProfiles([names.join(',')]);
  if (!parsed.ok) return { problem: { annotation, message: parsed.error } };
  if (parsed.profiles.length === 0) return { problem: { annotation, message: `name the profiles (${LINT_PROFILE_IDS.join(', ')}) or write "${none}"` } };
  return { profiles: parsed.profiles };
}

/** The hosted mail vendor the zone's apex MX points at (its first MX that is not a null MX), if any. */
export function hostedMailVendorOf(index: ZoneIndex): HostedMailVendor | undefined {
  const exchange = index.entry(index.apex)?.mxExchange;
  return exchange ? hostedMailVendorFor(exchange) : undefined;
}

/**
 * The profiles in force: the ones asked for (an empty list asks for none); else, for a zone that
 * serves mail, the ones it declares, or its hosted mail vendor's, or `standard`; else none.
 */
export function activeProfiles(
  requested: readonly LintProfileId[] | undefined,
  declared: readonly LintProfileId[] | undefined,
  index: ZoneIndex,
): LintProfileId[] {
  if (requested) return [...requested];
  if (!mailEvidence(index, { includeApexMx: true })) return [];
  if (declared) return [...declared];
  const vendor = hostedMailVendorOf(index);
  return [vendor ? vendor.id : DEFAULT_MAIL_PROFILE];
}
