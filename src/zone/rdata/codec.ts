/**
 * The shape every type's data handling has (read, print, encode, decode), and the generic codec
 * of types whose data is a plain sequence of named fields.
 */
import type { Name } from '../name.js';
import type { Rdata, RdataValue } from '../record.js';
import type { Cursor } from './cursor.js';
import type { Field } from './fields.js';
import { WireError, type ByteReader, type ByteWriter } from './wire.js';

/** How the data of one type is read, printed and encoded. */
export interface TypeCodec {
  /** Field names in order, for messages ("priority weight port target"). */
  readonly shape: string;
  parse(cursor: Cursor): Rdata | undefined;
  format(data: Rdata, origin?: Name): string;
  toWire(data: Rdata, out: ByteWriter): void;
  fromWire(input: ByteReader): Rdata;
}

function valueOf(data: Rdata, fieldName: string): RdataValue {
  const value = data[fieldName];
  // Data built in code with a field left out is a programming error, not bad user input.
  if (value === undefined) throw new Error(`record data has no field "${fieldName}"`);
  return value;
}

/** A rule across fields (a digest's length depends on its type): the field at fault and why. */
export type DataCheck = (data: Rdata) => { field: string; message: string } | undefined;

/** The codec of a type whose data is its fields one after the other, with an optional cross-field rule. */
export function fieldsCodec(fields: readonly Field[], check?: DataCheck): TypeCodec {
  return {
    shape: fields.map((f) => f.name).join(' '),
    parse(cursor) {
      const data: Record<string, RdataValue> = {};
      // Where each field began, to point a cross-field problem at its token (only when there is a rule).
      const starts: Record<string, number> | undefined = check ? {} : undefined;
      let ok = true;
      for (const f of fields) {
        cursor.field = f.name;
        if (starts) starts[f.name] = cursor.index;
        const value = f.kind.parse(cursor);
        if (value === undefined) {
          ok = false;
          if (cursor.exhausted) break;
        } else data[f.name] = value;
      }
      if (!ok) return undefined;
      const problem = check?.(data);
      if (problem) {
        cursor.field = problem.field;
        // A field that took no token (an absent key) is blamed on the record's last token.
        const at = Math.min(starts![problem.field]!, cursor.tokens.length - 1);
        cursor.problem(cursor.tokens[at], problem.message);
        return undefined;
      }
      return data;
    },
    format(data, origin) {
      let out = '';
      for (const f of fields) {
        const text = f.kind.format(valueOf(data, f.name), origin);
        if (text.length > 0) out = out.length > 0 ? `${out} ${text}` : text;
      }
      return out;
    },
    toWire(data, out) {
      for (const f of fields) f.kind.toWire(valueOf(data, f.name), out);
    },
    fromWire(input) {
      const data: Record<string, RdataValue> = {};
      for (const f of fields) data[f.name] = f.kind.fromWire(input);
      const problem = check?.(data);
      if (problem) throw new WireError(`${problem.field} ${problem.message}`);
      return data;
    },
  };
}
