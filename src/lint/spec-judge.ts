/**
 * The one judge, applied to a spec: the records of each resolved zone go past the same lint rules,
 * with the same settings, as a zone file's; their findings join the spec's own problems (shape,
 * values that cannot become records). Positions are the spec's lines and columns.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { LintProfileId } from '../services/catalog.js';
import type { ResolvedSpec } from '../spec/resolve.js';
import { lintRecords, type RuleSettings } from './engine.js';

export interface JudgeSettings {
  /** Profiles to check besides those the spec names for each zone (a lint config's `profiles`). */
  profiles?: readonly LintProfileId[];
  /** Per-rule severity or `off`, as for lint. */
  rules?: RuleSettings;
}

/** Every problem of a resolved spec, in file order: its own, then what the rules find in its zones. */
export function judgeSpec(spec: ResolvedSpec, settings: JudgeSettings = {}): Diagnostic[] {
  const out = [...spec.diagnostics];
  // A record that comes from `defaults` is in every zone that inherits it: the same finding is told once.
  const told = new Set<string>();
  for (const { zone, profiles } of spec.zones) {
    const requested = [...new Set<LintProfileId>([...profiles, ...(settings.profiles ?? [])])];
    const { diagnostics } = lintRecords(zone.records, { file: spec.file, origin: zone.origin, profiles: requested, rules: settings.rules ?? {} });
    for (const d of diagnostics) {
      const key = `${d.line}\0${d.column}\0${d.rule}\0${d.message}`;
      if (told.has(key)) continue;
      told.add(key);
      out.push(d);
    }
  }
  return out.sort(compareDiagnostics);
}
