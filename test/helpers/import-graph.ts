/**
 * The import graph of a module, walked through its relative imports (TypeScript sources or built
 * JavaScript), with what each file reaches outside the graph: package imports, Node built-ins, and
 * the Node globals (process, console, Buffer, require, __dirname, NodeJS) it names. The library test
 * uses it to prove that `zonesmith`'s core runs without Node.
 */
import { readFileSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

const NODE_GLOBALS = new Set(['process', 'console', 'Buffer', 'require', '__dirname', '__filename', 'NodeJS', 'global', 'setImmediate']);
const BUILTINS = new Set(builtinModules);

export interface GraphFile {
  file: string;
  /** Bare specifiers: packages, and Node built-ins with or without `node:`. */
  external: string[];
  /** `name line:column` for each Node global the file names. */
  globals: string[];
}

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0]!);
}

/** Every file reachable from `entry` through relative imports (a `.js` import finds its `.ts` source in src/). */
export function importGraph(entry: string): GraphFile[] {
  const seen = new Map<string, GraphFile>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const node: GraphFile = { file, external: [], globals: nodeGlobals(file, text) };
    seen.set(file, node);
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (specifier.startsWith('.')) queue.push(sourceOf(resolve(dirname(file), specifier)));
      else node.external.push(specifier);
    }
  }
  return [...seen.values()].sort((a, b) => a.file.localeCompare(b.file));
}

/** A `.js` import is the built file where it exists (dist/), else its TypeScript source (src/). */
function sourceOf(path: string): string {
  return path.endsWith('.js') && !existsSync(path) ? path.replace(/\.js$/, '.ts') : path;
}

/** Identifiers naming a Node global, skipping property names (`x.process`) and declarations of the same name. */
function nodeGlobals(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && !isPropertyName(node)) {
      const { line, character } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${node.text} ${line + 1}:${character + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node) ||
    ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node)
  );
}

/** Problems for the report: `file: what`. */
export function nodeDependencies(graph: readonly GraphFile[], root: string): string[] {
  return graph.flatMap((f) => [
    ...f.external.filter(isNodeBuiltin).map((s) => `${relative(root, f.file)}: imports ${s}`),
    ...f.globals.map((g) => `${relative(root, f.file)}: uses ${g}`),
  ]);
}
