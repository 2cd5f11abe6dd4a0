/**
 * Lint configuration: `.zonesmith.yaml`, found from the zone file's folder upwards, or `--config FILE`.
 *
 *   profiles: [standard, mdaemon]         # or "standard,mdaemon"; [] for no profile at all
 *   rules: { private-address: off, single-nameserver: info }
 *   overrides:                            # for some zones only; a later entry wins
 *     - zones: [lab.example.com, "*.internal.example.com"]
 *       profiles: []
 *       rules: { private-address: off }
 *
 * A spec file (`version: 1`) is accepted too: its `lint:` key has the same shape. Every problem is a
 * diagnostic with the config file's line and column (yaml's LineCounter), and unknown names get a
 * "did you mean"; the caller decides what a broken config costs (the lint command: exit 2).
 */
import { readFileSync, statSync } from 'node:fs';
import { closest } from 'fastest-levenshtein';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { MAX_SPEC_BYTES, parseYamlDocument } from '../spec/load.js';
import type { Diagnostic } from '../diagnostics.js';
import { LINT_PROFILE_IDS, type LintProfileId } from '../services/catalog.js';
import { Name } from '../zone/name.js';
import type { RuleSetting } from './engine.js';
import { RULE_IDS } from './rules/index.js';

export { CONFIG_FILE_NAMES, findConfig } from './config-find.js';
export const CONFIG_RULE = 'config';
const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];
const KEYS = ['profiles', 'rules', 'overrides'] as const;
const OVERRIDE_KEYS = ['zones', 'profiles', 'rules'] as const;

/** Settings for the zones an override names: `example.com` itself, or `*.example.com` for those below it. */
export interface LintOverride {
  /** Zone names as keys (lower case, absolute), a leading `*.` kept. */
  zones: string[];
  profiles?: LintProfileId[];
  rules: Record<string, RuleSetting>;
}

export interface LintConfig {
  file: string;
  profiles?: LintProfileId[];
  rules: Record<string, RuleSetting>;
  overrides?: LintOverride[];
  diagnostics: Diagnostic[];
}

/** The profiles and rules a config gives one zone: its top settings, then each override naming the zone, in order. */
export function settingsForZone(config: LintConfig, zone: Name | undefined): { profiles?: LintProfileId[]; rules: Record<string, RuleSetting> } {
  let profiles = config.profiles;
  const rules = { ...config.rules };
  for (const override of config.overrides ?? []) {
    if (!zone || !override.zones.some((pattern) => zoneMatches(pattern, zone))) continue;
    if (override.profiles) profiles = override.profiles;
    Object.assign(rules, override.rules);
  }
  return { ...(profiles ? { profiles } : {}), rules };
}

function zoneMatches(pattern: string, zone: Name): boolean {
  if (!pattern.startsWith('*.')) return pattern === zone.key;
  const suffix = pattern.slice(1);
  return zone.key.endsWith(suffix) && zone.key.length > suffix.length;
}

function didYouMean(word: string, candidates: readonly string[]): string {
  return ` (did you mean "${closest(word, [...candidates])}"?)`;
}

export function loadConfigFile(file: string): LintConfig {
  let text: string;
  try {
    // Only a regular file: a device or a FIFO under the config's name would never end, or never start.
    if (!statSync(file).isFile()) return { file, rules: {}, diagnostics: [problem(file, 1, 1, 'cannot read the config file (not a regular file)')] };
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { file, rules: {}, diagnostics: [problem(file, 1, 1, `cannot read the config file (${reason})`)] };
  }
  return parseConfig(text, file);
}

function problem(file: string, line: number, column: number, message: string): Diagnostic {
  return { file, line, column, severity: 'error', rule: CONFIG_RULE, message };
}

export function parseConfig(text: string, file: string): LintConfig {
  if (text.length > MAX_SPEC_BYTES) {
    return { file, rules: {}, diagnostics: [problem(file, 1, 1, `the config is ${text.length} characters; it may be at most ${MAX_SPEC_BYTES}`)] };
  }
  const { doc, lineCounter } = parseYamlDocument(text);
  const config: LintConfig = { file, rules: {}, diagnostics: [] };
  const at = (node: Node | null | undefined, message: string) => {
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    config.diagnostics.push(problem(file, pos.line, pos.col, message));
  };
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    config.diagnostics.push(problem(file, pos.line, pos.col, `not valid YAML: ${error.message.split('\n')[0]}`));
  }
  if (config.diagnostics.length > 0 || doc.contents === null) return config;
  let root: unknown = doc.contents;
  if (!isMap(root)) {
    at(doc.contents, 'a config is a mapping with the keys profiles and rules');
    return config;
  }
  // A spec file carries its lint settings under `lint:`.
  if (root.has('version')) {
    root = root.get('lint', true);
    if (root === undefined) return config;
    if (!isMap(root)) {
      at(root as Node, 'lint: is a mapping with the keys profiles and rules');
      return config;
    }
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key === 'profiles') readProfiles(value, config, at);
    else if (key === 'rules') readRules(value, config, at);
    else if (key === 'overrides') readOverrides(value, config, at);
    else at(pair.key as Node, `unknown key "${key}"${didYouMean(key, KEYS)}; a config has ${KEYS.join(', ')}`);
  }
  return config;
}

type At = (node: Node | null | undefined, message: string) => void;

function readOverrides(value: Node | null, config: LintConfig, at: At): void {
  if (!isSeq(value)) {
    at(value, 'overrides is a list of { zones, profiles, rules }');
    return;
  }
  config.overrides = [];
  for (const item of value.items) {
    if (!isMap(item)) {
      at(item as Node, 'an override is a mapping with zones and profiles or rules');
      continue;
    }
    const override: LintOverride = { zones: [], rules: {} };
    // The readers fill a config-shaped holder; its profiles and rules become the override's.
    const holder: LintConfig = { file: config.file, rules: override.rules, diagnostics: config.diagnostics };
    let namesZones = false;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const node = pair.value as Node | null;
      if (key === 'zones') {
        namesZones = true;
        override.zones = readZones(node, at);
      }
      else if (key === 'profiles') readProfiles(node, holder, at);
      else if (key === 'rules') readRules(node, holder, at);
      else at(pair.key as Node, `unknown key "${key}"${didYouMean(key, OVERRIDE_KEYS)}; an override has ${OVERRIDE_KEYS.join(', ')}`);
    }
    if (!namesZones) at(item, 'an override names its zones: zones: [example.com] (or *.example.com for the zones below it)');
    if (holder.profiles) override.profiles = holder.profiles;
    config.overrides.push(override);
  }
}

function readZones(value: Node | null, at: At): string[] {
  const items = isSeq(value) ? value.items : [value];
  const zones: string[] = [];
  for (const item of items) {
    const text = isScalar(item) && typeof item.value === 'string' ? item.value.trim() : undefined;
    const wildcard = text?.startsWith('*.') ?? false;
    const parsed = text ? Name.parse(wildcard ? text.slice(2) : text, Name.root) : undefined;
    if (!parsed?.ok) {
      at(item as Node, 'a zone is a domain name such as example.com, or *.example.com for the zones below it');
      continue;
    }
    zones.push(wildcard ? `*.${parsed.name.key}` : parsed.name.key);
  }
  return zones;
}

function readProfiles(value: Node | null, config: LintConfig, at: At): void {
  const items: { text: string; node: Node }[] = [];
  if (isSeq(value)) {
    for (const item of value.items) {
      if (isScalar(item) && typeof item.value === 'string') items.push({ text: item.value, node: item });
      else at(item as Node, 'a profile is a name such as standard');
    }
  } else if (isScalar(value) && typeof value.value === 'string') {
    for (const text of value.value.split(',')) items.push({ text: text.trim(), node: value });
  } else {
    at(value, `profiles is a list of profile names (${LINT_PROFILE_IDS.join(', ')})`);
    return;
  }
  const profiles: LintProfileId[] = [];
  for (const { text, node } of items) {
    if ((LINT_PROFILE_IDS as readonly string[]).includes(text)) {
      if (!profiles.includes(text as LintProfileId)) profiles.push(text as LintProfileId);
    } else {
      at(node, `unknown profile "${text}"${didYouMean(text, LINT_PROFILE_IDS)}; profiles are ${LINT_PROFILE_IDS.join(', ')}`);
    }
  }
  config.profiles = profiles;
}

function readRules(value: Node | null, config: LintConfig, at: At): void {
  if (!isMap(value)) {
    at(value, 'rules is a mapping of rule id to error, warning, info or off');
    return;
  }
  for (const pair of value.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    const setting = isScalar(pair.value) ? String(pair.value.value) : '';
    if (!RULE_IDS.includes(id)) {
      at(pair.key as Node, `unknown rule "${id}"${didYouMean(id, RULE_IDS)}`);
    } else if (!(SETTINGS as readonly string[]).includes(setting)) {
      at((pair.value as Node) ?? (pair.key as Node), `rule ${id}: "${setting}" is not a setting; use ${SETTINGS.join(', ')}`);
    } else {
      config.rules[id] = setting as RuleSetting;
    }
  }
}
