#!/usr/bin/env node
/**
 * The top of a V8 CPU profile (`node --cpu-prof ...`): the functions with the most self time and the
 * most total time, each placed at its TypeScript source line through dist/'s source maps, so a
 * finding can be cited as src/zone/file.ts:line.
 * Usage: node bench/profile-top.mjs PROFILE.cpuprofile [--top N]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source map "mappings" to, per generated line, sorted [column, sourceIndex, line, column] segments. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segmentText) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length >= 4) {
        source += values[1];
        sourceLine += values[2];
        sourceColumn += values[3];
        segments.push([column, source, sourceLine, sourceColumn]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

const sourceMaps = new Map();

/** `file:///…/dist/x.js` line/column (0-based) to `src/x.ts:line` (1-based), or the JS place. */
function place(url, line, column) {
  if (!url.startsWith('file://')) return url || '(native)';
  const file = fileURLToPath(url);
  if (!sourceMaps.has(file)) {
    const mapFile = `${file}.map`;
    sourceMaps.set(file, existsSync(mapFile) ? JSON.parse(readFileSync(mapFile, 'utf8')) : null);
    const map = sourceMaps.get(file);
    if (map) map.decoded = decodeMappings(map.mappings);
  }
  const map = sourceMaps.get(file);
  const fallback = `${relative(REPO_ROOT, file)}:${line + 1}`;
  if (!map) return fallback;
  let best;
  for (const segment of map.decoded[line] ?? []) {
    if (segment[0] <= column) best = segment;
    else break;
  }
  if (!best) return fallback;
  const source = resolve(dirname(file), map.sourceRoot ?? '', map.sources[best[1]]);
  return `${relative(REPO_ROOT, source)}:${best[2] + 1}`;
}

/** {self, total} milliseconds per function (name + place); recursion counted once in total. */
export function summarise(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const functions = new Map();
  const keyOf = (node) => {
    const frame = node.callFrame;
    return `${frame.functionName || '(anonymous)'} ${place(frame.url, frame.lineNumber, frame.columnNumber)}`;
  };
  const entry = (key) => {
    if (!functions.has(key)) functions.set(key, { name: key, self: 0, total: 0 });
    return functions.get(key);
  };
  const totalMs = new Map();
  // Children before parents: iterative post-order, so deep stacks cannot overflow ours.
  const root = profile.nodes[0];
  const order = [];
  const stack = [root.id];
  while (stack.length > 0) {
    const id = stack.pop();
    order.push(id);
    for (const child of byId.get(id).children ?? []) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = byId.get(order[i]);
    let total = selfMs.get(node.id) ?? 0;
    for (const child of node.children ?? []) total += totalMs.get(child) ?? 0;
    totalMs.set(node.id, total);
  }
  // Total per function: add a node's total only where the function is not already on the path.
  const walk = [[root.id, new Set()]];
  while (walk.length > 0) {
    const [id, onPath] = walk.pop();
    const node = byId.get(id);
    const key = keyOf(node);
    const item = entry(key);
    item.self += selfMs.get(id) ?? 0;
    let path = onPath;
    if (!onPath.has(key)) {
      item.total += totalMs.get(id) ?? 0;
      path = new Set(onPath).add(key);
    }
    for (const child of node.children ?? []) walk.push([child, path]);
  }
  const all = totalMs.get(root.id) ?? 0;
  return { totalMs: all, functions: [...functions.values()] };
}

/** The summary as Markdown: the `top` functions by self time, then by total time. */
export function formatSummary({ totalMs, functions }, top = 25) {
  const row = (f) => `| ${f.self.toFixed(0)} | ${((100 * f.self) / totalMs).toFixed(1)}% | ${f.total.toFixed(0)} | ${f.name.replaceAll('|', '\\|')} |`;
  const header = ['| self ms | self % | total ms | function (source) |', '| ---: | ---: | ---: | --- |'];
  const bySelf = [...functions].sort((a, b) => b.self - a.self).slice(0, top);
  const byTotal = [...functions].sort((a, b) => b.total - a.total).slice(0, top);
  return (
    `Profile: ${totalMs.toFixed(0)} ms sampled.\n\nBy self time:\n\n${[...header, ...bySelf.map(row)].join('\n')}\n\n` +
    `By total time:\n\n${[...header, ...byTotal.map(row)].join('\n')}\n`
  );
}

function main() {
  // `| head` closing the pipe early is not an error of ours.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
  const top = Number(values.top);
  if (positionals.length !== 1 || !Number.isInteger(top) || top < 1) {
    process.stderr.write('usage: node bench/profile-top.mjs PROFILE.cpuprofile [--top N]\n');
    return 2;
  }
  process.stdout.write(formatSummary(summarise(JSON.parse(readFileSync(positionals[0], 'utf8'))), top));
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
