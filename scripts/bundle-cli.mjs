#!/usr/bin/env node
// Bundles the command line (src/cli.ts and everything it imports, dependencies included) into
// dist/bin/zonesmith.js, the package's bin. Why: a command's cost on a small zone is mostly module
// loading (resolving and reading ~300 files: 0.4 s against 0.06 s for `node -e 0`); one file per
// command, read whole, loads in a fraction of that. Each command's implementation stays behind its
// dynamic import (src/commands/command.ts, lazyHandler), which esbuild turns into a chunk of its own,
// so `zonesmith lint` never reads handlebars or ajv. The library (dist/index.js, dist/node.js) stays
// tsc's output: its users bundle it their own way. Run by `npm run build`, after tsc.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// `--outdir DIR`: tests bundle into a build folder of their own (never into dist/, which a concurrent build may be rewriting).
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg > 0 ? resolve(process.argv[outdirArg + 1]) : `${root}dist/bin`;

/**
 * CommonJS packages that few runs need, loaded on first use instead of when the chunk loads: tr46 (IDNA
 * mapping tables, ~270 KB) serves only names with non-ASCII octets, but its tables were built on every
 * `zonesmith lint`. The import (always `import x from 'pkg'`, used as `x.method(...)`) is answered with
 * an object that require()s the package on first property access; esbuild bundles that require() as
 * the package's usual wrapper, which runs only when called.
 */
const LAZY_COMMONJS = ['tr46'];
const lazyCommonJs = {
  name: 'lazy-commonjs',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_COMMONJS.join('|')})$`);
    build.onResolve({ filter }, (args) => (args.pluginData === 'lazy' ? undefined : { path: args.path, namespace: 'lazy-commonjs' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-commonjs' }, (args) => ({
      resolveDir: root,
      pluginData: 'lazy',
      contents: `let loaded;\nexport default new Proxy({}, { get: (_, key) => (loaded ??= require(${JSON.stringify(args.path)}))[key] });\n`,
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The lint worker sits beside the chunk of lint.run.ts that starts it (see LINT_WORKER there).
  entryPoints: { zonesmith: 'src/cli.ts', 'chunks/lint.worker': 'src/commands/lint.worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The dependencies written as CommonJS call require() for Node's built-in modules; an ES module has
  // no require of its own, so every chunk gets one.
  banner: { js: "import { createRequire as __zonesmithRequire } from 'node:module';\nconst require = __zonesmithRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'eof',
  plugins: [lazyCommonJs],
  logLevel: 'warning',
});
