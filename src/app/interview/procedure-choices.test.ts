// Which procedures the first step offers: recent and site-known ones once each, and matches for what is typed.
import { describe, expect, it } from 'vitest';
import { fold, matchProcedures, mergeProcedures } from './procedure-choices';

const birth = { code: '1.001', name: 'Đăng ký khai sinh' };
const build = { code: '2.002', name: 'Cấp giấy phép xây dựng' };
const copy = { code: '', name: 'Chứng thực bản sao' };

describe('procedure choices', () => {
  it('lists recent ones first, then the site’s, each once by code (or by name without one)', () => {
    expect(mergeProcedures([build, copy], [birth, { ...build, name: 'Cấp phép xây dựng' }, { code: '', name: 'chứng thực bản sao ' }])).toEqual([build, copy, birth]);
  });

  it('matches a code by its start, and a name by every word, with or without diacritics', () => {
    const all = [birth, build, copy];
    expect(matchProcedures(all, { code: '2.', name: '' })).toEqual([build]);
    expect(matchProcedures(all, { code: '', name: 'khai sinh' })).toEqual([birth]);
    expect(matchProcedures(all, { code: '', name: 'dang ky' })).toEqual([birth]);
    expect(matchProcedures(all, { code: '', name: 'CHỨNG thực' })).toEqual([copy]);
    expect(matchProcedures(all, { code: '1', name: 'xây dựng' })).toEqual([]);
    // Nothing typed: nothing to match (the lists show everything).
    expect(matchProcedures(all, { code: ' ', name: '' })).toEqual([]);
  });

  it('folds Vietnamese to plain letters', () => {
    expect(fold(' Đăng Ký Khai Sinh ')).toBe('dang ky khai sinh');
  });
});
