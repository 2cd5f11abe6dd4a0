/**
 * From resolved zones to files: every zone is rendered first (with its serial settled against the
 * file already there), and only then are files written, each atomically, so a failure never leaves a
 * half-written set. A file that zonesmith did not write is not replaced without --force.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import type { ResolvedZone } from '../spec/resolve.js';
import type { CompiledTemplate } from './render.js';
import type { SerialOutcome } from './serial.js';
import { renderZones } from './zones.js';

export interface PlannedZone {
  domain: string;
  path: string;
  text: string;
  /** The file's current content, when there is one. */
  existing?: string;
  status: 'new' | 'changed' | 'unchanged';
  serial: SerialOutcome;
}

export interface PlanOptions {
  outDir: string;
  template: CompiledTemplate;
  /** Base name of the spec, for the header comment. */
  specFile: string;
  date: Date;
}

/** Marker that a file is ours to replace: every generated zone names the generator. */
const GENERATED_MARK = 'zonesmith';

/** Renders every zone; reads existing files only to settle serials and compare. */
export function planZones(zones: readonly ResolvedZone[], options: PlanOptions): PlannedZone[] {
  const existing = (fileName: string) => {
    const path = join(options.outDir, fileName);
    // Only a regular file is read; anything else in the way makes the write fail with its own message.
    return statSync(path, { throwIfNoEntry: false })?.isFile() ? readFileSync(path, 'utf8') : undefined;
  };
  const rendered = renderZones(zones, { template: options.template, specFile: options.specFile, date: options.date, existing });
  return rendered.map((zone) => {
    const status = zone.existing === undefined ? 'new' : zone.existing === zone.text ? 'unchanged' : 'changed';
    const planned: PlannedZone = { domain: zone.domain, path: join(options.outDir, zone.fileName), text: zone.text, status, serial: zone.serial };
    if (zone.existing !== undefined) planned.existing = zone.existing;
    return planned;
  });
}

/** Files that exist but were not written by zonesmith: replacing them needs --force. */
export function foreignFiles(planned: readonly PlannedZone[]): PlannedZone[] {
  return planned.filter((p) => p.existing !== undefined && p.status !== 'unchanged' && !p.existing.includes(GENERATED_MARK));
}

/** Writes the new and changed zones; unchanged files are left alone (their dates too). */
export function writePlanned(planned: readonly PlannedZone[], outDir: string): PlannedZone[] {
  const toWrite = planned.filter((p) => p.status !== 'unchanged');
  if (toWrite.length > 0) mkdirSync(outDir, { recursive: true });
  for (const p of toWrite) writeFileAtomic(p.path, p.text);
  return toWrite;
}

/** The first differing line of two texts, for a short "--check" hint. */
export function firstDifference(before: string, after: string): { line: number; before: string; after: string } | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, before: a[i] ?? '(end of file)', after: b[i] ?? '(end of file)' };
  }
  return undefined;
}
