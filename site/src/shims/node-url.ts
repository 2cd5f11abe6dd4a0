/** `node:url` for the page: only `pathToFileURL`, which the SARIF reporter calls for its root. */
export function pathToFileURL(path: string): URL {
  return new URL(`file://${path.split('/').map(encodeURIComponent).join('/')}`);
}
