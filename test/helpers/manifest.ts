/** The corpus's manifest.tsv (see the corpus README): one row per zone file, with BIND's verdict. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from './shared.js';

export interface ManifestRow {
  /** Path under the corpus folder. */
  file: string;
  origin: string;
  /** named-checkzone's exit status: 0 when BIND loads the zone. */
  bindRc: number;
  /** BIND's dump (`named-compilezone -s full`), under the corpus folder; only for files that load. */
  canonical: string;
  errorClass: string;
  /** Corpus paths of the files it $INCLUDEs (they sit beside it). */
  includes: string[];
}

export function readManifest(): ManifestRow[] {
  const lines = readFileSync(join(CORPUS_DIR, 'manifest.tsv'), 'utf8').split('\n').filter((l) => l.length > 0);
  const header = lines[0]!.split('\t');
  const col = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`manifest.tsv has no column ${name}`);
    return index;
  };
  const [file, origin, rc, canonical, errorClass, includes] = ['file', 'origin', 'bind_rc', 'canonical', 'error_class', 'includes'].map(col);
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return {
      file: cells[file!]!,
      origin: cells[origin!]!,
      bindRc: Number(cells[rc!]),
      canonical: cells[canonical!]!,
      errorClass: cells[errorClass!] ?? '',
      includes: (cells[includes!] ?? '').split(';').filter((p) => p.length > 0),
    };
  });
}
