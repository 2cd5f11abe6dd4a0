/**
 * Reads a spec file (YAML or JSON: YAML 1.2 reads JSON too) into plain data, keeping the source
 * position of every node so that later checks can point at the line the user wrote (eemeli/yaml's
 * LineCounter). Malformed input becomes diagnostics, never an exception.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, YAMLParseError, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { specDiagnostic } from './diagnostics.js';

/** A JSON path as segments: object keys and array indexes. */
export type SpecPath = readonly (string | number)[];

export interface SpecPosition {
  line: number;
  column: number;
  endColumn?: number;
}

export interface LoadedSpec {
  file: string;
  /** The parsed data; undefined when the text could not be read as YAML/JSON at all. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** Where the node at `path` was written (its key when `key` is set); the nearest existing parent otherwise. */
  locate(path: SpecPath, key?: boolean): SpecPosition;
}

/** A spec is a short file; anything this big is a mistake (or an attack on memory). */
export const MAX_SPEC_BYTES = 16 * 1024 * 1024;
/** Bounds YAML alias expansion ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/**
 * The one way zonesmith parses a YAML/JSON document it was handed (specs, and lint configs that may be
 * specs): YAML 1.2, duplicate keys refused, positions kept through the returned LineCounter.
 */
export function parseYamlDocument(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  // yaml's own unique-key check compares each key with every earlier one (quadratic in a map's size):
  // off, and done below with one set per map.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, version: '1.2' });
  const duplicates = duplicateKeyErrors(doc);
  if (duplicates.length > 0) {
    for (const error of duplicates) doc.errors.push(error);
    doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  }
  return { doc, lineCounter };
}

/**
 * Keys written twice in one mapping, as yaml's uniqueKeys reports them (scalars equal by value),
 * in time linear in the document's size. The walk keeps its own stack, so nesting depth is no risk.
 */
function duplicateKeyErrors(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.range) {
          if (seen.has(pair.key.value)) errors.push(new YAMLParseError([pair.key.range[0], pair.key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
          seen.add(pair.key.value);
        }
        pending.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    }
  }
  return errors;
}

export function loadSpecText(text: string, file: string): LoadedSpec {
  if (text.length > MAX_SPEC_BYTES) {
    return failedSpec(file, `the spec is ${text.length} characters; a spec may be at most ${MAX_SPEC_BYTES}`);
  }
  const { doc, lineCounter } = parseYamlDocument(text);
  const position = (offset: number): SpecPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    const at = position(error.pos[0]);
    if (error.code === 'RESOURCE_EXHAUSTION') {
      // The parser ran out of stack: one line that says why, not the engine's words, once.
      diagnostics.push(specDiagnostic(file, at, 'the spec nests lists and mappings too deeply to read; a spec needs only a few levels', ''));
      break;
    }
    diagnostics.push(specDiagnostic(file, at, yamlHint(error.message, text, error.pos[0]), ''));
  }
  const keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
  /** A mapping's pairs by key text (the first of equal keys), built once, so each lookup is constant time. */
  const pairsOf = (map: YAMLMap): Map<string, Pair> => {
    let index = keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        if (isPair(pair) && isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
      }
      keyIndex.set(map, index);
    }
    return index;
  };

  // The places under `defaults` are asked for once per zone (each zone's records from them point
  // there): kept, as they are few. A zone's own places are asked for once each.
  const shared = new Map<string, SpecPosition>();
  const locate = (path: SpecPath, key = false): SpecPosition => {
    if (path[0] === 'zones') return find(path, key);
    const id = `${key ? 'k' : 'v'}${path.join('\u0000')}`;
    let at = shared.get(id);
    if (!at) shared.set(id, (at = find(path, key)));
    return at;
  };
  const find = (path: SpecPath, key: boolean): SpecPosition => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    // The range of the deepest node found; turned into a line and column once, at the end (a spec
    // of 10,000 zones asks for the place of every record it resolves).
    let best: Node['range'] | undefined;
    const remember = (n: unknown) => {
      const range = (n as Node | null)?.range;
      if (range) best = range;
    };
    const spanOf = (range: Node['range'] | undefined): SpecPosition => {
      if (!range) return { line: 1, column: 1 };
      const [start, end] = range;
      const from = position(start);
      const to = position(end);
      return to.line === from.line && end > start ? { ...from, endColumn: to.column } : from;
    };
    remember(node);
    for (const segment of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = pairsOf(node as YAMLMap).get(String(segment));
        if (!pair) return spanOf(best);
        keyNode = pair.key;
        node = pair.value;
        remember(keyNode);
        if (node) remember(node);
      } else if (isSeq(node) && /^[0-9]+$/.test(String(segment))) {
        node = node.items[Number(segment)];
        if (!node) return spanOf(best);
        remember(node);
      } else {
        return spanOf(best);
      }
    }
    if (key && keyNode) {
      const range = (keyNode as Node).range;
      if (range) return spanOf(range);
    }
    return spanOf(best);
  };

  let data: unknown;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push(specDiagnostic(file, { line: 1, column: 1 }, `cannot expand the YAML: ${(error as Error).message}`, ''));
    }
  }
  return { file, data, diagnostics, locate };
}

/** A spec that could not be read at all: one diagnostic at its start (load-file.ts uses it too). */
export function failedSpec(file: string, message: string): LoadedSpec {
  return {
    file,
    data: undefined,
    diagnostics: [specDiagnostic(file, { line: 1, column: 1 }, message, '')],
    locate: () => ({ line: 1, column: 1 }),
  };
}

/** YAML's own message, plus what to do for the mistakes people make in specs. */
function yamlHint(message: string, text: string, offset: number): string {
  const firstLine = message.split('\n')[0] ?? message;
  const at = text[offset];
  if (at === '@' || /\s@/.test(text.slice(Math.max(0, offset - 1), offset + 2))) {
    return `${firstLine}; "@" starts no YAML value: quote it ("@": 192.0.2.1)`;
  }
  if (at === '\t' && !/tab/i.test(firstLine)) return `${firstLine}; YAML indentation must use spaces, not tabs`;
  return firstLine;
}
