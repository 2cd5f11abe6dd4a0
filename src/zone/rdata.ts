/**
 * Record data: one declaration per RR type (its fields and their kinds), and the generic readers,
 * printers and wire encoders that walk those declarations. Owned by the rdata work; this header
 * fixes the interface the parser, the generator and the linter use.
 */
import type { Name } from './name.js';
import type { Rdata } from './record.js';
import type { Token } from './token.js';

export interface RdataProblem {
  /** The token at fault, when one is; otherwise the problem is about the record as a whole. */
  token?: Token;
  message: string;
}

export type RdataResult = { data: Rdata; problems: [] } | { data?: undefined; problems: RdataProblem[] };

/** Reads the data tokens of a record of `type` (mnemonic or TYPEnnn), including RFC 3597 `\# len hex`. */
export function parseRdata(type: string, tokens: readonly Token[], origin: Name | null): RdataResult {
  void type, tokens, origin;
  throw new Error('not implemented yet');
}

/** Presentation form of record data, as BIND prints it; names relative to `origin` when given. */
export function formatRdata(type: string, data: Rdata, origin?: Name): string {
  void type, data, origin;
  throw new Error('not implemented yet');
}

/** Uncompressed wire form of record data (RFC 1035 §3.3): equality of data means equality of these. */
export function rdataToWire(type: string, data: Rdata): Uint8Array {
  void type, data;
  throw new Error('not implemented yet');
}
