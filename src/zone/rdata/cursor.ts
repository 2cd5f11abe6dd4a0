/**
 * The reading position in a record's data tokens, and the problems found so far. Field kinds
 * take tokens from it; every problem is stamped with the record type and the field being read,
 * so a message says "SRV port 70000 is out of range 0..65535" and points at the token.
 */
import type { Name } from '../name.js';
import type { Token } from '../token.js';
import type { RdataProblem } from '../rdata.js';

export class Cursor {
  index = 0;
  readonly problems: RdataProblem[] = [];
  /** Set by the walker before each field: the name used in messages. */
  field = '';
  /** A required token was missing; the walker stops asking for more. */
  exhausted = false;

  constructor(
    readonly type: string,
    readonly tokens: readonly Token[],
    readonly origin: Name | null,
    /** What the whole data looks like, for "missing" messages: `priority weight port target`. */
    readonly shape: string,
  ) {}

  get atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  peek(): Token | undefined {
    return this.tokens[this.index];
  }

  /** The next token; when there is none, reports the field as missing. */
  take(): Token | undefined {
    const token = this.tokens[this.index];
    if (token === undefined) {
      this.missing();
      return undefined;
    }
    this.index++;
    return token;
  }

  /** All tokens left (the "rest of the line" fields); reports the field as missing when none are. */
  takeRest(allowNone = false): Token[] {
    const rest = this.tokens.slice(this.index);
    this.index = this.tokens.length;
    if (rest.length === 0 && !allowNone) this.missing();
    return rest;
  }

  missing(): void {
    if (this.exhausted) return;
    this.exhausted = true;
    const last = this.tokens[this.tokens.length - 1];
    this.problems.push({
      ...(last ? { token: last } : {}),
      message: `${this.type} ${this.field} is missing: ${this.type} data is "${this.shape}"`,
    });
  }

  /** A problem with `token`, worded "<TYPE> <field> <message>". */
  problem(token: Token | undefined, message: string): void {
    this.problems.push({ ...(token ? { token } : {}), message: `${this.type} ${this.field} ${message}` });
  }
}
