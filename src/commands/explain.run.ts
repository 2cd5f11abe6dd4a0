/** The implementation of `zonesmith explain`, loaded only when the command runs (see explain.ts). */
import { explainOptionsProblem, explainRecords, ZoneExplainer, type Explanation, type ExplainOptions } from '../explain/explain.js';
import { formatExplanation } from '../explain/format.js';
import { EXIT, type Io } from '../io.js';
import { resolveSpec, type ResolvedZone } from '../spec/resolve.js';
import type { Name } from '../zone/name.js';
import type { ParsedRecord } from '../zone/parser.js';
import type { ZoneProblem } from '../zone/problem.js';
import { CommandError } from './errors.js';
import { inputOf, type Input } from './inputs.js';
import { zoneReader } from './zone-rows.js';
import { zoneOrigin } from './options.js';
import { loadSpecInput, pickZones, readsSpec, reportSpecProblems } from './spec-shared.js';
import type { ExplainArgs } from './explain.js';

export async function run(args: ExplainArgs, io: Io): Promise<number> {
  const input = inputOf(args.input, args);
  const options: ExplainOptions = {};
  if (args.client) options.clients = args.client;
  if (args.email !== undefined) options.email = args.email;
  let explanations: Explanation[];
  if (readsSpec(input, args)) {
    if (args.origin !== undefined) throw new CommandError('--origin is for zone files; a spec names its zones (pick them with --zone)');
    const spec = resolveSpec(await loadSpecInput(input, io));
    if (reportSpecProblems(spec, io, ': fix them, then explain') > 0) return EXIT.problems;
    const picked = pickZones(spec, args.zone, io);
    if (!picked) return EXIT.usage;
    const zones = args.email !== undefined && !args.zone ? zonesOfAddress(picked, args.email) : picked;
    explanations = zones.map((zone) => explain({ origin: zone.zone.origin, records: zone.zone.records }, options));
    io.out(args.format === 'json' ? JSON.stringify(explanations, null, 2) + '\n' : explanations.map((e) => formatExplanation(e, 'text')).join('\n'));
  } else {
    if (args.zone) throw new CommandError('--zone picks zones of a spec; a zone file holds one zone');
    explanations = [await explainZoneInput(input, zoneOrigin(args, input), args.allowIncludeOutside, options, io)];
    io.out(formatExplanation(explanations[0]!, args.format));
  }
  return explanations.every((e) => e.ok) ? EXIT.ok : EXIT.problems;
}

function explain(zone: { origin: Name; records: readonly ParsedRecord[]; problems?: readonly ZoneProblem[] }, options: ExplainOptions): Explanation {
  const problem = explainOptionsProblem(zone.origin, options);
  if (problem) throw new CommandError(problem);
  return explainRecords(zone, options);
}

/** The zone of a spec that holds the address's domain (the one nearest to it), or a usage error naming the zones. */
function zonesOfAddress(zones: readonly ResolvedZone[], email: string): ResolvedZone[] {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase().replace(/\.$/, '');
  const holding = zones.filter((z) => domain === z.domain.toLowerCase() || domain.endsWith(`.${z.domain.toLowerCase()}`));
  const nearest = holding.sort((a, b) => b.domain.length - a.domain.length)[0];
  if (!nearest) throw new CommandError(`--email ${email}: no zone of the spec holds ${domain}; its zones: ${zones.map((z) => z.domain).join(', ')}`);
  return [nearest];
}

/** Reads the zone as BIND does, streaming each record into the explainer (it keeps only what the walk reads). */
async function explainZoneInput(input: Input, origin: Name | undefined, allowIncludeOutside: boolean, options: ExplainOptions, io: Io): Promise<Explanation> {
  const explainer = new ZoneExplainer();
  const sink = { record: (r: ParsedRecord) => explainer.add(r), problem: (p: ZoneProblem) => explainer.problem(p) };
  const summary = (await zoneReader(input, { origin, allowIncludeOutside }, io))(sink);
  const problem = explainOptionsProblem(summary.origin, options);
  if (problem) throw new CommandError(problem);
  return explainer.explain(summary.origin, options);
}
