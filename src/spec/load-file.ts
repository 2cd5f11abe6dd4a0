/** A spec file from disk, size-checked before it is read, then parsed by load.ts's text loader. */
import { readFileSync, statSync } from 'node:fs';
import { failedSpec, loadSpecText, MAX_SPEC_BYTES, type LoadedSpec } from './load.js';

export function loadSpecFile(file: string): LoadedSpec {
  let text: string;
  try {
    const stat = statSync(file);
    // A device or a pipe has no size to check and may never end (/dev/zero): only a file is a spec.
    if (!stat.isFile()) return failedSpec(file, stat.isDirectory() ? 'cannot read the spec: it is a folder' : 'cannot read the spec: not a regular file');
    const size = stat.size;
    if (size > MAX_SPEC_BYTES) {
      return failedSpec(file, `the spec is ${size} bytes; a spec may be at most ${MAX_SPEC_BYTES} bytes`);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return failedSpec(file, `cannot read the spec: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return loadSpecText(text, file);
}
