#!/usr/bin/env node
// `npm run site`: bundles the page (site/src/main.ts and the library it imports) with esbuild into ONE
// self-contained file, site/dist/index.html, so it works opened from disk (file://, where a browser
// refuses most separate assets) and through `zonesmith serve` alike. The script and the styles are
// inline; a Content-Security-Policy meta tag allows exactly that script (by its hash), no other
// script, and no request of any kind (connect, image, font, frame, form), so nothing pasted into the
// page can leave it. Prints the bundle size.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const pkg = JSON.parse(readFileSync(here('../package.json'), 'utf8'));

// The library's few Node imports sit in the modules the page borrows beside src/index.ts (the SARIF
// reporter); each gets a browser stand-in with only what those modules call. src/version.ts reads
// package.json from disk: the page gets the version written in instead.
const shims = { 'node:path': 'node-path.ts', 'node:url': 'node-url.ts' };
const shimPlugin = {
  name: 'node-shims',
  setup(build) {
    build.onResolve({ filter: /\/version\.js$/ }, (args) =>
      args.importer.startsWith(here('../src/')) ? { path: here('src/shims/version.ts') } : undefined,
    );
    build.onResolve({ filter: /^node:/ }, (args) => {
      const shim = shims[args.path];
      if (!shim) return { errors: [{ text: `${args.path} has no browser stand-in in site/src/shims (imported by ${args.importer})` }] };
      return { path: here(`src/shims/${shim}`) };
    });
  },
};

const result = await esbuild.build({
  entryPoints: [here('src/main.ts')],
  bundle: true,
  metafile: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  define: { __ZONESMITH_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  loader: { '.yaml': 'text' },
  plugins: [shimPlugin],
  logLevel: 'warning',
});
// Inside an inline <script>, "</script" would end the element: written as "<\/script" it means the
// same in every JavaScript string, template or regular expression.
const script = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
const style = readFileSync(here('src/style.css'), 'utf8');
const hash = createHash('sha256').update(script, 'utf8').digest('base64');

// 'unsafe-eval': the spec schema (ajv) and the zone template (handlebars) are compiled to functions
// when first used. It lets the page's own code make code; it opens no way out of the page.
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${hash}' 'unsafe-eval'`,
  "style-src 'unsafe-inline'",
  'img-src data:',
  "connect-src 'none'",
  "font-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

const template = readFileSync(here('src/index.html'), 'utf8');
const fill = { CSP: csp, STYLE: style, SCRIPT: script, VERSION: pkg.version };
const html = template.replace(/\{\{(CSP|STYLE|SCRIPT|VERSION)\}\}/g, (_, key) => fill[key]);

// `--out DIR` writes elsewhere (the browser tests build into a temporary folder).
const outAt = process.argv.indexOf('--out');
const outDir = outAt > 0 ? process.argv[outAt + 1] : here('dist');
mkdirSync(outDir, { recursive: true });
const target = `${outDir}/index.html`;
writeFileSync(`${target}.tmp`, html);
renameSync(`${target}.tmp`, target);
if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(result.metafile));
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const gzip = (await import('node:zlib')).gzipSync(html).length;
console.error(`${outAt > 0 ? target : 'site/dist/index.html'}: ${kib(Buffer.byteLength(html))} (script ${kib(Buffer.byteLength(script))}, ${kib(gzip)} gzipped)`);
