/** A zone template from disk (`--template FILE`), or the built-in one when no file is named. */
import { readFileSync } from 'node:fs';
import { compileTemplate, defaultTemplate, type CompiledTemplate } from './render.js';

export function loadTemplate(path?: string): CompiledTemplate {
  return path === undefined ? defaultTemplate() : compileTemplate(readFileSync(path, 'utf8'));
}
