/**
 * The one judge, applied to a spec: the records of each resolved zone go past the same lint rules,
 * with the same settings, as a zone file's; their findings join the spec's own problems (shape,
 * values that cannot become records). Positions are the spec's lines and columns.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { LintProfileId } from '../services/catalog.js';
import { SPEC_RULE, zoneList } from '../spec/diagnostics.js';
import type { ResolvedSpec } from '../spec/resolve.js';
import type { Name } from '../zone/name.js';
import { lintRecords, type RuleSettings } from './engine.js';
import type { RuleMeta } from './rule.js';

/** The spec's own problems have an id too (`spec`), so reports can list what they are (SARIF's rules). */
export const SPEC_META: RuleMeta = {
  id: SPEC_RULE,
  severity: 'error',
  description: "A problem of the spec itself: its shape (unknown keys, wrong types), or a value that cannot become a record",
  source: 'the zonesmith spec schema (schemas/zonesmith.schema.json)',
  fixable: false,
};

export interface JudgeSettings {
  /** Profiles to judge every zone by, before those it is generated for (a lint config's `profiles`). */
  profiles?: readonly LintProfileId[];
  /** Per-rule severity or `off`, as for lint. */
  rules?: RuleSettings;
  /** The settings for one zone, where a config's overrides name it; replaces `profiles` and `rules` for that zone. */
  forZone?: (origin: Name) => { profiles?: readonly LintProfileId[]; rules?: RuleSettings };
}

/** Every problem of a resolved spec, in file order: its own, then what the rules find in its zones. */
export function judgeSpec(spec: ResolvedSpec, settings: JudgeSettings = {}): Diagnostic[] {
  // A record that comes from `defaults` is in every zone that inherits it, at the same place: what a
  // rule says there is told once, with the other zones named (as the resolver does for its own problems).
  // The names are a set: 10,000 zones may share one finding.
  const told = new Map<string, { zone: number; others: Set<string> }>();
  const findings: { diagnostic: Diagnostic; others: Set<string> }[] = [];
  spec.zones.forEach(({ zone, profiles, domain }, index) => {
    // The profiles the zone is generated for stand where its header comment will (`; zonesmith: profiles`),
    // so the spec is judged as `lint` judges the file `generate` writes; a config's profiles come first, as there.
    const own = settings.forZone ? settings.forZone(zone.origin) : settings;
    const { diagnostics } = lintRecords(zone.records, {
      file: spec.file,
      origin: zone.origin,
      declaredProfiles: profiles,
      ...(own.profiles ? { profiles: own.profiles } : {}),
      rules: own.rules ?? {},
    });
    for (const d of diagnostics) {
      const key = `${d.line}\0${d.column}\0${d.rule}`;
      const earlier = told.get(key);
      if (earlier && earlier.zone !== index) {
        earlier.others.add(domain);
        continue;
      }
      const entry = { diagnostic: d, zone: index, others: new Set<string>() };
      if (!earlier) told.set(key, entry);
      findings.push(entry);
    }
  });
  const alsoIn = (diagnostic: Diagnostic, others: ReadonlySet<string>) => ({ ...diagnostic, message: `${diagnostic.message} (also in ${zoneList([...others])})` });
  const fromRules = findings.map(({ diagnostic, others }) => (others.size > 0 ? alsoIn(diagnostic, others) : diagnostic));
  return [...spec.diagnostics, ...fromRules].sort(compareDiagnostics);
}
