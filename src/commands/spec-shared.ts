/**
 * What the spec commands (generate, validate, records) share: read and check a spec, print its
 * problems as `FILE:LINE:COLUMN: severity: message (at /json/path)` on stderr.
 */
import type { Io } from '../io.js';
import type { ResolvedZone } from '../spec/resolve.js';
import { formatSpecDiagnostic } from '../spec/diagnostics.js';
import { loadSpecText, type LoadedSpec } from '../spec/load.js';
import { loadSpecFile } from '../spec/load-file.js';
import { resolveSpec, type ResolvedSpec } from '../spec/resolve.js';
import { assertReadableFile, readStdinText, type Input } from './inputs.js';
import type { OriginArgs } from './options.js';

/** A spec from its file or standard input; one that cannot be read at all is a CommandError (exit 2). */
export async function loadSpecInput(input: Input, io: Io): Promise<LoadedSpec> {
  if (input.stdin) return loadSpecText(await readStdinText(input, io), input.name);
  assertReadableFile(input.arg);
  return loadSpecFile(input.arg);
}

/**
 * The resolved spec with its data as read (the lint settings may be in it, under `lint:`), and the
 * text when it came from standard input (where the config reader cannot read it again).
 */
export async function readSpecWithData(input: Input, io: Io): Promise<{ spec: ResolvedSpec; data: unknown; stdinText?: string }> {
  if (input.stdin) {
    const text = await readStdinText(input, io);
    const loaded = loadSpecText(text, input.name);
    return { spec: resolveSpec(loaded), data: loaded.data, stdinText: text };
  }
  const loaded = await loadSpecInput(input, io);
  return { spec: resolveSpec(loaded), data: loaded.data };
}

/** Prints the diagnostics; returns the number of errors. */
export function reportSpecProblems(spec: ResolvedSpec, io: Io, consequence = ''): number {
  let errors = 0;
  for (const d of spec.diagnostics) {
    if (d.severity === 'error') errors++;
    io.err(formatSpecDiagnostic(d) + '\n');
  }
  if (errors > 0) io.err(`${spec.file}: ${errors} error${errors === 1 ? '' : 's'}${consequence}\n`);
  return errors;
}

/**
 * Whether a spec-or-zone input (records, explain) is a spec: by its extension; standard input is a spec
 * unless --origin says it is a zone (or --stdin-filename gives it a name to go by).
 */
export function readsSpec(input: Input, args: OriginArgs): boolean {
  if (input.stdin && args.stdinFilename === undefined) return args.origin === undefined;
  return isSpecPath(input.name);
}

/** Spec files are YAML or JSON by extension; anything else given to `records` is a zone file. */
export function isSpecPath(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path);
}

const zoneKey = (domain: string) => domain.toLowerCase().replace(/\.$/, '');

/** The zones `--zone` names (all when none is named), or undefined after saying which names are unknown. */
export function pickZones(spec: ResolvedSpec, names: readonly string[] | undefined, io: Io): ResolvedZone[] | undefined {
  if (!names || names.length === 0) return spec.zones;
  const wanted = new Set(names.map(zoneKey));
  const unknown = [...wanted].filter((name) => !spec.zones.some((zone) => zoneKey(zone.domain) === name));
  if (unknown.length > 0) {
    io.err(`zonesmith: ${spec.file} has no zone ${unknown.join(', ')}; its zones: ${spec.zones.map((z) => z.domain).join(', ')}\n`);
    return undefined;
  }
  return spec.zones.filter((zone) => wanted.has(zoneKey(zone.domain)));
}

/** The `--zone` option, the same for every command that reads a multi-zone spec. */
