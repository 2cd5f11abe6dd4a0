/**
 * `export --to dns-zonefile`: the JSON that the npm package dns-zonefile's `generate()` turns into a
 * zone file (node_modules/dns-zonefile/lib/zonefile.js, version 0.3.x). What its JSON holds: `$origin`,
 * `$ttl`, `soa` {name, ttl, mname, rname, serial, refresh, retry, expire, minimum}, and lists `ns`
 * {name, ttl, host}, `a`/`aaaa` {name, ttl, ip}, `cname` {name, ttl, alias}, `mx` {name, ttl,
 * preference, host}, `ptr` {name, ttl, host}, `txt` {name, ttl, txt}, `srv` {name, ttl, priority,
 * weight, port, target}, `spf` {name, ttl, data}, `caa` {name, ttl, flags, tag, value}, `ds` {name,
 * ttl, key_tag, algorithm, digest_type, digest}. generate() pastes each field into the zone text as
 * it is, so names here are fully qualified and TXT, SPF and CAA data are already in zone-file form
 * (quoted). Every other type is named in the notes; so is a TTL of 0, which generate() drops
 * (`if (value.ttl)`), leaving the record to `$TTL`.
 */
import { formatRdata } from '../zone/rdata.js';
import type { ResourceRecord } from '../zone/record.js';
import { commonTtl, groupRRsets, partitionInZone, rrsetLabel, type ExportNote, type ExportResult, type ExportZone } from './model.js';

const SOURCE = 'https://github.com/elgs/dns-zonefile/blob/master/lib/zonefile.js';

type Entry = Record<string, string | number>;

const ENTRY_OF: Readonly<Record<string, { key: string; fields: (r: ResourceRecord) => Entry }>> = {
  NS: { key: 'ns', fields: (r) => ({ host: r.data.target!.toString() }) },
  A: { key: 'a', fields: (r) => ({ ip: String(r.data.address) }) },
  AAAA: { key: 'aaaa', fields: (r) => ({ ip: String(r.data.address) }) },
  CNAME: { key: 'cname', fields: (r) => ({ alias: r.data.target!.toString() }) },
  MX: { key: 'mx', fields: (r) => ({ preference: Number(r.data.preference), host: r.data.exchange!.toString() }) },
  PTR: { key: 'ptr', fields: (r) => ({ host: r.data.target!.toString() }) },
  TXT: { key: 'txt', fields: (r) => ({ txt: formatRdata('TXT', r.data) }) },
  SRV: { key: 'srv', fields: (r) => ({ priority: Number(r.data.priority), weight: Number(r.data.weight), port: Number(r.data.port), target: r.data.target!.toString() }) },
  SPF: { key: 'spf', fields: (r) => ({ data: formatRdata('SPF', r.data) }) },
  CAA: {
    key: 'caa',
    fields: (r) => {
      const [flags, tag, ...value] = formatRdata('CAA', r.data).split(' ');
      return { flags: Number(flags), tag: tag!, value: value.join(' ') };
    },
  },
  DS: {
    key: 'ds',
    fields: (r) => {
      const [keyTag, algorithm, digestType, ...digest] = formatRdata('DS', r.data).split(/\s+/);
      return { key_tag: Number(keyTag), algorithm: Number(algorithm), digest_type: Number(digestType), digest: digest.join('') };
    },
  },
};

const LIST_KEYS = ['ns', 'a', 'aaaa', 'cname', 'mx', 'ptr', 'txt', 'srv', 'spf', 'caa', 'ds'];

export function exportDnsZonefile(zone: ExportZone): ExportResult {
  const notes: ExportNote[] = [];
  const sets = partitionInZone(zone, groupRRsets(zone.records), notes);
  const ttl = commonTtl(sets);
  const json: Record<string, unknown> = { $origin: zone.origin.toString(), $ttl: ttl };
  const lists = new Map<string, Entry[]>(LIST_KEYS.map((k) => [k, []]));
  for (const set of sets) {
    const label = rrsetLabel(set);
    if (set.type === 'SOA') {
      const d = set.records[0]!.data;
      json.soa = {
        name: set.owner.toString(),
        ...(set.ttl === ttl ? {} : { ttl: set.ttl }),
        mname: d.mname!.toString(),
        rname: d.rname!.toString(),
        serial: Number(d.serial),
        refresh: Number(d.refresh),
        retry: Number(d.retry),
        expire: Number(d.expire),
        minimum: Number(d.minimum),
      };
      continue;
    }
    const entry = ENTRY_OF[set.type];
    if (!entry) {
      notes.push({ kind: 'left-out', rrset: label, message: `dns-zonefile's JSON has no list for ${set.type}`, source: SOURCE });
      continue;
    }
    if (set.ttl === 0 && ttl !== 0) {
      notes.push({ kind: 'changed', rrset: label, message: `TTL 0: generate() writes no TTL for 0, so the record takes $TTL ${ttl}`, source: SOURCE });
    }
    for (const r of set.records) {
      const fields = entry.fields(r);
      lists.get(entry.key)!.push({ name: set.owner.toString(), ...(set.ttl === ttl ? {} : { ttl: set.ttl }), ...fields });
    }
  }
  for (const [key, list] of lists) if (list.length > 0) json[key] = list;
  if (!json.soa) notes.push({ kind: 'limit', message: 'the zone has no SOA record, and dns-zonefile\'s generate() needs one', source: SOURCE });
  return { files: json.soa ? [{ suffix: '', text: JSON.stringify(json, null, 2) + '\n' }] : [], notes };
}
