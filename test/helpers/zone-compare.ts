/**
 * Our reading of a zone against BIND's dump of it (`named-compilezone -s full`): same records (owner,
 * class, type, data compared as BIND compares it), and the same TTL except where BIND gave an RRset
 * one of its members' TTLs: the first one's within a run of lines ("TTL set to prior TTL"), the later
 * run's when the RRset's records are written apart (BIND's database keeps the TTL of the last added).
 */
import type { ZoneProblem } from '../../src/zone/problem.js';
import type { Name } from '../../src/zone/name.js';
import type { ParsedRecord } from '../../src/zone/parser.js';
import { readZoneFile } from '../../src/zone/read-file.js';
import { dataKey, ZoneChecks } from '../../src/zone/zone-checks.js';

export interface Reading {
  records: ParsedRecord[];
  errors: ZoneProblem[];
}

/** Records and errors (parser and, when asked, the zone checks) of a zone file. */
export function readForComparison(file: string, origin: Name, withZoneChecks: boolean): Reading {
  const records: ParsedRecord[] = [];
  const errors: ZoneProblem[] = [];
  const checks = new ZoneChecks();
  const summary = readZoneFile(
    { file, origin },
    {
      record: (r) => {
        records.push(r);
        if (withZoneChecks) checks.add(r);
      },
      problem: (d) => {
        if (d.severity === 'error') errors.push(d);
      },
    },
  );
  if (withZoneChecks) errors.push(...checks.finish(summary.origin));
  return { records, errors };
}

function recordKey(r: ParsedRecord): string {
  return `${r.owner.key} ${r.class} ${r.type} ${dataKey(r.type, r.data)}`;
}

/** Why our reading differs from BIND's dump, or undefined when it does not. */
export function compareWithBind(ours: ParsedRecord[], bind: ParsedRecord[]): string | undefined {
  const ourTtls = new Map<string, Set<number>>();
  const rrsetTtls = new Map<string, Set<number>>();
  for (const r of ours) {
    const key = recordKey(r);
    let ttls = ourTtls.get(key);
    if (!ttls) ourTtls.set(key, (ttls = new Set()));
    ttls.add(r.ttl);
    const rrset = `${r.owner.key} ${r.class} ${r.type}`;
    let all = rrsetTtls.get(rrset);
    if (!all) rrsetTtls.set(rrset, (all = new Set()));
    all.add(r.ttl);
  }
  const bindKeys = new Set<string>();
  for (const r of bind) {
    const key = recordKey(r);
    bindKeys.add(key);
    const ttls = ourTtls.get(key);
    if (!ttls) return `BIND has ${r.owner.toString()} ${r.type} (dump line ${r.position.line}) that we do not`;
    const rrset = rrsetTtls.get(`${r.owner.key} ${r.class} ${r.type}`);
    if (!ttls.has(r.ttl) && !rrset?.has(r.ttl)) return `TTL of ${r.owner.toString()} ${r.type}: BIND ${r.ttl}, ours ${[...ttls].join('/')}`;
  }
  for (const r of ours) {
    if (!bindKeys.has(recordKey(r))) return `we have ${r.owner.toString()} ${r.type} (line ${r.position.line}) that BIND does not`;
  }
  return undefined;
}

