/**
 * One CSV record (RFC 4180) read from one or more physical lines, strictly:
 * a quote may only open a field and close it (`""` inside is a quote), so a
 * stray quote is an error of its own record instead of a quoted field that
 * silently runs on through the rest of the file. Incremental, so a record
 * spanning many lines costs time linear in its length.
 */

/** Why a record cannot be read: the field (0-based) and what is wrong there. */
export interface CsvRecordError {
  field: number;
  problem: 'quote-in-unquoted-field' | 'text-after-closing-quote';
  value: string;
}

/** Reads the fields of one record, a physical line at a time. */
export class CsvRecordParser {
  readonly fields: string[] = [];
  private value = '';
  private inQuotes = false;

  /** The text of the quoted field still open at the end of the lines fed so far. */
  get openValue(): string {
    return this.inQuotes ? this.value : '';
  }

  /**
   * Feeds the next physical line (without its line ending). Returns `done`
   * when the record ends with this line, `open` when a quoted field goes on
   * to the next line, or the error that makes the record unreadable.
   */
  feed(text: string): 'done' | 'open' | CsvRecordError {
    let i = 0;
    if (this.inQuotes) this.value += '\n';
    for (;;) {
      if (this.inQuotes || text.charCodeAt(i) === 0x22) {
        if (!this.inQuotes) {
          this.inQuotes = true;
          this.value = '';
          i += 1;
        }
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote === -1) {
            this.value += text.slice(i);
            return 'open';
          }
          this.value += text.slice(i, quote);
          if (text.charCodeAt(quote + 1) === 0x22) {
            this.value += '"';
            i = quote + 2;
          } else {
            i = quote + 1;
            break;
          }
        }
        this.inQuotes = false;
        this.fields.push(this.value);
        if (i === text.length) return 'done';
        if (text.charCodeAt(i) !== 0x2c) return { field: this.fields.length - 1, problem: 'text-after-closing-quote', value: text.slice(i, i + 20) };
        i += 1;
        continue;
      }
      const comma = text.indexOf(',', i);
      const value = text.slice(i, comma === -1 ? text.length : comma);
      if (value.includes('"')) return { field: this.fields.length, problem: 'quote-in-unquoted-field', value };
      this.fields.push(value);
      if (comma === -1) return 'done';
      i = comma + 1;
    }
  }
}

/** The error in words, naming the column. */
export function describeCsvError(error: CsvRecordError, column: string | undefined): string {
  const where = `field ${error.field + 1}${column ? ` (${column})` : ''}`;
  return error.problem === 'quote-in-unquoted-field'
    ? `${where} has a quote but does not start with one (${JSON.stringify(error.value)}): quote the whole field and double the quotes inside, e.g. "O""Brien"`
    : `${where} goes on after its closing quote (${JSON.stringify(error.value)}): a quote inside a quoted field is written twice ("")`;
}

/**
 * A whole CSV text read into rows with the same strict parser, for files
 * small enough to hold (versions.csv, a query's result): the rows, or the
 * first record that cannot be read, by its 1-based line. Lines end in CR LF
 * or LF; a last line ending is optional.
 */
export function parseCsvText(text: string): { rows: string[][] } | { line: number; error: CsvRecordError | 'unclosed-quote' } {
  const body = text.replace(/\r?\n$/, '');
  const rows: string[][] = [];
  if (body === '') return { rows };
  let parser = new CsvRecordParser();
  let start = 1;
  let open = false;
  for (const [index, line] of body.split(/\r?\n/).entries()) {
    const state = parser.feed(line);
    open = state === 'open';
    if (state === 'open') continue;
    if (state !== 'done') return { line: start, error: state };
    rows.push(parser.fields);
    parser = new CsvRecordParser();
    start = index + 2;
  }
  return open ? { line: start, error: 'unclosed-quote' } : { rows };
}

/** The error of {@link parseCsvText} in words (see {@link describeCsvError}). */
export function describeCsvTextError(error: CsvRecordError | 'unclosed-quote', column?: string): string {
  return error === 'unclosed-quote' ? 'a quoted field is never closed: a quote inside a quoted field is written twice ("")' : describeCsvError(error, column);
}
