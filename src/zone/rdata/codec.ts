/**
 * The shape every type's data handling has (read, print, encode, decode), and the generic codec
 * of types whose data is a plain sequence of named fields.
 */
import type { Name } from '../name.js';
import type { Rdata, RdataValue } from '../record.js';
import type { Cursor } from './cursor.js';
import type { Field } from './fields.js';
import type { ByteReader, ByteWriter } from './wire.js';

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

/** The codec of a type whose data is its fields one after the other. */
export function fieldsCodec(fields: readonly Field[]): TypeCodec {
  return {
    shape: fields.map((f) => f.name).join(' '),
    parse(cursor) {
      const data: Record<string, RdataValue> = {};
      let ok = true;
      for (const f of fields) {
        cursor.field = f.name;
        const value = f.kind.parse(cursor);
        if (value === undefined) {
          ok = false;
          if (cursor.exhausted) break;
        } else data[f.name] = value;
      }
      return ok ? data : undefined;
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
      return data;
    },
  };
}

