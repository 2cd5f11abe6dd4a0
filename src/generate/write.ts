/**
 * From resolved zones to files: every zone is rendered first (with its serial settled against the
 * file already there), and only then are files written, each atomically, so a failure never leaves a
 * half-written set. A file that zonesmith did not write is not replaced without --force.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import type { ResolvedZone } from '../spec/resolve.js';
import type { SoaData } from '../zone/record.js';
import { renderZone, type CompiledTemplate } from './render.js';
import { readSerial, settleSerial, type SerialOutcome } from './serial.js';

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

export function zoneFileName(domain: string): string {
  return `${domain}.dns`;
}

/** Renders every zone; reads existing files only to settle serials and compare. */
export function planZones(zones: readonly ResolvedZone[], options: PlanOptions): PlannedZone[] {
  return zones.map((resolved) => {
    const fileName = zoneFileName(resolved.domain);
    const path = join(options.outDir, fileName);
    // Only a regular file is read; anything else in the way makes the write fail with its own message.
    const existing = statSync(path, { throwIfNoEntry: false })?.isFile() ? readFileSync(path, 'utf8') : undefined;
    const render = (serial: number) => {
      const records = resolved.zone.records.map((r) =>
        r.type === 'SOA' ? { ...r, data: { ...(r.data as SoaData), serial } } : r,
      );
      return renderZone({ ...resolved.zone, records }, options.template, options.specFile, fileName, resolved.profiles);
    };
    const current = existing === undefined ? undefined : { text: existing, serial: readSerial(existing, resolved.zone.origin, path) };
    const { text, outcome } = settleSerial(resolved.serial, render, current, options.date);
    const status = existing === undefined ? 'new' : existing === text ? 'unchanged' : 'changed';
    const planned: PlannedZone = { domain: resolved.domain, path, text, status, serial: outcome };
    if (existing !== undefined) planned.existing = existing;
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
