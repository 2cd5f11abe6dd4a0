/**
 * `node:path` for the page: the SARIF reporter (src/report/sarif.ts) makes artifact URIs relative to a
 * root folder. In the page the zone has no folder; it is a file name under the root `/`, so POSIX
 * paths are all there is. Only what sarif.ts calls, for absolute POSIX paths.
 */
export const sep = '/';

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function resolve(...paths: string[]): string {
  let joined = '';
  for (const path of paths) joined = isAbsolute(path) ? path : `${joined}/${path}`;
  return normalize(joined || '/');
}

export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}
