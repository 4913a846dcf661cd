import { describe, expect, test } from 'vitest';
import { parseCsvText } from '#lib/consent/csv-record.ts';

describe('parseCsvText', () => {
  test('reads rows with CR LF or LF ends, a quoted field across lines and doubled quotes', () => {
    const text = 'a,b\r\n"x, y","O""Brien"\r\n"two\r\nlines",z\r\n';
    expect(parseCsvText(text)).toEqual({
      rows: [
        ['a', 'b'],
        ['x, y', 'O"Brien'],
        ['two\nlines', 'z'],
      ],
    });
    expect(parseCsvText(text.replaceAll('\r\n', '\n'))).toEqual(parseCsvText(text));
    expect(parseCsvText('a,b')).toEqual({ rows: [['a', 'b']] });
    expect(parseCsvText('')).toEqual({ rows: [] });
  });

  test('names the line of the first record it cannot read, a quoted field never closed included', () => {
    expect(parseCsvText('a,b\n"two\nlines",z\nO"Brien,x\n')).toMatchObject({ line: 4, error: { problem: 'quote-in-unquoted-field', field: 0 } });
    expect(parseCsvText('a,b\n"x"y,z\n')).toMatchObject({ line: 2, error: { problem: 'text-after-closing-quote' } });
    expect(parseCsvText('a,b\n"never\nclosed\n')).toEqual({ line: 2, error: 'unclosed-quote' });
  });
});
