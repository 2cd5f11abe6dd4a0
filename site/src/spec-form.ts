/**
 * The form's view of a spec: the first zone's own keys that the form has fields for, read from and
 * written into a `yaml` Document. Writing touches only the keys whose value changed, so the YAML
 * keeps its comments, key order and everything the form does not show (`defaults`, `records`, other
 * zones). Plain data in, plain data out: no DOM here.
 */
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';

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

/**
 * The value each form key has in the spec; `undefined` means "leave the key out". `current` is zone 0
 * as the text has it now: a service written as `{ host, port, ... }` keeps its other keys.
 */
function specValues(model: FormModel, current: Record<string, unknown>): [path: string[], value: unknown][] {
  const some = <T>(items: T[]): T[] | undefined => (items.length > 0 ? items : undefined);
  const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  const hosts = model.hosts.filter((h) => h.name.trim() !== '' || h.addresses.length > 0);
  const oldServices = (current.services && typeof current.services === 'object' ? current.services : {}) as Record<string, unknown>;
  const services = Object.entries(model.services)
    .filter(([, host]) => host.trim() !== '')
    .map(([id, host]) => {
      const old = oldServices[id];
      return [id, old && typeof old === 'object' ? { ...old, host: host.trim() } : host.trim()] as const;
    });
  return [
    [['domain'], model.domain.trim()],
    [['ttl'], text(model.ttl) === undefined ? undefined : numberOr(model.ttl)],
    [['soa', 'primary'], text(model.primary)],
    [['soa', 'contact'], text(model.contact)],
    [['nameservers'], some(model.nameservers.map((n) => n.trim()).filter((n) => n !== ''))],
    [['profiles'], some(model.profiles)],
    [['hosts'], hosts.length > 0 ? Object.fromEntries(hosts.map((h) => [h.name.trim(), h.addresses.length === 1 ? h.addresses[0] : h.addresses])) : undefined],
    [['mx'], some(model.mx.filter((m) => m.host.trim() !== '').map((m) => ({ host: m.host.trim(), priority: numberOr(m.priority) })))],
    [['services'], services.length > 0 ? Object.fromEntries(services) : undefined],
  ];
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/**
 * Writes the form into the spec text: each key whose value differs is set (or removed when empty),
 * by editing the text where that key's value is written, so every other byte (comments, layout,
 * `defaults`, `records`, other zones) stays as it was. Empty text, or YAML without a zone list, becomes
 * a fresh spec; text that is not YAML at all is not overwritten: the answer is then undefined (the
 * YAML's own syntax error, shown at its line, is to be fixed first).
 */
export function writeModel(text: string, model: FormModel): string | undefined {
  let doc = parseDocument(text);
  if (doc.errors.length > 0 && text.trim() !== '') return undefined;
  if (doc.errors.length > 0 || !isMap(doc.contents) || !isSeq(doc.get('zones')) || !isMap(doc.getIn(['zones', 0]))) {
    text = EMPTY_SPEC;
    doc = parseDocument(text);
  }
  const current = (doc.getIn(['zones', 0]) as YAMLMap).toJSON() as Record<string, unknown>;
  for (const [path, value] of specValues(model, current)) {
    if (JSON.stringify(valueAt(current, path)) === JSON.stringify(value)) continue;
    const edited = editText(text, ['zones', 0, ...path], value);
    // A layout the text edit does not handle (a flow-style zone, say): the document is rewritten.
    if (edited === undefined) return rewrite(text, model);
    text = edited;
  }
  return text;
}

/** The whole spec rewritten by `yaml` with the form's values: comments kept, layout yaml's own. */
function rewrite(text: string, model: FormModel): string {
  const doc = parseDocument(text);
  const current = (doc.getIn(['zones', 0]) as YAMLMap).toJSON() as Record<string, unknown>;
  for (const [path, value] of specValues(model, current)) {
    if (value === undefined) doc.deleteIn(['zones', 0, ...path]);
    else doc.setIn(['zones', 0, ...path], doc.createNode(value));
  }
  return doc.toString(TO_STRING);
}

const TO_STRING = { flowCollectionPadding: false, lineWidth: 0 } as const;
/** Keys whose value is written as an indented block when the form adds them (the others on one line). */
const BLOCK_KEYS = new Set(['hosts', 'services', 'mx', 'soa']);

const lineStart = (text: string, at: number): number => text.lastIndexOf('\n', at - 1) + 1;

/** A value on one line: a scalar as YAML writes it, a collection in flow style (`[a, b]`). */
function inline(value: unknown): string {
  return new Document(value, { flow: true }).toString(TO_STRING).trimEnd();
}

/** A collection as an indented block (each line after the first prefixed with `indent`), ending in a newline. Leaf lists and maps in it are on one line. */
function block(value: unknown, indent: string): string {
  const doc = new Document(value);
  const top = doc.contents;
  if (isMap(top) || isSeq(top)) {
    for (const item of top.items) {
      const node = isPair(item) ? item.value : item;
      if (isMap(node) || isSeq(node)) node.flow = true;
    }
  }
  const lines = doc.toString(TO_STRING).trimEnd().split('\n');
  return `${lines.map((line, i) => (i === 0 ? line : indent + line)).join('\n')}\n`;
}

/**
 * Sets (or with `undefined`, removes) the value at `path` by editing the text in place: the value's
 * own range is replaced, a new key goes after the last key of its map, a removed key's lines go.
 * Undefined when the layout is not one this handles (a flow map, a key sharing its line with "- ").
 */
function editText(text: string, path: readonly (string | number)[], value: unknown): string | undefined {
  const doc = parseDocument(text);
  let parentPath = path.slice(0, -1);
  let key = path[path.length - 1] as string;
  let wanted = value;
  // A key whose map is not there yet (soa.primary without soa): the map is added, holding it.
  while (!isMap(doc.getIn(parentPath, true))) {
    if (wanted === undefined) return text;
    if (parentPath.length <= 2) return undefined;
    wanted = { [key]: wanted };
    key = parentPath[parentPath.length - 1] as string;
    parentPath = parentPath.slice(0, -1);
  }
  const parent = doc.getIn(parentPath, true) as YAMLMap;
  if (parent.flow || parent.items.length === 0) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  const keyStart = (p: Pair) => (p.key as Node).range![0];
  const indentOf = (at: number) => text.slice(lineStart(text, at), at);
  if (pair) {
    const node = pair.value as Node | null;
    if (!node?.range) return undefined;
    if (wanted === undefined) {
      // The key's lines go, from its line's start to the end of its value (comment and newline included).
      const from = lineStart(text, keyStart(pair));
      if (text.slice(from, keyStart(pair)).trim() !== '') return undefined;
      return text.slice(0, from) + text.slice(node.range[2]);
    }
    const [from, to] = node.range;
    if ((isMap(node) || isSeq(node)) && !node.flow && wanted !== null && typeof wanted === 'object') {
      return text.slice(0, from) + block(wanted, indentOf(from)) + text.slice(to);
    }
    if (isMap(node) || isSeq(node) ? node.flow !== true : false) return undefined;
    return text.slice(0, from) + inline(wanted) + text.slice(to);
  }
  if (wanted === undefined) return text;
  // A new key: after the map's last one, at the indentation of its first.
  const last = parent.items[parent.items.length - 1]!;
  const lastNode = (last.value ?? last.key) as Node;
  let at = lastNode.range![2];
  const indent = indentOf(keyStart(parent.items[0]!)).replace(/[^ ]/g, ' ');
  let prefix = '';
  if (at > 0 && text[at - 1] !== '\n') prefix = '\n';
  if (at === text.length && prefix === '' && !text.endsWith('\n')) prefix = '\n';
  at = Math.min(at, text.length);
  const written = BLOCK_KEYS.has(key) && wanted !== null && typeof wanted === 'object'
    ? `${indent}${inline(key)}:\n${indent}  ${block(wanted, `${indent}  `)}`
    : `${indent}${inline(key)}: ${inline(wanted)}\n`;
  return text.slice(0, at) + prefix + written + text.slice(at);
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
