/**
 * Reads an octoDNS YamlProvider zone file (the format export --to octodns writes; see
 * src/export/octodns.ts for the facts) back into records, so `init --from` adopts a zone kept in
 * octoDNS. octoDNS holds no SOA: the caller supplies one. Problems name file, line and column.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { Name } from '../zone/name.js';
import type { ResourceRecord } from '../zone/record.js';
import { readPresentationValue, splitCharacterStrings } from '../spec/values.js';

export interface OctodnsProblem {
  line: number;
  column: number;
  message: string;
}

export interface OctodnsZone {
  records: ResourceRecord[];
  problems: OctodnsProblem[];
}

/** YamlProvider's `default_ttl` when a record has no `ttl` (octodns/provider/yaml.py). */
export const OCTODNS_DEFAULT_TTL = 3600;

type Json = Record<string, unknown>;

function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Each type's values in zone-file presentation form. */
const PRESENTATION: Readonly<Record<string, (v: unknown) => string[]>> = {
  A: (v) => [String(v)],
  AAAA: (v) => [String(v)],
  CNAME: (v) => [String(v)],
  DNAME: (v) => [String(v)],
  PTR: (v) => [String(v)],
  NS: (v) => [String(v)],
  MX: (v) => {
    const o = v as Json;
    return [`${String(o.preference ?? o.priority)} ${String(o.exchange ?? o.value)}`];
  },
  SRV: (v) => {
    const o = v as Json;
    return [`${String(o.priority)} ${String(o.weight)} ${String(o.port)} ${String(o.target)}`];
  },
  CAA: (v) => {
    const o = v as Json;
    return [`${String(o.flags ?? 0)} ${String(o.tag)} ${quoted(String(o.value))}`];
  },
  SSHFP: (v) => {
    const o = v as Json;
    return [`${String(o.algorithm)} ${String(o.fingerprint_type)} ${String(o.fingerprint)}`];
  },
  TLSA: (v) => {
    const o = v as Json;
    return [`${String(o.certificate_usage)} ${String(o.selector)} ${String(o.matching_type)} ${String(o.certificate_association_data)}`];
  },
  DS: (v) => {
    const o = v as Json;
    return [`${String(o.key_tag)} ${String(o.algorithm)} ${String(o.digest_type)} ${String(o.digest)}`];
  },
  NAPTR: (v) => {
    const o = v as Json;
    return [`${String(o.order)} ${String(o.preference)} ${quoted(String(o.flags))} ${quoted(String(o.service))} ${quoted(String(o.regexp))} ${String(o.replacement)}`];
  },
};

export function readOctodnsZone(text: string, origin: Name): OctodnsZone {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, version: '1.1', uniqueKeys: true });
  const problems: OctodnsProblem[] = [];
  const at = (node: Node | null | undefined, message: string) => {
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    problems.push({ line: pos.line, column: pos.col, message });
  };
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    problems.push({ line: pos.line, column: pos.col, message: error.message.split('\n')[0]! });
  }
  const records: ResourceRecord[] = [];
  if (problems.length > 0) return { records, problems };
  const root = doc.contents;
  if (root === null || root === undefined) return { records, problems };
  if (!isMap(root)) {
    at(root as Node, 'an octoDNS zone file is a mapping of record names to records');
    return { records, problems };
  }
  for (const pair of root.items) {
    const keyNode = pair.key as Node;
    const nameText = String((pair.key as { value?: unknown }).value ?? '');
    const owner = nameText === '' ? Name.parse('@', origin) : Name.parse(nameText, origin);
    if (!owner.ok) {
      at(keyNode, `record name "${nameText}": ${owner.error}`);
      continue;
    }
    const valueNode = pair.value as Node;
    const entries = isSeq(valueNode) ? (valueNode.items as Node[]) : [valueNode];
    for (const entryNode of entries) {
      const entry = (entryNode as { toJSON?: () => unknown }).toJSON?.() as Json | undefined;
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
        at(entryNode, `the record at "${nameText}" must be a mapping with type, ttl and value or values`);
        continue;
      }
      const type = String(entry.type ?? '').toUpperCase();
      const toText = type === 'TXT' || type === 'SPF' ? undefined : PRESENTATION[type];
      if (!toText && type !== 'TXT' && type !== 'SPF') {
        at(entryNode, `type "${String(entry.type)}" at "${nameText}": zonesmith reads A, AAAA, CAA, CNAME, DNAME, DS, MX, NAPTR, NS, PTR, SPF, SRV, SSHFP, TLSA and TXT`);
        continue;
      }
      const ttl = entry.ttl === undefined ? OCTODNS_DEFAULT_TTL : Number(entry.ttl);
      if (!Number.isInteger(ttl) || ttl < 0) {
        at(entryNode, `ttl at "${nameText}" must be a whole number of seconds`);
        continue;
      }
      const values = entry.values !== undefined ? entry.values : entry.value;
      const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
      if (list.length === 0) at(entryNode, `the ${type} record at "${nameText}" has no value or values`);
      for (const value of list) {
        if (type === 'TXT' || type === 'SPF') {
          // octoDNS's internal TXT form: one text, ";" escaped as "\;" (docs/records.rst).
          const raw = String(value).replace(/\\;/g, ';');
          records.push({ owner: owner.name, ttl, class: 'IN', type, data: { strings: splitCharacterStrings(raw) } });
          continue;
        }
        for (const presentation of toText!(value)) {
          const read = readPresentationValue(type, presentation, origin);
          if ('data' in read) records.push({ owner: owner.name, ttl, class: 'IN', type, data: read.data });
          else at(entryNode, `the ${type} value "${presentation}" at "${nameText}": ${read.problems.map((p) => p.message).join('; ')}`);
        }
      }
    }
  }
  return { records, problems };
}
