/**
 * The adoption round trip: a zone file, `init --from` (adoptZone + specText), then generate (the
 * library's resolveSpec + renderZones), then BIND's canonical dump (`named-compilezone -s full`) of
 * what came out, against BIND's dump of the original. Lines compare as sets (an RRset is a set), the
 * SOA serial masked. A difference is allowed only in an RRset the adoption named as not carried over.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adoptZone, type AdoptNote } from '../../src/adopt/adopt.js';
import { specText } from '../../src/adopt/spec-text.js';
import { renderZones, resolveSpecText } from '../../src/index.js';
import type { Name } from '../../src/zone/name.js';
import type { ResourceRecord } from '../../src/zone/record.js';

export interface RoundTrip {
  /** What adoption named. */
  notes: AdoptNote[];
  /** The spec's own errors (none expected). */
  specErrors: string[];
  /** Canonical lines only one side has, outside the RRsets named in the notes. */
  unexplained: string[];
  /** Canonical lines only one side has, in all. */
  differing: number;
  specText: string;
  generated: string;
}

/** BIND's canonical dump of a zone file, or its complaint. */
export function compileZone(origin: string, file: string): { ok: boolean; text: string } {
  const run = spawnSync('named-compilezone', ['-q', '-i', 'none', '-k', 'ignore', '-n', 'ignore', '-s', 'full', '-o', '-', origin, file], { encoding: 'utf8' });
  return { ok: run.status === 0, text: run.status === 0 ? run.stdout : `${run.stdout}${run.stderr}` };
}

/** The dump's records as normalised lines: fields joined by one space, the SOA serial masked. */
export function canonicalLines(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith(';'))
    .map((l) => {
      const f = l.trim().split(/\s+/);
      if (f[3] === 'SOA') f[6] = 'SERIAL';
      return f.join(' ');
    });
}

const rrsetOf = (line: string) => {
  const f = line.split(' ');
  return `${f[0]!.toLowerCase()} ${f[3]}`;
};
const noteKey = (rrset: string) => {
  const at = rrset.lastIndexOf(' ');
  return `${rrset.slice(0, at).toLowerCase()}${rrset.slice(at)}`;
};

export function roundTrip(origin: Name, records: readonly ResourceRecord[], originalCanonical: string): RoundTrip {
  const adopted = adoptZone(origin, records);
  const text = specText([adopted], 'original');
  const spec = resolveSpecText(text, { file: 'adopted.yaml' });
  const specErrors = spec.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.message}`);
  if (specErrors.length > 0 || spec.zones.length !== 1) {
    return { notes: adopted.notes, specErrors, unexplained: [], differing: 0, specText: text, generated: '' };
  }
  const [zone] = renderZones(spec, { date: new Date(Date.UTC(2026, 11, 2)) });
  const dir = mkdtempSync(join(tmpdir(), 'zonesmith-adopt-'));
  try {
    const file = join(dir, 'zone.dns');
    writeFileSync(file, zone!.text);
    const compiled = compileZone(origin.toString(), file);
    if (!compiled.ok) return { notes: adopted.notes, specErrors: [`BIND refuses the generated zone: ${compiled.text.trim()}`], unexplained: [], differing: 0, specText: text, generated: zone!.text };
    const before = new Set(canonicalLines(originalCanonical));
    const after = new Set(canonicalLines(compiled.text));
    const differing = [...[...before].filter((l) => !after.has(l)).map((l) => `- ${l}`), ...[...after].filter((l) => !before.has(l)).map((l) => `+ ${l}`)];
    const general = adopted.notes.some((n) => n.rrset === undefined);
    const named = new Set(adopted.notes.filter((n) => n.rrset).map((n) => noteKey(n.rrset!)));
    const unexplained = general ? [] : differing.filter((l) => !named.has(rrsetOf(l.slice(2))));
    return { notes: adopted.notes, specErrors, unexplained, differing: differing.length, specText: text, generated: zone!.text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
