/**
 * The published package as a user meets it: `npm pack`, installed into an empty project, imported
 * from ESM (the README's Library example, verbatim), type-checked with tsc, and its bin run. The install
 * is offline: the project gets a lockfile built from zonesmith's own (the tarball plus the locked
 * versions of its runtime dependencies), so `npm ci --offline` takes every package from the npm cache
 * that `npm ci` filled for the repository (CI) or `npm install` did (a developer).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGraph, nodeDependencies } from './helpers/import-graph.js';
import { REPO_ROOT } from './helpers/shared.js';

/** Packing builds the package and installing copies ~200 files: minutes on a busy 2-core machine. */
const SLOW = 600_000;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const REGISTRY = 'https://registry.npmjs.org/';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
  [key: string]: unknown;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
};

function npm(args: string[], cwd: string): string {
  const result = spawnSync(NPM, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The lockfile of a project that depends on the tarball only: zonesmith's runtime dependencies as zonesmith locks them. */
function hostLockfile(tarball: string, integrity: string): object {
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, LockEntry> = {
    '': { name: 'host-project', version: '9.9.9', dependencies: { [manifest.name]: `file:${tarball}` } },
    [`node_modules/${manifest.name}`]: {
      version: manifest.version,
      resolved: `file:${tarball}`,
      integrity,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || entry.devOptional || entry.link) continue;
    // zonesmith's lockfile leaves out registry URLs; without one npm would ask the registry where the tarball is.
    packages[path] = entry.resolved ? entry : { ...entry, resolved: tarballUrl(path, entry.version!) };
  }
  return { name: 'host-project', version: '9.9.9', lockfileVersion: 3, requires: true, packages };
}

/** Where the registry keeps a package's tarball (`@scope/name` -> `@scope/name/-/name-1.2.3.tgz`). */
function tarballUrl(lockPath: string, version: string): string {
  const name = lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `${REGISTRY}${name}/-/${name.split('/').pop()}-${version}.tgz`;
}

/** The first ```js block of the README's "## Library" section. */
function readmeLibraryExample(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Library\n'));
  const match = /```js\n([^]*?)```/.exec(section);
  if (!match || readme.indexOf('\n## Library\n') < 0) throw new Error('README.md has no "## Library" section with a ```js example');
  return match[1]!;
}

describe('the npm package, installed into an empty project', () => {
  let project: string;

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'zonesmith-package-'));
    // The build writes dist/; packing then takes the files the manifest names.
    npm(['run', 'build'], REPO_ROOT);
    const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', project], REPO_ROOT)) as { filename: string; integrity: string }[];
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'host-project', version: '9.9.9', private: true, type: 'module', dependencies: { [manifest.name]: `file:${packed!.filename}` } }, null, 2));
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify(hostLockfile(packed!.filename, packed!.integrity), null, 2));
    npm(['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
  }, SLOW);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('runs the README Library example verbatim from ESM', () => {
    writeFileSync(join(project, 'example.mjs'), readmeLibraryExample());
    const result = spawnSync(process.execPath, ['example.mjs'], { cwd: project, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^example\.com\.dns: \d+ lint finding\(s\)\n/);
    expect(result.stdout).toContain('zone,name,fqdn,type,ttl,priority,weight,port,value\r\n');
    expect(result.stdout).toContain('example.com.,_imaps._tcp,_imaps._tcp.example.com.,SRV,3600,0,0,993,mail.example.com.');
  }, SLOW);

  it('type-checks a TypeScript file against the installed types, for zonesmith and zonesmith/node', () => {
    writeFileSync(
      join(project, 'check.ts'),
      [
        "import { lintZone, parseZone, RULE_METAS, type Diagnostic, type LintResult, type RuleMeta } from 'zonesmith';",
        "import { lintFile, packageVersion } from 'zonesmith/node';",
        "const result: LintResult = lintZone('$ORIGIN example.com.\\n', { profiles: ['standard'], rules: { 'private-address': 'off' } });",
        'const first: Diagnostic | undefined = result.diagnostics[0];',
        'const metas: readonly RuleMeta[] = RULE_METAS;',
        "const origin: string = parseZone('', { origin: 'example.com' }).origin.toString();",
        "const version: string = packageVersion();",
        "const fromFile: LintResult = lintFile('example.com.dns');",
        "// @ts-expect-error: a profile that does not exist is a type error",
        "lintZone('', { profiles: ['nonesuch'] });",
        'export { first, metas, origin, version, fromFile };',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['check.ts'] }),
    );
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, SLOW);

  it("runs the installed bin, whose --version is zonesmith's, not the host project's", () => {
    const bin = join(project, 'node_modules', '.bin', 'zonesmith');
    const output = execFileSync(bin, ['--version'], { cwd: project, encoding: 'utf8' });
    expect(output.trim()).toBe(manifest.version);
    expect(output).not.toContain('9.9.9');
  }, SLOW);

  it('ships a core whose import graph has no Node, and the embedded template', () => {
    const dist = join(project, 'node_modules', manifest.name, 'dist');
    expect(nodeDependencies(importGraph(join(dist, 'index.js')), dist)).toEqual([]);
    expect(readFileSync(join(dist, 'generate', 'default-template.js'), 'utf8')).toContain('DEFAULT_ZONE_TEMPLATE');
  }, SLOW);
});
