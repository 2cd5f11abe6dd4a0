/** The report formats `zonesmith lint --format` offers. */
export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export { formatGithub } from './github.js';
export { formatJson } from './json.js';
export { formatSarif } from './sarif.js';
export { formatText, summarize } from './text.js';
export { readLines, pickLines, type SourceLines } from './sources.js';
