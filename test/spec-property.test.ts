/**
 * Bad input never escapes as an exception: random and mutated specs go through loading, the schema
 * and resolution, and the lint rules judge what resolved (a zone with schema errors is resolved in
 * part); every diagnostic points inside the file, no rule fails on a partial zone, each run stays
 * within a time bound, and what resolves renders to exactly one line per record (no value can add one).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeSpec } from '../src/lint/spec-judge.js';
import { loadSpecText } from '../src/spec/load.js';
import { resolveSpec } from '../src/spec/resolve.js';
import { defaultTemplate, renderZone } from '../src/generate/render.js';
import { REPO_ROOT } from './helpers/shared.js';

const SPEC_DIR = join(REPO_ROOT, 'test', 'fixtures', 'specs');
const read = (path: string) => readFileSync(path, 'utf8');
const FIXTURES = readdirSync(SPEC_DIR).filter((f) => /\.(ya?ml|json)$/.test(f));
const SEEDS = [...FIXTURES.map((f) => read(join(SPEC_DIR, f))), read(join(REPO_ROOT, 'examples', 'hosting.yaml'))];
/** Seeds that resolve as they are: one small edit often leaves them valid, so rendering gets exercised. */
const VALID_SEEDS = [
  ...['minimal.yaml', 'minimal.json', 'escaping.yaml', 'both-profiles.yaml', 'hosting-like.yaml', 'service-forms.yaml'].map((f) => read(join(SPEC_DIR, f))),
  read(join(REPO_ROOT, 'examples', 'hosting.yaml')),
];
const PIECES = ['"', "'", '\\', ';', '(', ')', '\n', ': ', '- ', '@', '.', '{', '}', '[', ']', '&a ', '*a', '\u00a0', 'ü', '0', '-1', '99999999999', '\t', '#'];
const template = defaultTemplate();
let rendered = 0;

/** A spec that makes a check hang (a backtracking pattern) fails as the test's timeout, not by a clock in the test. */
function check(text: string): void {
  const spec = resolveSpec(loadSpecText(text, 'fuzz.yaml'));
  const lines = text.split('\n').length;
  for (const d of judgeSpec(spec)) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/^internal error in rule/);
  }
  // What resolves also renders: one line per record, never more.
  if (spec.zones.length > 0) rendered++;
  for (const { zone, domain } of spec.zones) {
    const text = renderZone(zone, template, 'fuzz.yaml', `${domain}.dns`);
    const recordLines = text.split('\n').filter((l) => /^\S+ +(\d+ +)?IN /.test(l));
    expect(recordLines.length).toBe(zone.records.length);
  }
}

const mutations = (seeds: string[], maxEdits: number) =>
  fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: maxEdits })).map(([seed, edits]) => {
    let text = seed;
    for (const [at, del, piece] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + piece + text.slice(i + del);
    }
    return text;
  });

describe('specs as untrusted input', () => {
  it('mutated specs give diagnostics inside the file, never an exception', () => {
    fc.assert(fc.property(mutations(SEEDS, 8), check), { numRuns: 300 });
  });

  it('a valid spec with one edit either fails with diagnostics or renders one line per record', () => {
    rendered = 0;
    fc.assert(fc.property(mutations(VALID_SEEDS, 1), check), { numRuns: 200 });
    expect(rendered, 'the property must reach rendering often enough to mean something').toBeGreaterThan(20); // about 45 of 200 in practice
  });

  it('random text gives diagnostics inside the file, never an exception', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), check), { numRuns: 200 });
  });
});
