/**
 * Shrinks a disagreement to a minimal reproducer: lines, then tokens, are removed while the case still
 * shows the same disagreement (same signature). Greedy delta debugging with a budget of oracle runs,
 * so a case that shrinks slowly still ends.
 */

/** True when `bytes` still shows the disagreement being shrunk. */
export type StillFails = (bytes: Buffer) => Promise<boolean>;

/** Pieces of `bytes`: lines (with their line ends), or blank-separated runs (with the blanks after them). */
function pieces(bytes: Buffer, byLine: boolean): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const ends = byLine ? b === 0x0a : (b === 0x20 || b === 0x09) && i + 1 < bytes.length && bytes[i + 1] !== 0x20 && bytes[i + 1] !== 0x09;
    if (ends) {
      out.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

export async function shrink(bytes: Buffer, stillFails: StillFails, budget = 200): Promise<Buffer> {
  let best = bytes;
  let runs = 0;
  for (const byLine of [true, false]) {
    let parts = pieces(best, byLine);
    let chunk = Math.max(1, Math.floor(parts.length / 2));
    while (runs < budget) {
      let removed = false;
      for (let at = 0; at < parts.length && runs < budget; ) {
        const candidate = [...parts.slice(0, at), ...parts.slice(at + chunk)];
        runs++;
        if (candidate.length < parts.length && (await stillFails(Buffer.concat(candidate)))) {
          parts = candidate;
          removed = true;
        } else at += chunk;
      }
      if (chunk === 1 && !removed) break;
      if (!removed) chunk = Math.max(1, Math.floor(chunk / 2));
    }
    best = Buffer.concat(parts);
  }
  return best;
}
