/**
 * The two readers of one case: BIND (`named-compilezone -k warn -i local -s full`: named-checkzone's
 * verdict, as the corpus's `bind_rc`, and the corpus's dump) and zonesmith (the parser and the zone checks, as the corpus test reads), and what they
 * disagree on, as a signature that names the kind of disagreement (matched against the
 * known-differences file) and a detail that says where.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Name } from '../src/zone/name.js';
import { readZoneText } from '../src/zone/parser.js';
import type { ParsedRecord } from '../src/zone/parser.js';
import { compareWithBind, readForComparison } from '../test/helpers/zone-compare.js';

/** How long one BIND run may take before the case is counted as skipped. */
const BIND_TIMEOUT_MS = 20_000;

export interface BindReading {
  loads: boolean;
  /** Why BIND refuses, in its words ("bad owner name (check-names)"), or "" when it loads. */
  reason: string;
  /** BIND's dump of the zone when it loads. */
  dump: string;
  /** Everything BIND printed. */
  messages: string;
  timedOut: boolean;
}

/** BIND's reading of `dir/file` with origin `origin`, run in `dir` (as the corpus was made). */
export function bindReading(dir: string, file: string, origin: string): Promise<BindReading> {
  const out = join(dir, `${file}.bind-dump`);
  rmSync(out, { force: true });
  return new Promise((resolve) => {
    const child = spawn(process.env.NAMED_COMPILEZONE ?? 'named-compilezone', ['-k', 'warn', '-i', 'local', '-s', 'full', '-o', out, origin, file], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let messages = '';
    child.stdout.on('data', (d: Buffer) => (messages += d.toString('latin1')));
    child.stderr.on('data', (d: Buffer) => (messages += d.toString('latin1')));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, BIND_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const loads = code === 0 && !timedOut;
      let dump = '';
      if (loads) dump = readFileSync(out, 'latin1');
      rmSync(out, { force: true });
      resolve({ loads, reason: loads ? '' : bindReason(messages), dump, messages, timedOut });
    });
  });
}

/** BIND's reason for refusing, without file names, line numbers or names that vary from case to case. */
function bindReason(messages: string): string {
  const failed = /loading from master file \S+ failed: (.*)$/m.exec(messages);
  if (failed) return failed[1]!.trim();
  const lines = messages.split('\n').filter((l) => l.trim() !== '');
  const first = lines.find((l) => !/^zone .*: not loaded/.test(l)) ?? lines[0] ?? 'no output';
  return first.replace(/^[^:]*:[0-9]+: /, '').replace(/\S+\.(db|zone)\b/g, 'FILE');
}

export interface OurReading {
  loads: boolean;
  /** The kind of our first error, when we refuse. */
  firstError?: { kind: string; line: number; message: string };
  records: ParsedRecord[];
}

/** zonesmith's reading of the file: records, and whether any error says BIND refuses it. */
export function ourReading(path: string, origin: string): OurReading {
  const reading = readForComparison(path, Name.from(origin), true);
  const first = reading.errors[0];
  const result: OurReading = { loads: reading.errors.length === 0, records: reading.records };
  if (first) result.firstError = { kind: first.kind, line: first.line, message: first.message };
  return result;
}

/** BIND's dump read back as records (its names are absolute; the origin puts the SOA at the apex). */
export function dumpRecords(dump: string, origin: string): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  readZoneText(dump, { file: 'bind-dump', origin: Name.from(origin), originFromFile: false }, { record: (r) => records.push(r), problem: () => {} });
  return records;
}

export interface Verdict {
  /** undefined when the readers agree. */
  signature?: string;
  detail: string;
}

/** Whether the readers agree: on the verdict, and where both load, on every record and TTL. */
export function compare(bind: BindReading, ours: OurReading, origin: string): Verdict {
  if (!bind.loads && !ours.loads) return { detail: 'both refuse' };
  if (!bind.loads) return { signature: `bind-refuses: ${bind.reason}`, detail: `BIND: ${bind.messages.trim()}` };
  if (!ours.loads) {
    const e = ours.firstError!;
    return { signature: `zonesmith-refuses: ${e.kind}`, detail: `zonesmith, line ${e.line}: ${e.message}` };
  }
  const difference = compareWithBind(ours.records, dumpRecords(bind.dump, origin));
  if (difference) return { signature: 'records-differ', detail: difference };
  return { detail: 'both load the same records' };
}
