// Reading an uploaded workbook: a zip that would unpack past the limit, or whose directory cannot be read, is refused before unzipping.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Problem } from '../../core/protocol/problems';
import { readImportFile } from './people-file';

/** A zip of one entry whose central directory declares `size` uncompressed bytes (the data itself is never looked at). */
function zipDeclaring(size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, central, name, end]);
}

async function refusal(bytes: Uint8Array): Promise<Problem> {
  try {
    await readImportFile(bytes, 'xlsx');
  } catch (e) {
    if (e instanceof Problem) return e;
    throw e;
  }
  throw new Error('the file was read');
}

describe('readImportFile (XLSX)', () => {
  it('refuses a workbook that declares more than 64 MB unpacked', async () => {
    const p = await refusal(zipDeclaring(100 * 1024 * 1024));
    expect(p.code).toBe('400.1');
    expect(p.detail).toContain('unpacks to more than 64 MB');
  });

  it('refuses a zip whose directory is cut off', async () => {
    const p = await refusal(zipDeclaring(10).subarray(0, 60));
    expect(p.detail).toContain('damaged');
  });

  it('reads a real workbook, keeping row numbers and reading numbers and formulas as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('people');
    ws.addRow(['role', 'username', 'display_name', 'site_codes', 'password', 'pin']);
    ws.addRow([]);
    ws.addRow(['enumerator', 'an', { formula: '"A"&"n"', result: 'An' }, 'Q1', null, 1234]);
    const tables = await readImportFile(new Uint8Array(await wb.xlsx.writeBuffer()), 'xlsx');
    expect(tables.people).toEqual([{ row: 3, cells: { role: 'enumerator', username: 'an', display_name: 'An', site_codes: 'Q1', password: '', pin: '1234' } }]);
  });
});
