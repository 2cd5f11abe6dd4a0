/**
 * The two ways CI runs zonesmith without the npm registry (it is not published there), exercised as
 * their runners do, on a copy of the repository (its files as they are now, without node_modules or dist):
 *
 * - action.yml: each `run` step's script is run as a composite action runs it (bash -eo pipefail, its
 *   `env` and `working-directory`, `${{ github.action_path }}` and `${{ inputs.* }}` filled in from the
 *   inputs and their defaults, GITHUB_OUTPUT), the install step included; the upload step is checked
 *   for what GitHub would hand upload-sarif (an existing SARIF log, the category, `if: always()`).
 * - .pre-commit-hooks.yaml: the repository installed as pre-commit's `language: node` installs it
 *   (npm install in the checkout, which builds dist/ through `prepare`; npm pack; npm install -g of the
 *   tarball into a fresh prefix), then the hook's `entry` run on fixture files its `files` pattern picks.
 *
 * Every npm command runs offline (npm_config_offline): packages come from the npm cache that `npm ci`
 * filled for this repository, so the test makes no network traffic.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './helpers/shared.js';

/** Installing ~200 MB of packages and building: minutes on a busy 2-core machine. */
const SLOW = 900_000;

const CLEAN_ZONE = join(REPO_ROOT, 'examples', 'example.com.dns');
const BAD_ZONE = join(REPO_ROOT, 'test', 'fixtures', 'lint', 'defects', 'cname-clash.example.com.dns');
const WARNING_ZONE = join(REPO_ROOT, 'test', 'fixtures', 'lint', 'defects', 'warnings-only.example.com.dns');

interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}
interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  types?: string[];
}

let root: string;
let checkout: string;

/** The repository's files as they are in the work tree (tracked, or new and not ignored), copied. */
function copyRepository(to: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0')) {
    if (file === '' || file === 'node_modules' || !existsSync(join(REPO_ROOT, file))) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(REPO_ROOT, file), join(to, file));
  }
}

/** npm and the scripts it runs never reach the registry. */
const OFFLINE = { npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

function sh(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...OFFLINE, ...env } });
}

function must(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'zonesmith-ci-'));
  checkout = join(root, 'zonesmith');
  copyRepository(checkout);
}, SLOW);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('action.yml, its steps run as a composite action runs them', () => {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;

  /** `${{ github.action_path }}` and `${{ inputs.NAME }}`; any other expression is one this test cannot stand in for. */
  function expand(text: string, inputs: Record<string, string>): string {
    return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
      if (expression === 'github.action_path') return checkout;
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      if (input && input[1]! in action.inputs) return inputs[input[1]!] ?? action.inputs[input[1]!]!.default ?? '';
      throw new Error(`action.yml uses an expression the test does not know: ${expression}`);
    });
  }

  /** Runs one `run` step in `workspace`; its exit code and the outputs it set. */
  function runStep(step: ActionStep, workspace: string, inputs: Record<string, string>): { code: number; outputs: Record<string, string>; log: string } {
    expect(step.shell).toBe('bash');
    const script = join(root, 'step.sh');
    writeFileSync(script, expand(step.run!, inputs));
    const outputFile = join(root, 'github-output');
    writeFileSync(outputFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), inputs)]));
    const cwd = step['working-directory'] ? expand(step['working-directory'], inputs) : workspace;
    // GitHub runs `shell: bash` as `bash --noprofile --norc -eo pipefail {0}`.
    const result = sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], cwd, {
      ...env,
      GITHUB_ACTION_PATH: checkout,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
    });
    const outputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    return { code: result.status ?? -1, outputs, log: result.stdout + result.stderr };
  }

  function workspaceWith(files: Record<string, string>): string {
    const workspace = mkdtempSync(join(root, 'workspace-'));
    for (const [name, from] of Object.entries(files)) {
      mkdirSync(dirname(join(workspace, name)), { recursive: true });
      copyFileSync(from, join(workspace, name));
    }
    return workspace;
  }

  const [install, lint, upload] = action.runs.steps;

  it('is a composite action: install from its own checkout, lint, upload SARIF whatever lint said', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps).toHaveLength(3);
    expect(install!.run).toMatch(/^npm ci\b/);
    expect(install!['working-directory']).toBe('${{ github.action_path }}');
    // Nothing may assume zonesmith is on the registry.
    for (const step of action.runs.steps) expect(step.run ?? '').not.toMatch(/npm (install|i|exec)\b[^\n]*zonesmith|npx zonesmith/);
    expect(upload!.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(upload!.if).toMatch(/^always\(\)/);
    expect(upload!.with).toEqual({ sarif_file: '${{ inputs.sarif-file }}', category: '${{ inputs.sarif-category }}' });
    expect(Object.keys(action.inputs).sort()).toEqual(['fail-level', 'files', 'profile', 'sarif-category', 'sarif-file', 'upload-sarif']);
  });

  it("is used in the README's workflow with inputs it has, and the job permission upload-sarif needs", () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /```yaml\n(name: zones\n[^]*?)```/.exec(readme);
    expect(block, 'README.md has the workflow example (a ```yaml block starting "name: zones")').not.toBeNull();
    const workflow = parse(block![1]!) as { jobs: Record<string, { permissions: Record<string, string>; steps: { uses?: string; with?: Record<string, string> }[] }> };
    const job = Object.values(workflow.jobs)[0]!;
    expect(job.permissions['security-events']).toBe('write');
    const step = job.steps.find((s) => s.uses?.startsWith('OWNER/zonesmith@'));
    expect(Object.keys(step!.with!).every((input) => input in action.inputs)).toBe(true);
    expect(['error', 'warning', 'never']).toContain(step!.with!['fail-level']);
  });

  it('installs zonesmith from the checkout with its install step (npm ci builds dist/)', () => {
    const result = runStep(install!, root, {});
    expect(result.code, result.log).toBe(0);
    expect(existsSync(join(checkout, 'dist', 'cli.js'))).toBe(true);
  }, SLOW);

  it('writes the SARIF log and passes on a clean zone', () => {
    const workspace = workspaceWith({ 'zones/example.com.dns': CLEAN_ZONE });
    const result = runStep(lint!, workspace, { files: 'zones/' });
    expect(result.code, result.log).toBe(0);
    expect(result.outputs).toEqual({ 'sarif-file': 'zonesmith.sarif', 'exit-code': '0' });
    const sarif = JSON.parse(readFileSync(join(workspace, expand(upload!.with!.sarif_file!, {})), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toEqual([]);
  }, SLOW);

  it('fails the step on an error, with annotations in the log and the SARIF log still written for the upload', () => {
    const workspace = workspaceWith({ 'zones/example.com.dns': BAD_ZONE });
    const result = runStep(lint!, workspace, { files: 'zones/*.dns', 'sarif-file': 'out/lint.sarif' });
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({ 'sarif-file': 'out/lint.sarif', 'exit-code': '1' });
    expect(result.log).toMatch(/^::error file=zones\/example\.com\.dns,line=\d+/m);
    const sarif = JSON.parse(readFileSync(join(workspace, 'out', 'lint.sarif'), 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('zones/example.com.dns');
  }, SLOW);

  it('honours fail-level: warnings fail at "warning", nothing fails at "never"; a bad level is exit 2', () => {
    const workspace = workspaceWith({ 'example.com.dns': WARNING_ZONE });
    expect(runStep(lint!, workspace, { files: 'example.com.dns' }).code).toBe(0);
    expect(runStep(lint!, workspace, { files: 'example.com.dns', 'fail-level': 'warning' }).code).toBe(1);
    const bad = runStep(lint!, workspaceWith({ 'example.com.dns': BAD_ZONE }), { files: 'example.com.dns', 'fail-level': 'never' });
    expect(bad).toMatchObject({ code: 0, outputs: { 'exit-code': '1' } });
    const typo = runStep(lint!, workspace, { files: 'example.com.dns', 'fail-level': 'warnings' });
    expect(typo.code).toBe(2);
    expect(typo.log).toContain("::error::zonesmith: fail-level must be error, warning or never, not 'warnings'");
  }, SLOW);

  it('passes the profile input on', () => {
    const workspace = workspaceWith({ 'example.com.dns': CLEAN_ZONE });
    // The example zone is an MDaemon zone: judged as a standard one, the RFC labels are missing.
    const result = runStep(lint!, workspace, { files: 'example.com.dns', profile: 'standard' });
    expect(result.code).toBe(0);
    expect(result.log).toMatch(/^::warning file=example\.com\.dns,.*missing-autodiscovery-record/m);
  }, SLOW);
});

describe('.pre-commit-hooks.yaml, installed as pre-commit installs a node hook', () => {
  const [hook] = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  let prefix: string;

  it('declares a node hook whose entry is the package bin, for zone files', () => {
    expect(hook).toMatchObject({ id: 'zonesmith-lint', language: 'node', entry: 'zonesmith lint', files: '\\.(dns|zone|db)$', types: ['text'] });
    const pattern = new RegExp(hook!.files);
    expect(['example.com.dns', 'zones/example.org.zone', 'example.net.db'].every((f) => pattern.test(f))).toBe(true);
    expect(['example.com.yaml', 'README.md'].some((f) => pattern.test(f))).toBe(false);
    const bin = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;
    expect(Object.keys(bin)).toContain(hook!.entry.split(' ')[0]);
  });

  it('installs into a fresh prefix: npm install in the checkout (prepare builds dist/), npm pack, npm install -g', () => {
    prefix = join(root, 'hook-env');
    const env = { NPM_CONFIG_PREFIX: prefix, npm_config_prefix: prefix };
    // pre-commit's own first two command lines (pre_commit/languages/node.py), with npm's current
    // spelling of its --dev --prod. They run in the checkout, whose node_modules the action test made.
    must(sh('npm', ['install', '--include=dev', '--include=prod', '--ignore-prepublish', '--no-progress', '--no-save'], checkout, env), 'npm install');
    const packed = JSON.parse(must(sh('npm', ['pack', '--json', '--pack-destination', root], checkout, env), 'npm pack')) as { files: { path: string }[] }[];
    const paths = packed[0]!.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'package.json', 'templates/zone.hbs', 'schemas/zonesmith.schema.json']));
    // pre-commit then installs that tarball globally, which resolves the dependencies' version ranges
    // at the registry; offline, the package is installed from the checkout into the fresh prefix
    // instead (the same files and bin; test/package.test.ts installs the tarball with locked dependencies).
    must(sh('npm', ['install', '--global', '.'], checkout, env), 'npm install --global .');
    expect(readdirSync(join(prefix, 'bin'))).toContain('zonesmith');
  }, SLOW);

  it('runs its entry on the staged zone files: exit 0 on a clean one, 1 with FILE:LINE:COLUMN on a broken one', () => {
    const files = mkdtempSync(join(root, 'staged-'));
    copyFileSync(CLEAN_ZONE, join(files, 'example.com.dns'));
    copyFileSync(BAD_ZONE, join(files, 'broken.example.com.dns'));
    const [command, ...args] = hook!.entry.split(' ');
    // pre-commit puts the environment's bin first on PATH and appends the file names to the entry.
    const env = { PATH: `${join(prefix, 'bin')}:${process.env.PATH}` };
    const clean = sh(command!, [...args, 'example.com.dns'], files, env);
    expect(clean.stdout).toMatch(/^no problems in 1 file\n$/i);
    expect(clean.status).toBe(0);
    const broken = sh(command!, [...args, 'example.com.dns', 'broken.example.com.dns'], files, env);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^broken\.example\.com\.dns:\d+:\d+ +error /m);
  }, SLOW);
});
