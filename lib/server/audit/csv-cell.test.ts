import { describe, expect, it } from 'vitest';
import { csvCell } from './csv-cell';

describe('csvCell', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['a,b\nc', '"a,b\nc"'],
    [null, '""'],
    [{ a: 1 }, '"{""a"":1}"'],
  ])('%j → %s', (input, expected) => expect(csvCell(input)).toBe(expected));
});
