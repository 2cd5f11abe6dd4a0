/**
 * The report formats `zonesmith lint --format` offers: apart from the reporters, so that the commands'
 * declarations (read for every run, --help and --version too) load no reporter.
 */
export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
