/**
 * `lint --fix` leaves alone a file the user could not write in place (mode 444 for its owner): the
 * write would go through a rename in a writable folder, which a read-only mode does not stop, so the
 * refusal is zonesmith's own. The test suite runs as root, whom no mode stops; so, as root, the built
 * CLI runs in a process of its own as the unprivileged user `nobody` (65534); as another user, in process.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

const NOBODY = 65534;
const SOURCE = join(REPO_ROOT, 'test/fixtures/fix/soa-minimum.example.com.dns');
const asRoot = process.getuid?.() === 0;
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * Runs `zonesmith ARGS` as the user `nobody`, from a build of its own: the bundled bin as it ships
 * (dependencies inside it, scripts/bundle-cli.mjs), in a world-readable folder under the system's
 * temporary folder. Not inside the repository: a checkout may sit in a folder only its owner can enter
 * (a CI clone into `mktemp -d`), where `nobody` could not even read the bin.
 */
function runAsNobody(...args: string[]): { code: number | null; stderr: string } {
  const build = mkdtempSync(join(tmpdir(), 'zonesmith-build-'));
  made.push(build);
  const bundle = spawnSync(process.execPath, ['scripts/bundle-cli.mjs', '--outdir', join(build, 'dist', 'bin')], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(bundle.status, bundle.stdout + bundle.stderr).toBe(0);
  copyFileSync(join(REPO_ROOT, 'package.json'), join(build, 'package.json'));
  chmodSync(build, 0o755);
  const cli = spawnSync(process.execPath, [join(build, 'dist/bin/zonesmith.js'), ...args], { uid: NOBODY, gid: NOBODY, encoding: 'utf8' });
  return { code: cli.status, stderr: cli.stderr };
}

describe('--fix and a read-only file', () => {
  it('refuses a file its user cannot write, says why in one line, and leaves it as it was (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zonesmith-readonly-'));
    made.push(dir);
    const zone = join(dir, 'example.com.dns');
    copyFileSync(SOURCE, zone);
    chmodSync(zone, 0o444);
    // The folder is writable for everyone: only the file's own mode stands in the way.
    chmodSync(dir, 0o777);
    let result: { code: number | null; stderr: string };
    if (asRoot) {
      chownSync(zone, NOBODY, NOBODY);
      result = runAsNobody('lint', '--fix', zone, '-f', 'json');
    } else {
      const r = await run('lint', '--fix', zone, '-f', 'json');
      result = { code: r.code, stderr: r.stderr };
    }
    expect(result.stderr).toBe(`zonesmith: not fixing ${zone}: it is read-only for this user; it is unchanged\n`);
    expect(result.code).toBe(2);
    expect(readFileSync(zone)).toEqual(readFileSync(SOURCE));
  });
});
