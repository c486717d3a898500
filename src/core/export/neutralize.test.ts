// CSV injection: cells a spreadsheet would evaluate come out as plain text; everything else untouched.
import { describe, expect, it } from 'vitest';
import { neutralizeCell } from './neutralize';

describe('neutralizeCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","bấm vào đây")', `'=HYPERLINK("http://evil.example","bấm vào đây")`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tx', "'\tx"],
    ['\r=1+1', "'\r=1+1"],
    ['-', "'-"],
    // Spreadsheets skip leading whitespace and control characters before a formula, and fold fullwidth signs.
    ['   =1+1', "'   =1+1"],
    ['\n=1+1', "'\n=1+1"],
    ['\u0000@x', "'\u0000@x"],
    ['\u3000=1', "'\u3000=1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
  ])('neutralises %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it.each([
    'plain text',
    'Thái độ công chức rất nhiệt tình, hướng dẫn dễ hiểu.',
    'Chờ đợi lâu quá = mất cả buổi sáng',
    '',
    '2026-03-02',
    '-5',
    '-2.5',
    'Thủ tục 1.001234 - cấp lại',
    ' chờ lâu',
  ])('leaves %j unchanged', (input) => {
    expect(neutralizeCell(input)).toBe(input);
  });
});
