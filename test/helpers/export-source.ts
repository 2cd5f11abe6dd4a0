/** The records an export starts from, and the comparison of records read back from what it wrote. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { orderedRecords } from '../../src/generate/render.js';
import { resolveSpecText } from '../../src/index.js';
import type { Name } from '../../src/zone/name.js';
import { formatRdata } from '../../src/zone/rdata.js';
import type { ResourceRecord } from '../../src/zone/record.js';
import { dataKey } from '../../src/zone/zone-checks.js';
import { REPO_ROOT } from './shared.js';

export const EXAMPLE_SPECS = ['examples/example.com.yaml', 'examples/hosting.yaml'] as const;

export function specZones(spec: string): { origin: Name; records: ResourceRecord[] }[] {
  const resolved = resolveSpecText(readFileSync(join(REPO_ROOT, spec), 'utf8'), { file: spec });
  if (resolved.diagnostics.some((d) => d.severity === 'error')) throw new Error(`${spec} has errors`);
  return resolved.zones.map((z) => ({ origin: z.zone.origin, records: orderedRecords(z.zone) }));
}

/** One line per record, as a set: owner (case folded), TTL, class, type, data compared as BIND does (the SOA serial aside). */
export function recordSet(records: readonly ResourceRecord[], keep: (r: ResourceRecord) => boolean = () => true): string[] {
  const lines = records.filter(keep).map((r) => (r.type === 'SOA' ? { ...r, data: { ...r.data, serial: 0 } } : r)).map((r) => `${r.owner.key} ${r.ttl} ${r.class} ${r.type} ${Buffer.from(dataKey(r.type, r.data), 'latin1').toString('hex')} ; ${formatRdata(r.type, r.data)}`);
  return [...new Set(lines)].sort();
}

/** Not the SOA nor the apex NS (what the importers and octoDNS/dnscontrol leave to the provider). */
export const notSoaOrApexNs = (origin: Name) => (r: ResourceRecord) => r.type !== 'SOA' && !(r.type === 'NS' && r.owner.equals(origin));
