/**
 * The form's view of a spec: the first zone's own keys that the form has fields for, read from and
 * written into a `yaml` Document. Writing touches only the keys whose value changed, so the YAML
 * keeps its comments, key order and everything the form does not show (`defaults`, `records`, other
 * zones). Plain data in, plain data out: no DOM here.
 */
import { isMap, isNode, isSeq, parseDocument, type Document } from 'yaml';

export interface HostRow {
  name: string;
  addresses: string[];
}

export interface MxRow {
  host: string;
  priority: string;
}

export interface FormModel {
  domain: string;
  ttl: string;
  primary: string;
  contact: string;
  nameservers: string[];
  profiles: string[];
  hosts: HostRow[];
  mx: MxRow[];
  /** Protocol id -> the host that serves it ('' for none). */
  services: Record<string, string>;
}

export const EMPTY_SPEC = 'version: 1\nzones:\n  - domain: ""\n';

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** What the form shows of zone 0 of a spec (plain JS, as `doc.toJS()` gives it). */
export function modelFromSpec(spec: unknown): FormModel {
  const zones = (spec as { zones?: unknown })?.zones;
  const zone = (Array.isArray(zones) ? zones[0] : undefined) as Record<string, unknown> | undefined;
  const z = zone && typeof zone === 'object' ? zone : {};
  const soa = (z.soa && typeof z.soa === 'object' ? z.soa : {}) as Record<string, unknown>;
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(str) : value === undefined ? [] : [str(value)]);
  const hosts = z.hosts && typeof z.hosts === 'object' ? Object.entries(z.hosts as Record<string, unknown>) : [];
  const services: Record<string, string> = {};
  if (z.services && typeof z.services === 'object') {
    for (const [id, value] of Object.entries(z.services as Record<string, unknown>)) {
      services[id] = value && typeof value === 'object' ? str((value as { host?: unknown }).host) : str(value);
    }
  }
  return {
    domain: str(z.domain),
    ttl: str(z.ttl),
    primary: str(soa.primary),
    contact: str(soa.contact),
    nameservers: list(z.nameservers),
    profiles: list(z.profiles),
    hosts: hosts.map(([name, value]) => ({ name, addresses: list(value) })),
    mx: Array.isArray(z.mx)
      ? z.mx.map((row) => (row && typeof row === 'object' ? { host: str((row as MxRow).host), priority: str((row as MxRow).priority) } : { host: str(row), priority: '' }))
      : [],
    services,
  };
}

/** A number where the text is one (the schema wants `priority: 10`, not `"10"`); else the text, for the schema to name. */
const numberOr = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim());
/** A TTL as the spec writes it: seconds as a number, BIND units (1h) as text. */
const ttlValue = (text: string): number | string => numberOr(text);

/** The value each form key has in the spec; `undefined` means "leave the key out". */
function specValues(model: FormModel): [path: (string | number)[], value: unknown][] {
  const some = <T>(items: T[]): T[] | undefined => (items.length > 0 ? items : undefined);
  const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  const hosts = model.hosts.filter((h) => h.name.trim() !== '' || h.addresses.length > 0);
  const services = Object.entries(model.services).filter(([, host]) => host.trim() !== '');
  return [
    [['domain'], model.domain.trim()],
    [['ttl'], text(model.ttl) === undefined ? undefined : ttlValue(model.ttl)],
    [['soa', 'primary'], text(model.primary)],
    [['soa', 'contact'], text(model.contact)],
    [['nameservers'], some(model.nameservers.map((n) => n.trim()).filter((n) => n !== ''))],
    [['profiles'], some(model.profiles)],
    [['hosts'], hosts.length > 0 ? Object.fromEntries(hosts.map((h) => [h.name.trim(), h.addresses.length === 1 ? h.addresses[0] : h.addresses])) : undefined],
    [['mx'], some(model.mx.filter((m) => m.host.trim() !== '').map((m) => ({ host: m.host.trim(), priority: numberOr(m.priority) })))],
    [['services'], services.length > 0 ? Object.fromEntries(services.map(([id, host]) => [id, host.trim()])) : undefined],
  ];
}

/**
 * Writes the form into the spec text: each key whose value differs is set (or removed when empty);
 * the rest of the text is kept as it was. Text that is not a spec the form can write into (not
 * YAML, no zone list) is replaced by a fresh one.
 */
export function writeModel(text: string, model: FormModel): string {
  let doc: Document = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents) || !isSeq(doc.get('zones'))) doc = parseDocument(EMPTY_SPEC);
  if (!isMap(doc.getIn(['zones', 0]))) doc.setIn(['zones', 0], doc.createNode({}));
  for (const [path, value] of specValues(model)) {
    const at = ['zones', 0, ...path];
    const current = doc.getIn(at);
    const currentJs = isNode(current) ? current.toJSON() : current;
    if (JSON.stringify(currentJs) === JSON.stringify(value)) continue;
    if (value === undefined) {
      doc.deleteIn(at);
      continue;
    }
    // A service written as { host, port, ... } keeps its other keys: only the host is the form's.
    if (path[0] === 'services') {
      const node = doc.createNode(value) as ReturnType<Document['createNode']>;
      const old = doc.getIn(at);
      if (isMap(old) && isMap(node)) {
        for (const pair of old.items) {
          const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
          const host = (value as Record<string, string>)[key];
          const was = pair.value;
          if (host !== undefined && isMap(was)) {
            was.set('host', host);
            node.set(key, was);
          }
        }
      }
      doc.setIn(at, node);
      continue;
    }
    const node = doc.createNode(value);
    // MX entries read best on one line each, as in the examples: { host: inbound, priority: 10 }.
    if (path[0] === 'mx' && isSeq(node)) for (const item of node.items) if (isMap(item)) item.flow = true;
    if (path[0] === 'nameservers' && isSeq(node)) node.flow = true;
    doc.setIn(at, node);
  }
  return doc.toString();
}

/** The spec text's plain value, or undefined when it is not YAML at all. */
export function specValue(text: string): unknown {
  const doc = parseDocument(text);
  return doc.errors.length > 0 ? undefined : doc.toJS();
}

const FORM_KEYS = new Set(['domain', 'ttl', 'soa', 'nameservers', 'profiles', 'hosts', 'mx', 'services']);
const FORM_SOA_KEYS = new Set(['primary', 'contact']);

/**
 * What the spec holds that the form does not show (kept as written; edited in the YAML), in words:
 * `defaults`, more zones, and zone 0's other keys.
 */
export function notInForm(spec: unknown): string[] {
  if (!spec || typeof spec !== 'object') return [];
  const out: string[] = [];
  const top = spec as Record<string, unknown>;
  if (top.defaults !== undefined) out.push('defaults');
  const zones = Array.isArray(top.zones) ? top.zones : [];
  if (zones.length > 1) out.push(`${zones.length - 1} more zone${zones.length === 2 ? '' : 's'}`);
  const zone = zones[0];
  if (zone && typeof zone === 'object') {
    for (const [key, value] of Object.entries(zone as Record<string, unknown>)) {
      if (!FORM_KEYS.has(key)) out.push(key);
      else if (key === 'soa' && value && typeof value === 'object') {
        for (const soaKey of Object.keys(value)) if (!FORM_SOA_KEYS.has(soaKey)) out.push(`soa.${soaKey}`);
      } else if (key === 'services' && value && typeof value === 'object') {
        for (const [id, service] of Object.entries(value)) if (service && typeof service === 'object' && Object.keys(service).some((k) => k !== 'host')) out.push(`services.${id} (port, priority or weight)`);
      }
    }
  }
  return out;
}
