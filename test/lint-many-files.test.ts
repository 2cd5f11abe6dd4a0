/**
 * The command line as it ships: the bundled bin (scripts/bundle-cli.mjs), and `lint` of many files,
 * which hands them to worker threads (src/commands/worker-pool.ts). The report of a many-file run must
 * be the same bytes as the one-thread run (the TypeScript sources run in this process cannot start a
 * worker, so `main` from src/ lints in its own thread): same diagnostics, same order, same summary and
 * exit code, a broken config said at its place in the files' order.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallZoneText } from '../bench/lib/shape-zones.mjs';
import { run } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

/** More than lint.run.ts's WORKERS_MIN_FILES (64), so a run of them goes to worker threads. */
const FILES = 150;
const SLOW = 300_000;

const build = mkdtempSync(join(REPO_ROOT, '.test-build-'));
const zones = join(build, 'zones');
const bin = join(build, 'dist', 'bin', 'zonesmith.js');

afterAll(() => rmSync(build, { recursive: true, force: true }));

beforeAll(() => {
  const bundle = spawnSync(process.execPath, ['scripts/bundle-cli.mjs', '--outdir', join(build, 'dist', 'bin')], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(bundle.status, bundle.stdout + bundle.stderr).toBe(0);
  // Laid out as the package is: the bin finds its version in the package.json above dist/.
  copyFileSync(join(REPO_ROOT, 'package.json'), join(build, 'package.json'));
  mkdirSync(zones);
  for (let i = 0; i < FILES; i++) {
    let text = smallZoneText(i);
    // Some zones with findings of their own, so the order of the report is not the same line over and over.
    if (i % 7 === 3) text += `bad IN A 10.0.${i}.1\nmail IN MX 10 nowhere.example.\n`;
    if (i % 11 === 5) text += 'broken IN A 300.1.2.3\n';
    writeFileSync(join(zones, `z${String(i).padStart(3, '0')}.example.zone`), text);
  }
  // A sub-folder with a broken config: its zones are not linted, the config's problems are said once.
  const sub = join(zones, 'sub');
  mkdirSync(sub);
  writeFileSync(join(sub, '.zonesmith.yaml'), 'rules: { no-such-rule: off }\n');
  writeFileSync(join(sub, 'a.example.zone'), smallZoneText(1000));
}, SLOW);

function runBin(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: build, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const runInProcess = (args: string[]) => run(...args);

describe('the bundled bin', () => {
  it("prints zonesmith's version from the package.json above it", () => {
    const result = runBin(['--version']);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lints many files in worker threads to the same report as one thread, in every format', async () => {
    const files = [zones, join(zones, 'sub', 'a.example.zone')];
    for (const format of ['json', 'text', 'sarif']) {
      // SARIF's paths are relative to --sarif-root: the same for both runs, whatever their working folders.
      const args = ['lint', ...files, '--format', format, '--sarif-root', build];
      const threads = runBin(args);
      const oneThread = await runInProcess(args);
      expect(threads.stderr).toBe(oneThread.stderr);
      expect(threads.stdout).toBe(oneThread.stdout);
      expect(threads.status).toBe(oneThread.code);
    }
    const json = JSON.parse(runBin(['lint', zones, '--format', 'json']).stdout) as { file: string; rule: string }[];
    // Every file was linted, in the order the folder lists them.
    const order = [...new Set(json.map((d) => d.file))];
    expect(order).toEqual([...order].sort());
    expect(order).toHaveLength(FILES);
    expect(json.filter((d) => d.rule === 'private-address')).toHaveLength(Math.ceil((FILES - 3) / 7));
  }, SLOW);

  it('says a broken config once, where its folder comes in the files, and exits 2', async () => {
    const sub = join(zones, 'sub');
    const files = [...Array.from({ length: 70 }, (_, i) => join(zones, `z${String(i).padStart(3, '0')}.example.zone`)), join(sub, 'a.example.zone')];
    const threads = runBin(['lint', ...files, '--format', 'json']);
    const oneThread = await runInProcess(['lint', ...files, '--format', 'json']);
    expect(threads.stdout).toBe(oneThread.stdout);
    expect(threads.status).toBe(2);
    expect(oneThread.code).toBe(2);
    const rules = (JSON.parse(threads.stdout) as { rule: string }[]).map((d) => d.rule);
    expect(rules.at(-1)).toBe('config');
  }, SLOW);
});
