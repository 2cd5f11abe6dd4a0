/** A zone template from disk (`--template FILE`), or the built-in one when no file is named. */
import { readFileSync } from 'node:fs';
import { compileTemplate, defaultTemplate, type CompiledTemplate } from './render.js';

/** A template file that cannot be used as one (its syntax), with the file it is about. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** The compiled template; a file that cannot be read throws the system's error, one that does not parse a TemplateError. */
export function loadTemplate(path?: string): CompiledTemplate {
  if (path === undefined) return defaultTemplate();
  const source = readFileSync(path, 'utf8');
  try {
    return compileTemplate(source);
  } catch (error) {
    throw new TemplateError(path, (error as Error).message);
  }
}
