// `npm run admin -- import-people --file F [--apply]`: the console's bulk import from a terminal, row by row on stdout.
import { readFile } from 'node:fs/promises';
import { Problem } from '../../core/protocol/problems';
import type { Db } from '../db/index';
import { readImportFile } from '../imports/people-file';
import { runPeopleImport } from '../imports/run-people-import';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Prints every row's outcome and errors and a summary; throws (so the CLI exits 1) when the file cannot be read or has errors. */
export async function importPeople(db: Db, file: string, apply: boolean, io: Io, now: Date): Promise<void> {
  const bytes = await readFile(file);
  let answer;
  try {
    const tables = await readImportFile(bytes, /\.xlsx$/i.test(file) ? 'xlsx' : 'csv');
    answer = await runPeopleImport(db, tables, { apply, actor: 'cli', now });
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    for (const f of e.errors ?? []) io.err(`${f.path}: ${f.message}`);
    throw new Error(`${file} cannot be imported: ${e.detail}`, { cause: e });
  }
  for (const r of answer.rows) {
    const errors = r.errors.map((e) => `${e.column}: ${e.message}`).join('; ');
    io.out(`${r.sheet} row ${r.row}\t${r.key || '-'}\t${r.outcome}${errors ? `\t${errors}` : ''}`);
  }
  const { create, update, unchanged, error } = answer.counts;
  const summary = `${create} create, ${update} update, ${unchanged} unchanged, ${error} with errors`;
  if (error) throw new Error(`${summary}: nothing was written; fix the rows above and run again`);
  io.err(answer.applied ? `applied: ${summary}` : `dry run: ${summary}; nothing was written (add --apply to write)`);
}
