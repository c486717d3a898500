// What each XLSForm problem says to a person, in Vietnamese and English: the server and the admin console show the
// same words, built from the problem's code and params, with the sheet, row and column a person can find.
import type { XlsFormCode, XlsFormProblem } from './types';

export type MessageLocale = 'vi' | 'en';

type P = Record<string, string | number>;
type Say = (p: P) => string;

const SUPPORTED_TYPES = 'select_one, select_multiple, integer, decimal, text, note, begin_group … end_group';
const RELEVANT_FORMS = "${q} = 'v', ${q} != 'v', selected(${q}, 'v'), ${q} >= n, ${q} <= n, and / or, not(…), ( )";
const CONSTRAINT_EXAMPLES: P = { integer: '. >= 1 and . <= 10', decimal: '. >= 0 and . <= 100', choices: 'count-selected(.) <= 3', length: 'string-length(.) <= 100' };
const NAME_RULE = {
  vi: 'bắt đầu bằng chữ cái, chỉ dùng chữ cái không dấu, chữ số và _ . - (tối đa 64 ký tự)',
  en: 'it must start with a letter and use only letters a–z, digits and _ . - (at most 64 characters)',
};
const LANGUAGE_NAMES: Record<MessageLocale, P> = { vi: { vi: 'tiếng Việt', en: 'tiếng Anh' }, en: { vi: 'Vietnamese', en: 'English' } };

const vi: Record<XlsFormCode, Say> = {
  'file-unreadable': () => 'Không đọc được tệp: tệp không phải là bảng tính Excel (.xlsx) hoặc đã bị hỏng.',
  'sheet-missing': (p) => `Thiếu trang tính “${p.sheet}”.`,
  'sheet-duplicate': (p) => `Có hai trang tính “${p.sheet}” và “${p.other}”: hãy giữ một trang.`,
  'sheet-unsupported': (p) => `Chưa hỗ trợ trang tính “${p.sheet}”: hãy xoá trang này.`,
  'sheet-ignored': (p) => `Trang tính “${p.sheet}” không thuộc XLSForm nên không được đọc.`,
  'sheet-empty': (p) => `Trang tính “${p.sheet}” không có câu hỏi nào.`,
  'column-missing': (p) => `Thiếu cột “${p.column}”.`,
  'column-duplicate': (p) => `Cột “${p.column}” trùng với cột “${p.other}”: hãy giữ một cột.`,
  'column-unknown': (p) => `Không biết cột “${p.column}”${p.suggestion ? ` (có phải là “${p.suggestion}”?)` : ''}: hãy sửa tên cột hoặc xoá cột.`,
  'column-unsupported': (p) => `Chưa hỗ trợ cột “${p.column}”: ô này phải để trống.`,
  'column-not-for-type': (p) => `Cột “${p.column}” không dùng cho loại “${p.type}”: ô này phải để trống.`,
  'language-unreadable': (p) => `Không biết “${p.language}” là ngôn ngữ nào: hãy ghi kèm mã ngôn ngữ, ví dụ “label::Tiếng Việt (vi)” hoặc “label::en”.`,
  'settings-rows': (p) => `Trang tính “${p.sheet}” chỉ được có một dòng giá trị.`,
  'setting-missing': (p) => `Thiếu “${p.setting}”.`,
  'form-id-invalid': (p) => `Mã biểu mẫu “${p.value}” không hợp lệ: ${NAME_RULE.vi}.`,
  'version-invalid': (p) => `Phiên bản “${p.value}” không hợp lệ: phải là một số nguyên từ 1 đến ${p.max}, ví dụ 1 hoặc 2026041501.`,
  'kind-invalid': (p) => `Loại biểu mẫu “${p.value}” không hợp lệ: chỉ dùng “interview” (phỏng vấn) hoặc “kiosk” (người dân tự đánh giá).`,
  'kiosk-setting-invalid': (p) =>
    `“${p.setting}” = “${p.value}” không hợp lệ: phải là ${p.setting === 'follow_up_at_most' ? 'số nguyên từ 1 trở lên' : p.setting === 'min_interval_seconds' ? 'số giây, từ 0 trở lên' : 'số giây lớn hơn 0'}.`,
  'kiosk-setting-twice': (p) => `“${p.setting}” được ghi ở cả trang settings và trang kiosk: chỉ ghi ở một nơi.`,
  'kiosk-setting-in-interview': (p) => `“${p.setting}” chỉ dùng cho biểu mẫu kiosk (kind = kiosk).`,
  'kiosk-rating-item-invalid': (p) => `rating_item “${p.name}” phải là tên của một câu select_one có cột satisfied_at_least (câu chấm điểm bằng mặt cười).`,
  'kiosk-follow-up-unknown': (p) => `follow_up_items có “${p.name}”, không phải tên câu hỏi nào.`,
  'type-missing': () => 'Dòng này thiếu loại câu hỏi (cột type).',
  'type-unsupported': (p) => `Chưa hỗ trợ loại “${p.type}”. Các loại được hỗ trợ: ${SUPPORTED_TYPES}.`,
  'list-missing': (p) => (p.type ? `“${p.type}” thiếu tên danh sách lựa chọn, ví dụ “select_one gioi_tinh”.` : 'Thiếu tên danh sách (cột list_name).'),
  'list-unknown': (p) => `Trang choices không có danh sách lựa chọn “${p.list}”.`,
  'list-too-short': (p) => `Danh sách “${p.list}” cần ít nhất hai lựa chọn.`,
  'name-missing': () => 'Thiếu tên (cột name).',
  'name-invalid': (p) => `Tên “${p.name}” không hợp lệ: ${NAME_RULE.vi}.`,
  'name-duplicate': (p) => `Tên “${p.name}” đã dùng ở dòng ${p.firstRow}.`,
  'label-missing': () => 'Thiếu nhãn (cột label).',
  'choice-name-missing': (p) => `Lựa chọn trong danh sách “${p.list}” thiếu tên (cột name).`,
  'choice-name-invalid': (p) => `Tên lựa chọn “${p.name}” không hợp lệ: không có dấu cách, tối đa 64 ký tự.`,
  'choice-duplicate': (p) => `Danh sách “${p.list}” đã có lựa chọn “${p.name}” ở dòng ${p.firstRow}.`,
  'choice-label-missing': (p) => `Lựa chọn “${p.name}” của danh sách “${p.list}” thiếu nhãn.`,
  'required-invalid': (p) => `Giá trị required “${p.value}” không hợp lệ: dùng yes hoặc no (cũng nhận true/false, 1/0). Chưa hỗ trợ điều kiện bắt buộc.`,
  'group-unclosed': (p) => `Nhóm “${p.name}” chưa có dòng end_group.`,
  'group-end-unmatched': () => 'Dòng end_group này không khớp với begin_group nào.',
  'group-empty': (p) => `Nhóm “${p.name}” không có câu hỏi nào.`,
  'group-label-missing': (p) => `Nhóm “${p.name}” thiếu nhãn: nhãn là tiêu đề của phần này trên máy tính bảng.`,
  'group-hint-nested': (p) => `Chỉ nhóm ngoài cùng (một phần) mới có lời giới thiệu: hãy xoá hint của nhóm lồng bên trong “${p.name}”.`,
  'note-position': () => 'Ghi chú (note) chỉ đặt được ở đầu biểu mẫu hoặc ngay sau begin_group của một phần, trước câu hỏi đầu tiên (làm lời giới thiệu).',
  'criterion-list': (p) => `Câu có cột element là tiêu chí chấm điểm: danh sách “${p.list}” phải có đúng các lựa chọn 1, 2, 3, 4, 5 (thêm na nếu cho phép “Không áp dụng”).`,
  'criterion-in-kiosk': () => 'Biểu mẫu kiosk không có tiêu chí chấm điểm (element).',
  'rating-list': (p) => `Câu chấm điểm (satisfied_at_least) cần danh sách “${p.list}” có đúng các lựa chọn 1, 2, 3 hoặc 1, 2, 3, 4, 5.`,
  'rating-threshold-invalid': (p) => `satisfied_at_least “${p.value}” phải là số nguyên từ 1 đến ${p.levels}.`,
  'criterion-and-rating': () => 'Một câu không thể vừa có element vừa có satisfied_at_least.',
  'weight-invalid': (p) => `Trọng số “${p.value}” phải là một số dương.`,
  'scale-conflict': (p) => `Danh sách “${p.list}” có nhãn các mức khác với danh sách “${p.other}”: các tiêu chí phải dùng cùng một thang đo.`,
  'element-unknown': (p) => `Yếu tố “${p.element}” không có trong trang ${p.sheet}.`,
  'element-unused': (p) => `Yếu tố “${p.element}” không có tiêu chí nào.`,
  'element-duplicate': (p) => `Yếu tố “${p.element}” đã có ở dòng ${p.firstRow}.`,
  'element-id-missing': () => 'Thiếu mã yếu tố (cột id).',
  'element-label-missing': (p) => `Tiêu chí của yếu tố “${p.element}” nằm ngoài nhóm: hãy đặt nó trong một nhóm có nhãn, hoặc thêm trang elements (id, label::vi, label::en).`,
  'element-label-ambiguous': (p) => `Yếu tố “${p.element}” có tiêu chí ở hai nhóm khác nhau (“${p.first}” và “${p.second}”): hãy thêm trang elements để đặt tên cho yếu tố.`,
  'expression-unreadable': (p) => `Không đọc được biểu thức “${p.expression}” từ ký tự thứ ${p.position} (“${p.near}”).`,
  'relevant-unsupported': (p) => `Chưa hỗ trợ “${p.part}” trong điều kiện “${p.expression}”. Được hỗ trợ: ${RELEVANT_FORMS}.`,
  'relevant-not-question': (p) => `Điều kiện nhắc đến “${p.name}”, không phải là một câu hỏi.`,
  'relevant-later-question': (p) => `Điều kiện nhắc đến câu “${p.name}” ở phía sau (hoặc chính câu này): chỉ được dựa vào các câu hỏi phía trước.`,
  'relevant-unknown-choice': (p) => `Câu “${p.name}” không có lựa chọn “${p.value}”.`,
  'relevant-multi-equals': (p) => `Câu “${p.name}” chọn được nhiều đáp án: hãy viết selected(\${${p.name}}, '…') thay cho “${p.part}”.`,
  'relevant-not-number': (p) => `Câu “${p.name}” là câu nhập số: “${p.value}” không phải là số.`,
  'relevant-compare-not-number': (p) => `“${p.part}”: chỉ so sánh lớn hơn / nhỏ hơn với câu nhập số hoặc câu chấm điểm, còn “${p.name}” thì không phải.`,
  'relevant-strict-comparison': (p) => `“${p.part}”: hãy dùng >= hoặc <= (chỉ dùng > và < khi câu trả lời và số so sánh đều là số nguyên).`,
  'relevant-selected-not-select': (p) => `selected() chỉ dùng cho câu có lựa chọn; câu “${p.name}” thì không.`,
  'relevant-too-deep': (p) => `Điều kiện lồng nhau quá ${p.depth} tầng.`,
  'constraint-unsupported': (p) => `Chưa hỗ trợ ràng buộc “${p.part}” (trong “${p.expression}”). Với câu này chỉ dùng được dạng: ${CONSTRAINT_EXAMPLES[p.measure] ?? CONSTRAINT_EXAMPLES.integer}.`,
  'constraint-bounds': (p) => `Giới hạn dưới ${p.min} lớn hơn giới hạn trên ${p.max}.`,
  'translation-missing': (p) => `Cột ${p.column} chưa có bản ${LANGUAGE_NAMES.vi[p.language] ?? p.language} ở ${p.count} dòng (${p.rows}): tạm dùng bản của ngôn ngữ mặc định.`,
  'definition-invalid': (p) => `Biểu mẫu không hợp lệ: ${p.detail}.`,
};

const en: Record<XlsFormCode, Say> = {
  'file-unreadable': () => 'The file could not be read: it is not an Excel workbook (.xlsx), or it is damaged.',
  'sheet-missing': (p) => `The “${p.sheet}” sheet is missing.`,
  'sheet-duplicate': (p) => `There are two sheets “${p.sheet}” and “${p.other}”: keep one of them.`,
  'sheet-unsupported': (p) => `The “${p.sheet}” sheet is not supported: remove it.`,
  'sheet-ignored': (p) => `The “${p.sheet}” sheet is not part of an XLSForm and was not read.`,
  'sheet-empty': (p) => `The “${p.sheet}” sheet has no questions.`,
  'column-missing': (p) => `The “${p.column}” column is missing.`,
  'column-duplicate': (p) => `Column “${p.column}” is the same as column “${p.other}”: keep one of them.`,
  'column-unknown': (p) => `Unknown column “${p.column}”${p.suggestion ? ` (did you mean “${p.suggestion}”?)` : ''}: rename or remove it.`,
  'column-unsupported': (p) => `The “${p.column}” column is not supported: leave this cell empty.`,
  'column-not-for-type': (p) => `The “${p.column}” column does not apply to type “${p.type}”: leave this cell empty.`,
  'language-unreadable': (p) => `Cannot tell which language “${p.language}” is: add its code, e.g. “label::Tiếng Việt (vi)” or “label::en”.`,
  'settings-rows': (p) => `The “${p.sheet}” sheet must have a single row of values.`,
  'setting-missing': (p) => `“${p.setting}” is missing.`,
  'form-id-invalid': (p) => `Form id “${p.value}” is not valid: ${NAME_RULE.en}.`,
  'version-invalid': (p) => `Version “${p.value}” is not valid: it must be a whole number from 1 to ${p.max}, e.g. 1 or 2026041501.`,
  'kind-invalid': (p) => `Form kind “${p.value}” is not valid: use “interview” or “kiosk” (people rate the service themselves).`,
  'kiosk-setting-invalid': (p) =>
    `“${p.setting}” = “${p.value}” is not valid: it must be ${p.setting === 'follow_up_at_most' ? 'a whole number of at least 1' : p.setting === 'min_interval_seconds' ? 'a number of seconds, 0 or more' : 'a number of seconds above 0'}.`,
  'kiosk-setting-twice': (p) => `“${p.setting}” is given in both the settings and the kiosk sheet: give it once.`,
  'kiosk-setting-in-interview': (p) => `“${p.setting}” is only for kiosk forms (kind = kiosk).`,
  'kiosk-rating-item-invalid': (p) => `rating_item “${p.name}” must name a select_one question with satisfied_at_least (the faces rating).`,
  'kiosk-follow-up-unknown': (p) => `follow_up_items names “${p.name}”, which is not a question.`,
  'type-missing': () => 'This row has no type.',
  'type-unsupported': (p) => `Type “${p.type}” is not supported. Supported types: ${SUPPORTED_TYPES}.`,
  'list-missing': (p) => (p.type ? `“${p.type}” names no choice list, e.g. “select_one gender”.` : 'The list name (list_name) is missing.'),
  'list-unknown': (p) => `The choices sheet has no list “${p.list}”.`,
  'list-too-short': (p) => `List “${p.list}” needs at least two choices.`,
  'name-missing': () => 'The name is missing.',
  'name-invalid': (p) => `Name “${p.name}” is not valid: ${NAME_RULE.en}.`,
  'name-duplicate': (p) => `The name “${p.name}” is already used on row ${p.firstRow}.`,
  'label-missing': () => 'The label is missing.',
  'choice-name-missing': (p) => `A choice of list “${p.list}” has no name.`,
  'choice-name-invalid': (p) => `Choice name “${p.name}” is not valid: no spaces, at most 64 characters.`,
  'choice-duplicate': (p) => `List “${p.list}” already has the choice “${p.name}” on row ${p.firstRow}.`,
  'choice-label-missing': (p) => `Choice “${p.name}” of list “${p.list}” has no label.`,
  'required-invalid': (p) => `required “${p.value}” is not valid: use yes or no (true/false and 1/0 work too). A condition for required is not supported.`,
  'group-unclosed': (p) => `Group “${p.name}” has no end_group row.`,
  'group-end-unmatched': () => 'This end_group row matches no begin_group.',
  'group-empty': (p) => `Group “${p.name}” has no questions.`,
  'group-label-missing': (p) => `Group “${p.name}” has no label: the label is the section's title on the tablet.`,
  'group-hint-nested': (p) => `Only an outermost group (a section) has an introduction: remove the hint of the inner group “${p.name}”.`,
  'note-position': () => 'A note can only open the form, or come right after the begin_group of a section, before its first question (as its introduction).',
  'criterion-list': (p) => `A question with an element is a scored criterion: list “${p.list}” must hold exactly the choices 1, 2, 3, 4, 5 (and na to allow “not applicable”).`,
  'criterion-in-kiosk': () => 'Kiosk forms have no scored criteria (element).',
  'rating-list': (p) => `A rating question (satisfied_at_least) needs list “${p.list}” to hold exactly the choices 1, 2, 3 or 1, 2, 3, 4, 5.`,
  'rating-threshold-invalid': (p) => `satisfied_at_least “${p.value}” must be a whole number from 1 to ${p.levels}.`,
  'criterion-and-rating': () => 'A question cannot have both an element and satisfied_at_least.',
  'weight-invalid': (p) => `Weight “${p.value}” must be a positive number.`,
  'scale-conflict': (p) => `List “${p.list}” labels its levels differently from list “${p.other}”: all criteria must use the same scale.`,
  'element-unknown': (p) => `Element “${p.element}” is not in the ${p.sheet} sheet.`,
  'element-unused': (p) => `Element “${p.element}” has no criteria.`,
  'element-duplicate': (p) => `Element “${p.element}” is already on row ${p.firstRow}.`,
  'element-id-missing': () => 'The element id (id) is missing.',
  'element-label-missing': (p) => `This criterion of element “${p.element}” is outside any group: put it in a group with a label, or add an elements sheet (id, label::vi, label::en).`,
  'element-label-ambiguous': (p) => `Element “${p.element}” has criteria in two groups (“${p.first}” and “${p.second}”): add an elements sheet to name the element.`,
  'expression-unreadable': (p) => `The expression “${p.expression}” cannot be read from character ${p.position} (“${p.near}”).`,
  'relevant-unsupported': (p) => `“${p.part}” in the condition “${p.expression}” is not supported. Supported: ${RELEVANT_FORMS}.`,
  'relevant-not-question': (p) => `The condition names “${p.name}”, which is not a question.`,
  'relevant-later-question': (p) => `The condition names “${p.name}”, a later question (or this one): a condition can only use questions before it.`,
  'relevant-unknown-choice': (p) => `Question “${p.name}” has no choice “${p.value}”.`,
  'relevant-multi-equals': (p) => `Question “${p.name}” takes several answers: write selected(\${${p.name}}, '…') instead of “${p.part}”.`,
  'relevant-not-number': (p) => `Question “${p.name}” takes a number: “${p.value}” is not one.`,
  'relevant-compare-not-number': (p) => `“${p.part}”: greater / less than works only with number and rating questions, and “${p.name}” is neither.`,
  'relevant-strict-comparison': (p) => `“${p.part}”: use >= or <= (> and < only work when the answer and the number are whole numbers).`,
  'relevant-selected-not-select': (p) => `selected() is only for questions with choices; “${p.name}” has none.`,
  'relevant-too-deep': (p) => `The condition is nested more than ${p.depth} levels deep.`,
  'constraint-unsupported': (p) => `The constraint “${p.part}” (in “${p.expression}”) is not supported. For this question use the form: ${CONSTRAINT_EXAMPLES[p.measure] ?? CONSTRAINT_EXAMPLES.integer}.`,
  'constraint-bounds': (p) => `The lower bound ${p.min} is above the upper bound ${p.max}.`,
  'translation-missing': (p) => `Column ${p.column} has no ${LANGUAGE_NAMES.en[p.language] ?? p.language} text on ${p.count} row(s) (${p.rows}): the default language's text is used.`,
  'definition-invalid': (p) => `The form is not valid: ${p.detail}.`,
};

const MESSAGES: Record<MessageLocale, Record<XlsFormCode, Say>> = { vi, en };

/** What went wrong, in the person's language. */
export function xlsformMessage(problem: Pick<XlsFormProblem, 'code' | 'params'>, locale: MessageLocale): string {
  return MESSAGES[locale][problem.code](problem.params);
}

/** Where it is: "Trang tính “survey”, dòng 17, cột “relevant” (ô H17)"; '' when the problem is about the whole file. */
function xlsformPlace(problem: Pick<XlsFormProblem, 'sheet' | 'row' | 'column' | 'cell'>, locale: MessageLocale): string {
  const w = locale === 'vi' ? { sheet: 'Trang tính', row: 'dòng', column: 'cột', cell: 'ô' } : { sheet: 'Sheet', row: 'row', column: 'column', cell: 'cell' };
  const parts: string[] = [];
  if (problem.sheet) parts.push(`${w.sheet} “${problem.sheet}”`);
  if (problem.row !== undefined) parts.push(`${w.row} ${problem.row}`);
  if (problem.column) parts.push(`${w.column} “${problem.column}”${problem.cell ? ` (${w.cell} ${problem.cell})` : ''}`);
  const s = parts.join(', ');
  return locale === 'en' || !s ? s : s[0].toUpperCase() + s.slice(1);
}

/** Place and message on one line, as a list of errors shows them. */
export function describeXlsFormProblem(problem: XlsFormProblem, locale: MessageLocale): string {
  const place = xlsformPlace(problem, locale);
  const message = xlsformMessage(problem, locale);
  return place ? `${place}: ${message}` : message;
}
