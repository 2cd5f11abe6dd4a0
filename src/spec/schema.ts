/**
 * The spec's JSON Schema (2020-12), built from the service catalog so that protocol and profile ids
 * have one source of truth. `schemas/zonesmith.schema.json` is this object, written out (a test fails
 * when the two differ). Ajv's errors are turned into diagnostics that point at the line the user
 * wrote and say what would be valid, with "did you mean" for unknown keys.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic } from '../diagnostics.js';
import { LINT_PROFILE_IDS, PROFILE_IDS, PROTOCOLS, protocolsByLabel } from '../services/catalog.js';
import { MAX_TTL, MAX_UINT32 } from '../zone/ttl.js';
import { fromPointer, specDiagnostic } from './diagnostics.js';
import type { LoadedSpec } from './load.js';

/** Defaults for everything but the domain, the SOA primary and contact, and the name servers. */
export const SPEC_DEFAULTS = {
  ttl: 3600,
  // Zonemaster's floors (refresh >= 4h, retry >= 1h, expire >= 2 weeks) and RFC 2308 negative caching.
  soa: { refresh: 14400, retry: 3600, expire: 1209600, minimum: 3600, serial: 'auto' as const },
  profiles: ['standard'] as const,
  mxPriority: 10,
  mxPriorityStep: 10,
  srvPriority: 0,
} as const;

type Schema = Record<string, unknown>;

const TTL_TEXT = 'seconds (3600) or BIND units (1h, 1h30m, 2w)';

function ttlSchema(description: string): Schema {
  return {
    description: `${description}: ${TTL_TEXT}`,
    anyOf: [
      { type: 'integer', minimum: 0, maximum: MAX_TTL },
      // Validated by parseTtl; the pattern only keeps obvious junk out of editors.
      { type: 'string', pattern: '^[0-9wdhmsWDHMS]{1,32}$', description: TTL_TEXT },
    ],
  };
}

const nameSchema = (description: string): Schema => ({
  type: 'string',
  minLength: 1,
  maxLength: 255,
  description: `${description}. "@" is the zone apex; a name without a dot is relative to the zone; a name with a dot is absolute (trailing dot optional).`,
});

const u16 = (description: string, extra: Schema = {}): Schema => ({
  type: 'integer',
  minimum: 0,
  maximum: 65535,
  description,
  ...extra,
});

function serviceTargetSchema(): Schema {
  return {
    type: 'object',
    description: 'A server for the protocol, with optional SRV fields.',
    additionalProperties: false,
    properties: {
      host: nameSchema('The SRV target: a host of this zone or an outside name'),
      port: u16('TCP port; defaults to the protocol\'s port in the catalog. Port 0 is only for "not offered" (use offered: false).', { minimum: 1 }),
      priority: u16('SRV priority (RFC 2782): lower is tried first.', { default: SPEC_DEFAULTS.srvPriority }),
      weight: u16('SRV weight (RFC 2782) among targets of equal priority; defaults to 0 for one target, 1 for several.'),
      path: {
        type: 'string',
        pattern: '^/',
        maxLength: 250,
        description: 'CalDAV/CardDAV context path (RFC 6764 §4): adds a TXT "path=..." record beside the SRV.',
      },
      offered: {
        type: 'boolean',
        description: 'false publishes the RFC 6186 "not offered" form SRV 0 0 0 . so clients stop looking.',
      },
    },
  };
}

function serviceSchema(): Schema {
  return {
    description:
      'A host name, false (not offered: SRV 0 0 0 .), an object {host, port, priority, weight, path, offered}, or a list of hosts/objects.',
    anyOf: [
      { type: 'string', minLength: 1, maxLength: 255 },
      { const: false },
      { $ref: '#/$defs/serviceTarget' },
      {
        type: 'array',
        minItems: 1,
        maxItems: 32,
        items: { anyOf: [{ type: 'string', minLength: 1, maxLength: 255 }, { $ref: '#/$defs/serviceTarget' }] },
      },
    ],
  };
}

function servicesSchema(): Schema {
  const properties: Schema = {};
  for (const p of PROTOCOLS) {
    const labels = PROFILE_IDS.filter((id) => p.labels[id])
      .map((id) => `${id}: ${p.labels[id]}`)
      .join(', ');
    properties[p.id] = {
      $ref: '#/$defs/service',
      description: `${p.description} — SRV ${labels}; default port ${p.defaultPort} (${p.source}).`,
    };
  }
  return {
    type: 'object',
    description: 'Protocol -> server. The SRV owner labels come from the chosen profiles.',
    additionalProperties: false,
    properties,
  };
}

function zoneProperties(): Schema {
  return {
    ttl: ttlSchema('Default TTL ($TTL) of the zone'),
    soa: {
      type: 'object',
      description: 'SOA record fields (RFC 1035 §3.3.13).',
      additionalProperties: false,
      properties: {
        primary: nameSchema('MNAME: the primary name server'),
        contact: {
          type: 'string',
          pattern: '^[^@\\s]{1,64}@[^@\\s]{1,253}$',
          description: 'RNAME as an e-mail address (hostmaster@example.com); written hostmaster.example.com. in the zone.',
        },
        refresh: ttlSchema('How often secondaries check the serial (default 4h)'),
        retry: ttlSchema('Retry interval after a failed refresh (default 1h)'),
        expire: ttlSchema('When secondaries stop answering without a refresh (default 2w; RFC 1912: 2-4 weeks)'),
        minimum: ttlSchema('Negative-caching TTL (RFC 2308; default 1h)'),
        serial: {
          description:
            '"auto" (YYYYMMDDnn from the UTC date, kept while the zone is unchanged, never going backwards) or a fixed integer 1..4294967295.',
          default: 'auto',
          anyOf: [{ const: 'auto' }, { type: 'integer', minimum: 1, maximum: MAX_UINT32 }],
        },
      },
    },
    nameservers: {
      type: 'array',
      description: 'NS records of the apex (list replaces the defaults).',
      minItems: 1,
      maxItems: 13,
      uniqueItems: true,
      items: nameSchema('A name server'),
    },
    profiles: {
      type: 'array',
      description: `SRV label sets to publish (default [standard]): ${PROFILE_IDS.join(', ')}. Both publish the union, each label once.`,
      minItems: 1,
      uniqueItems: true,
      items: { enum: [...PROFILE_IDS], description: 'A label profile from the service catalog.' },
    },
    hosts: {
      type: 'object',
      description: 'Host name -> IPv4/IPv6 address or a list of them ("@" is the apex). Merged key by key with the defaults.',
      propertyNames: { minLength: 1, maxLength: 255 },
      additionalProperties: {
        description: 'An IPv4 or IPv6 address, or a list of them.',
        anyOf: [
          { type: 'string', maxLength: 64 },
          { type: 'array', minItems: 1, maxItems: 64, items: { type: 'string', maxLength: 64 } },
        ],
      },
    },
    mx: {
      description: 'Mail exchangers: a list of hosts or {host, priority}; false publishes the null MX (RFC 7505: the domain takes no mail).',
      anyOf: [
        { const: false },
        {
          type: 'array',
          minItems: 1,
          maxItems: 32,
          items: {
            anyOf: [
              { type: 'string', minLength: 1, maxLength: 255 },
              {
                type: 'object',
                additionalProperties: false,
                required: ['host'],
                properties: {
                  host: nameSchema('The mail exchanger'),
                  priority: u16(`MX preference, lower first (default ${SPEC_DEFAULTS.mxPriority}, then +${SPEC_DEFAULTS.mxPriorityStep} per entry)`),
                },
              },
            ],
          },
        },
      ],
    },
    services: { $ref: '#/$defs/services', description: 'Protocol -> server; the SRV owner labels come from the chosen profiles. Merged key by key with the defaults.' },
    records: {
      type: 'array',
      description: 'Any other records (TXT, CNAME, CAA, ...): concatenated after the defaults\' records.',
      maxItems: 10000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type', 'value'],
        properties: {
          name: nameSchema('Owner name'),
          type: {
            type: 'string',
            pattern: '^[A-Za-z][A-Za-z0-9-]{0,15}$',
            description: 'Record type mnemonic (TXT, CNAME, CAA, SRV, ...). The SOA and the apex NS records come from soa and nameservers.',
          },
          value: {
            description:
              'TXT/SPF: the text itself (escaped and split into 255-octet strings for you), or a list of strings. Other types: the record data as in a zone file, on one line.',
            anyOf: [
              { type: 'string', maxLength: 65535 },
              { type: 'array', minItems: 1, maxItems: 256, items: { type: 'string', maxLength: 65535 } },
            ],
          },
          ttl: ttlSchema('TTL of this record (default: the zone TTL)'),
        },
      },
    },
  };
}

/** The whole schema, as published in schemas/zonesmith.schema.json. */
export function buildSpecSchema(): Schema {
  const zoneProps = zoneProperties();
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/zonesmith/zonesmith/schemas/zonesmith.schema.json',
    title: 'zonesmith spec',
    description: 'Hosts, addresses and protocol servers of one or more DNS zones, for `zonesmith generate`.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'zones'],
    properties: {
      $schema: { type: 'string', description: 'The schema this file follows (for editors).' },
      version: { const: 1, description: 'Spec format version: 1.' },
      defaults: {
        type: 'object',
        description: 'Merged into every zone: maps (soa, hosts, services) key by key, lists replace, records concatenate.',
        additionalProperties: false,
        properties: zoneProps,
      },
      zones: {
        type: 'array',
        description: 'The zones to generate, one file <domain>.dns each.',
        minItems: 1,
        maxItems: 10000,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['domain'],
          properties: {
            domain: {
              type: 'string',
              minLength: 1,
              maxLength: 253,
              description: 'The zone apex (example.com), in ASCII (punycode xn--... for international names).',
            },
            ...zoneProps,
          },
        },
      },
      lint: {
        type: 'object',
        description: 'Lint settings for the rules that judge these zones in validate and generate (and in lint --config SPEC); same shape as .zonesmith.yaml.',
        additionalProperties: false,
        properties: {
          ...lintSettingsProps(),
          overrides: {
            type: 'array',
            description: 'Settings for some zones only, by zone name; a later entry wins over an earlier one and over the settings above.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['zones'],
              properties: {
                zones: {
                  type: 'array',
                  minItems: 1,
                  description: 'Zone names (example.com), or *.example.com for the zones below example.com.',
                  items: { type: 'string', minLength: 1, maxLength: 255, description: 'A zone name.' },
                },
                ...lintSettingsProps(),
              },
            },
          },
        },
      },
    },
    $defs: {
      services: servicesSchema(),
      service: serviceSchema(),
      serviceTarget: serviceTargetSchema(),
    },
  };
}

/** `profiles` and `rules`, as in .zonesmith.yaml (src/lint/config.ts reads them). */
function lintSettingsProps(): Record<string, unknown> {
  return {
    profiles: {
      description: `Lint profiles: a list, or a comma-separated string, of ${LINT_PROFILE_IDS.join(', ')}; [] for none.`,
      anyOf: [
        { type: 'array', uniqueItems: true, items: { enum: [...LINT_PROFILE_IDS], description: 'A lint profile.' } },
        // The linter's config reader splits and checks the names; this only keeps junk out.
        { type: 'string', pattern: '^[a-z0-9 ,-]{1,300}$' },
      ],
    },
    rules: {
      type: 'object',
      description: 'Rule id -> severity, or "off".',
      additionalProperties: { enum: ['error', 'warning', 'info', 'off'], description: 'Severity of the rule.' },
    },
  };
}

let compiled: { schema: Schema; validate: ValidateFunction } | undefined;

function validator(): { schema: Schema; validate: ValidateFunction } {
  if (!compiled) {
    const schema = buildSpecSchema();
    compiled = { schema, validate: new Ajv2020({ allErrors: true, strict: true, verbose: true }).compile(schema) };
  }
  return compiled;
}

export interface SpecShape {
  /** Every problem of shape, at its line, in file order. */
  diagnostics: Diagnostic[];
  /**
   * JSON pointers of the values that cannot be used as written (wrong type, out of range, a missing
   * required key on the object that lacks it). An unknown key breaks nothing: it is reported and not read.
   */
  broken: string[];
}

/** Checks the shape of a loaded spec; every problem as a diagnostic at its line. */
export function checkSpecShape(loaded: LoadedSpec): Diagnostic[] {
  return readSpecShape(loaded).diagnostics;
}

/** The shape check with the places it found unusable, so the resolver can build the rest. */
export function readSpecShape(loaded: LoadedSpec): SpecShape {
  const { schema, validate } = validator();
  if (validate(loaded.data)) return { diagnostics: [], broken: [] };
  const errors = reduceAnyOf(validate.errors ?? [], schema);
  return {
    diagnostics: errors.map((error) => toDiagnostic(error, loaded)).sort((a, b) => a.line - b.line || a.column - b.column),
    broken: errors.filter((error) => error.keyword !== 'additionalProperties').map((error) => error.instancePath),
  };
}

/**
 * Ajv reports every failing branch of an `anyOf`, just before the `anyOf` error itself. When exactly
 * one branch has the JSON type of the value, its errors are the useful ones (a map with a bad port);
 * otherwise one message says what the field accepts.
 */
function reduceAnyOf(errors: ErrorObject[], root: Schema): ErrorObject[] {
  let kept = [...errors];
  for (const anyOf of errors.filter((e) => e.keyword === 'anyOf')) {
    const at = kept.indexOf(anyOf);
    const within = (e: ErrorObject) => e.instancePath === anyOf.instancePath || e.instancePath.startsWith(anyOf.instancePath + '/');
    let from = at;
    while (from > 0 && within(kept[from - 1]!)) from--;
    const inside = kept.slice(from, at);
    const branches = ((anyOf.parentSchema as Schema).anyOf as Schema[]).map((b) => deref(b, root));
    const fitting = branches.filter((b) => fitsType(b, anyOf.data));
    const replacement =
      fitting.length === 1
        ? inside.filter((e) => !(e.instancePath === anyOf.instancePath && (e.keyword === 'type' || e.keyword === 'const')))
        : [anyOf];
    kept = [...kept.slice(0, from), ...replacement, ...kept.slice(at + 1)];
  }
  return kept;
}

function deref(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return schema;
  return ((root.$defs as Schema)[ref.slice('#/$defs/'.length)] as Schema | undefined) ?? schema;
}

function fitsType(schema: Schema, value: unknown): boolean {
  if ('const' in schema) return schema.const === value;
  switch (schema.type) {
    case undefined:
      return true;
    case 'integer':
      return Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return typeof value === schema.type;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a map';
  return String(value);
}

function suggest(word: string, candidates: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  const prefixed = candidates.find((c) => lower.length >= 3 && c.toLowerCase().startsWith(lower));
  if (prefixed) return prefixed;
  const best = closest(word, candidates);
  return distance(word.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function unknownKeyMessage(key: string, parent: Schema, objectPath: string[]): string {
  const allowed = Object.keys((parent.properties as Schema | undefined) ?? {});
  const inServices = objectPath[objectPath.length - 1] === 'services';
  if (inServices) {
    // Someone may write the SRV label of a profile (`_pop._tcp`, `pop`) instead of the protocol id.
    const label = key.startsWith('_') ? key : `_${key}._tcp`;
    const byLabel = protocolsByLabel(label)[0];
    const hint = byLabel
      ? ` (${label} is the ${byLabel.profile} label of protocol "${byLabel.protocol.id}")`
      : suggestionText(suggest(key, allowed));
    return `unknown protocol "${key}"${hint}; protocols: ${allowed.join(', ')}`;
  }
  return `unknown key "${key}"${suggestionText(suggest(key, allowed))}; allowed here: ${allowed.join(', ')}`;
}

function suggestionText(s: string | undefined): string {
  return s ? ` (did you mean "${s}"?)` : '';
}

function toDiagnostic(error: ErrorObject, loaded: LoadedSpec): Diagnostic {
  const path = fromPointer(error.instancePath);
  const parent = (error.parentSchema ?? {}) as Schema;
  const got = describeValue(error.data);
  const field = fieldName(path);
  let message: string;
  let at = loaded.locate(path);
  let pointer = error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      message = unknownKeyMessage(key, parent, path);
      at = loaded.locate([...path, key], true);
      pointer = `${error.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      break;
    }
    case 'required':
      message = `${field} needs the key "${String(error.params.missingProperty)}"`;
      break;
    case 'enum':
      message = `${field} is ${got}; use one of: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
      break;
    case 'const':
      message = `${field} is ${got}; it must be ${JSON.stringify(error.params.allowedValue)}`;
      break;
    case 'type':
      message = `${field} is ${got}; expected ${error.params.type === 'object' ? 'a map' : error.params.type === 'array' ? 'a list' : `a ${String(error.params.type)}`}${describe(parent)}`;
      break;
    case 'minimum':
    case 'maximum':
      message = `${field} is ${got}; it must be between ${String(parent.minimum)} and ${String(parent.maximum)}${describe(parent)}`;
      break;
    case 'minItems':
      message = `${field} needs at least ${String(error.params.limit)} entr${error.params.limit === 1 ? 'y' : 'ies'}`;
      break;
    case 'maxItems':
      message = `${field} may have at most ${String(error.params.limit)} entries`;
      break;
    case 'minLength':
      message = `${field} must not be empty`;
      break;
    case 'maxLength':
      message = `${field} is longer than ${String(error.params.limit)} characters`;
      break;
    case 'uniqueItems':
      message = `${field} lists the same entry twice (entries ${String(error.params.j)} and ${String(error.params.i)})`;
      break;
    case 'pattern':
      message = `${field} is ${got}, which is not valid${describe(parent)}`;
      break;
    case 'anyOf':
      message = `${field} is ${got}, which is not valid${describe(parent)}`;
      break;
    case 'propertyNames':
      message = `a key in ${field} is not valid`;
      break;
    default:
      message = `${field}: ${error.message ?? 'is not valid'}`;
  }
  return specDiagnostic(loaded.file, at, message, pointer);
}

/** `"ttl"`, or `profiles[1]` for a list entry: what the user sees at that place. */
function fieldName(path: readonly string[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the spec';
  const parent = path[path.length - 2];
  return /^[0-9]+$/.test(last) && parent !== undefined ? `${parent}[${last}]` : `"${last}"`;
}

function describe(schema: Schema): string {
  return typeof schema.description === 'string' ? `: ${schema.description}` : '';
}
