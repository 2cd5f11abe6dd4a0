/**
 * What the target rules share: walking the MX/NS/SRV targets that lie inside this zone's authority
 * (in the zone and not below a delegation), with the places that refer to them.
 */
import type { LintContext } from '../rule.js';
import type { NameEntry, TargetEntry, TargetRef, TargetingType } from '../zone-index.js';

export interface InZoneTarget {
  target: TargetEntry;
  /** The target's own entry, if the zone has any record at that name. */
  entry: NameEntry | undefined;
}

/**
 * The in-zone targets found for a list of target views and an apex: four rules walk them at the end
 * of a run, and finding the zone cut above each of 100,000 targets is worth doing once.
 */
const inZoneCache = new WeakMap<readonly TargetEntry[], { apexKey: string; found: TargetEntry[] }>();

/** Targets out of the zone, or below a zone cut, cannot be verified from this file and are skipped. */
export function* inZoneTargets(context: LintContext): Generator<InZoneTarget> {
  const { index, apex } = context;
  const targets = index.targets;
  let cached = inZoneCache.get(targets);
  if (!cached || cached.apexKey !== apex.key) {
    cached = { apexKey: apex.key, found: targets.filter((target) => index.isInZoneAuthority(index.table.keyOf(target.id))) };
    inZoneCache.set(targets, cached);
  }
  for (const target of cached.found) yield { target, entry: target.entry };
}

/** Reports once per referring place (up to the index's cap), telling how many more there are. */
export function reportRefs(
  context: LintContext,
  target: TargetEntry,
  types: readonly TargetingType[],
  message: (ref: TargetRef) => string,
): void {
  const refs = target.refs.filter((ref) => types.includes(ref.type));
  const more = target.total - target.refs.length;
  refs.forEach((ref, i) => {
    const tail = i === refs.length - 1 && more > 0 ? ` (and ${more} more reference${more === 1 ? '' : 's'} to it)` : '';
    context.report({ where: ref.where, message: message(ref) + tail });
  });
}
