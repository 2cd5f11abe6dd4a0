import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ZONE_TEMPLATE } from '../src/generate/default-template.js';
import { importGraph, nodeDependencies } from './helpers/import-graph.js';
import { REPO_ROOT } from './helpers/shared.js';

describe('the core (src/index.ts) runs without Node', () => {
  const graph = importGraph(join(REPO_ROOT, 'src/index.ts'));

  it('imports no node: module and names no process, console or Buffer anywhere in its import graph', () => {
    expect(graph.length).toBeGreaterThan(20);
    expect(nodeDependencies(graph, REPO_ROOT)).toEqual([]);
  });

  it('the walker does see Node where it is (the CLI and zonesmith/node)', () => {
    const node = nodeDependencies(importGraph(join(REPO_ROOT, 'src/node.ts')), REPO_ROOT);
    expect(node.some((problem) => problem.includes('imports node:fs'))).toBe(true);
  });

  it('embeds templates/zone.hbs as it is (npm run build rewrites src/generate/default-template.ts)', () => {
    expect(DEFAULT_ZONE_TEMPLATE).toBe(readFileSync(join(REPO_ROOT, 'templates/zone.hbs'), 'utf8'));
  });
});
