// Reading an uploaded XLSForm: .xlsx bytes → sheets (exceljs) → validated definition (core), for a 300-row survey; `npm run bench`.
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { satisfactionScale } from '../src/core/forms/builtin/satisfaction-scale';
import { FormDefinition, type FormInput } from '../src/core/forms/schema';
import { readXlsForm, writeXlsForm } from '../src/core/forms/xlsform';
import { workbookFromXlsx, xlsxFromWorkbook } from '../src/server/forms/xlsform-file';

const BUDGET_MS = 300;
const RUNS = 20;
const GROUPS = 10;
/** Per group: begin + 28 questions + end = 30 rows, so 10 groups are 300 survey rows. */
const PER_GROUP = 28;

type ItemInput = FormInput['sections'][number]['items'][number];

/** A province-sized questionnaire: criteria, choices, numbers with bounds, texts, and a condition on every fourth question. */
function bigForm(): FormDefinition {
  const L = (vi: string, en: string) => ({ vi, en });
  const options = ['Có', 'Không', 'Không biết'].map((vi, i) => ({ value: `o${i + 1}`, label: L(vi, ['Yes', 'No', 'Not sure'][i]) }));
  const sections = Array.from({ length: GROUPS }, (_, g) => {
    const items: ItemInput[] = [];
    for (let i = 0; i < PER_GROUP; i++) {
      const id = `g${g + 1}_q${i + 1}`;
      const label = L(`Câu hỏi số ${i + 1} của phần ${g + 1}: Ông/Bà đánh giá thế nào về thủ tục hành chính?`, `Question ${i + 1} of part ${g + 1}: how do you rate the procedure?`);
      const prev = items[items.length - 1];
      const showIf = i % 4 === 3 && prev?.type === 'single' ? { item: prev.id, op: 'in' as const, values: ['o1'] } : undefined;
      const base = { id, label, required: i % 2 === 0, ...(showIf ? { showIf } : {}), ...(i % 5 === 0 ? { help: L('Chọn một mức.', 'Choose one level.') } : {}) };
      const kind = i % 7;
      if (kind < 3) items.push({ ...base, type: 'likert5', element: `E${g + 1}` });
      else if (kind === 3) items.push({ ...base, type: 'single', options });
      else if (kind === 4) items.push({ ...base, type: 'multi', options, max: 2 });
      else if (kind === 5) items.push({ ...base, type: 'number', min: 0, max: 100 });
      else items.push({ ...base, type: 'text', maxLength: 300 });
    }
    return { id: `part${g + 1}`, title: L(`Phần ${g + 1}`, `Part ${g + 1}`), items };
  });
  return FormDefinition.parse({
    id: 'bench-300',
    version: 2026041501,
    kind: 'interview',
    title: L('Phiếu khảo sát 300 dòng', '300-row questionnaire'),
    scale: satisfactionScale,
    sections,
    scoring: { elements: sections.map((_, g) => ({ id: `E${g + 1}`, label: L(`Yếu tố ${g + 1}`, `Element ${g + 1}`) })) },
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export async function run(): Promise<void> {
  const form = bigForm();
  const written = writeXlsForm(form);
  if (!written.ok) throw new Error(`could not write the bench form: ${JSON.stringify(written.errors)}`);
  const bytes = await xlsxFromWorkbook(written.workbook);
  const rows = written.workbook.survey.length - 1;

  const once = async () => {
    const t0 = performance.now();
    const sheets = await workbookFromXlsx(bytes);
    const t1 = performance.now();
    if (!sheets.ok) throw new Error('the bench workbook did not read');
    const r = readXlsForm(sheets.workbook);
    const t2 = performance.now();
    if (!r.ok) throw new Error(`the bench form did not read: ${JSON.stringify(r.errors.slice(0, 3))}`);
    return { xlsx: t1 - t0, core: t2 - t1, total: t2 - t0 };
  };
  const first = await once();
  const runs: Awaited<ReturnType<typeof once>>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());

  const cpu = cpus();
  console.log(`XLSForm upload read — ${new Date().toISOString()} — ${cpu[0]?.model ?? 'cpu'} × ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`Workbook: ${rows} survey rows (${GROUPS} groups, ${GROUPS * PER_GROUP} questions), ${written.workbook.choices.length - 1} choice rows, ${(bytes.byteLength / 1024).toFixed(1)} KiB .xlsx\n`);
  const fmt = (n: number) => n.toFixed(1);
  const line = (name: string, r: { xlsx: number; core: number; total: number }, ok?: boolean) =>
    `| ${name.padEnd(22)} | ${fmt(r.xlsx).padStart(12)} | ${fmt(r.core).padStart(14)} | ${fmt(r.total).padStart(8)} | ${ok === undefined ? '        ' : `≤ ${BUDGET_MS} ms`} | ${ok === undefined ? '    ' : ok ? 'pass' : 'FAIL'} |`;
  console.log('| run                    | exceljs (ms) | core read (ms) | total ms | budget   |      |');
  console.log('|------------------------|--------------|----------------|----------|----------|------|');
  console.log(line('first in the process', first));
  const med = { xlsx: median(runs.map((r) => r.xlsx)), core: median(runs.map((r) => r.core)), total: median(runs.map((r) => r.total)) };
  console.log(line(`median of ${RUNS}`, med, med.total <= BUDGET_MS));
  const worst = runs.reduce((a, b) => (b.total > a.total ? b : a));
  console.log(line(`slowest of ${RUNS}`, worst));
  console.log(`\nThe budget is for a warm server (median); the first read in a process also loads exceljs's modules. Load average: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (shared machine).\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
