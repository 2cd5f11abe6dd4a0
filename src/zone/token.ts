/**
 * A token of the master-file grammar, as the lexer stamps it. `text` is the raw text between the
 * delimiters: quotes removed, but escapes (`\.`, `\065`) kept, because what an escape means depends
 * on the field (a name label, a character-string) and is decided by the field's parser.
 */
export interface Token {
  text: string;
  quoted: boolean;
  line: number;
  /** 1-based column of the first character (the opening quote for a quoted token). */
  column: number;
}
