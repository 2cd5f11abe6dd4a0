/**
 * The origin a zone file implies by its name, for when neither `--origin` nor a leading `$ORIGIN`
 * gives one: `example.com.dns`, `example.com.zone`, `example.com.db`, `db.example.com` and
 * `example.com` all mean `example.com.`.
 */
import { binaryFromText } from './bytes.js';
import { Name } from './name.js';

/** Suffixes that name the file's kind rather than a label of the zone (`.in` is a TLD, so not here). */
const FILE_SUFFIXES = ['.dns', '.zone', '.db', '.txt', '.signed'];
const DB_PREFIX = 'db.';

export function originFromFileName(path: string): Name | undefined {
  let base = baseName(path);
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const suffix of FILE_SUFFIXES) {
      if (base.length > suffix.length && base.toLowerCase().endsWith(suffix)) {
        base = base.slice(0, -suffix.length);
        stripped = true;
      }
    }
  }
  if (base.toLowerCase().startsWith(DB_PREFIX) && base.length > DB_PREFIX.length) base = base.slice(DB_PREFIX.length);
  if (base.endsWith('.')) base = base.slice(0, -1);
  if (base.length === 0) return undefined;
  const parsed = Name.parse(binaryFromText(base) + '.');
  return parsed.ok ? parsed.name : undefined;
}

/** The name after the last `/` (or `\\`, for Windows paths), as node:path's basename gives it. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[/\\]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
}

/** An origin given by a caller (`example.com`, `example.com.` or a Name), absolute; a TypeError names a bad one. */
export function originOption(origin: string | Name): Name {
  if (origin instanceof Name) return origin;
  const parsed = Name.parse(binaryFromText(origin.endsWith('.') ? origin : origin + '.'));
  if (!parsed.ok) throw new TypeError(`origin "${origin}" is not a valid name: ${parsed.error}`);
  return parsed.name;
}
