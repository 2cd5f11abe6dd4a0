/**
 * No array is spread into a call's arguments anywhere in src/: `push(...x)`, `Math.max(...x)` and
 * `String.fromCharCode(...x)` put every element on the stack, so an array of a zone's or a spec's size
 * ends in "Maximum call stack size exceeded". Loops (or `widest`, `latin1String`) take any length.
 * `fn.apply(this, array)` is the same thing spelled differently and is held to the same rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** The calls that may take an array as arguments, each with why its length is bounded. */
const BOUNDED: Record<string, string> = {
  'src/zone/bytes.ts:apply': 'latin1String passes at most CHUNK (4096) octets per String.fromCharCode.apply call',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each argument spread or `.apply` call in a source text, as `file:line: text`, keyed for the allow list. */
function spreadCalls(name: string, text: string): { key: string; where: string }[] {
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const found: { key: string; where: string }[] = [];
  const note = (node: ts.Node, kind: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    found.push({ key: `${name}:${kind}`, where: `${name}:${line}: ${node.getText(file).slice(0, 80)}` });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.some(ts.isSpreadElement)) note(node, 'spread');
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'apply') note(node, 'apply');
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no array spread into a call in src/', () => {
  const files = sourceFiles(SRC);
  const all = files.flatMap((path) => spreadCalls(relative(join(SRC, '..'), path).split('\\').join('/'), readFileSync(path, 'utf8')));

  it('scans the whole source tree', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith(join('zone', 'bytes.ts')))).toBe(true);
  });

  it('finds none outside the documented bounded ones', () => {
    expect(all.filter((c) => !(c.key in BOUNDED)).map((c) => c.where)).toEqual([]);
  });

  it('keeps no stale entry in the allow list', () => {
    for (const key of Object.keys(BOUNDED)) expect(all.some((c) => c.key === key), key).toBe(true);
  });

  it('would catch each form it forbids', () => {
    const probe = (code: string) => spreadCalls('probe.ts', code).length > 0;
    expect(probe('a.push(...b);')).toBe(true);
    expect(probe('Math.max(...xs.map((x) => x.length));')).toBe(true);
    expect(probe('String.fromCharCode(\n  ...octets,\n);')).toBe(true);
    expect(probe('new Set(...b);')).toBe(true);
    expect(probe('f.apply(null, octets);')).toBe(true);
    expect(probe('const c = [...a, ...b]; const d = { ...e }; a.push(b, c);')).toBe(false);
  });
});
