export { FORMATS, type Format } from './formats.js';

export { formatGithub, githubReporter } from './github.js';
export { formatJson, jsonReporter } from './json.js';
export { formatSarif, sarifReporter } from './sarif.js';
export { formatText, summarize, textReporter, type SourceLines, type TextOptions } from './text.js';
export { bufferedWrite, Tally, type Reporter, type ReportEnd, type Write } from './reporter.js';
export { SourceQuoter } from './sources.js';
export { reporterFor, type ReporterOptions } from './for-format.js';
export { renderAll } from './reporter.js';
