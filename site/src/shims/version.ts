/**
 * src/version.ts for the page: there the version is read from package.json on disk; here it is the one
 * site/build.mjs wrote in when it bundled the page.
 */
declare const __ZONESMITH_VERSION__: string;

export function packageVersion(): string {
  return __ZONESMITH_VERSION__;
}
