// The XLSForm columns and types we read, with the spellings pyxform accepts for them, and which columns each row may fill.
import type { ColumnSpec } from './sheet';

/** Our kiosk settings as XLSForm columns (in `settings` or in a `kiosk` sheet of their own). */
export const KIOSK_FIELDS = {
  rating_item: 'ratingItem',
  follow_up_at_most: 'followUpAtMost',
  follow_up_items: 'followUpItems',
  thank_you_seconds: 'thankYouSeconds',
  idle_seconds: 'idleSeconds',
  warning_seconds: 'warningSeconds',
  min_interval_seconds: 'minIntervalSeconds',
} as const;
export type KioskField = keyof typeof KIOSK_FIELDS;

export const SURVEY: ColumnSpec = {
  supported: ['type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'appearance', 'element', 'weight', 'satisfied_at_least'],
  translatable: ['label', 'hint', 'constraint_message', 'required_message', 'guidance_hint', 'image', 'big-image', 'audio', 'video'],
  unsupported: [
    'calculation',
    'constraint_message',
    'required_message',
    'default',
    'read_only',
    'choice_filter',
    'repeat_count',
    'trigger',
    'parameters',
    'image',
    'big-image',
    'audio',
    'video',
    'guidance_hint',
    'autoplay',
    'rows',
    'save_to',
  ],
  aliases: {
    caption: 'label',
    relevance: 'relevant',
    calculate: 'calculation',
    readonly: 'read_only',
    count: 'repeat_count',
    'jr:count': 'repeat_count',
    constraining_message: 'constraint_message',
    'jr:constraintmsg': 'constraint_message',
    requiredmsg: 'required_message',
    'jr:requiredmsg': 'required_message',
    bigimage: 'big-image',
  },
  required: ['type', 'name'],
};
export const CHOICES: ColumnSpec = {
  supported: ['list_name', 'name', 'label'],
  translatable: ['label', 'image', 'big-image', 'audio', 'video'],
  unsupported: ['image', 'big-image', 'audio', 'video'],
  aliases: { caption: 'label', value: 'name' },
  required: ['list_name', 'name'],
};
export const SETTINGS: ColumnSpec = {
  supported: ['form_id', 'version', 'form_title', 'short_title', 'default_language', 'kind', ...Object.keys(KIOSK_FIELDS)],
  translatable: ['form_title', 'short_title'],
  unsupported: [
    'instance_name',
    'public_key',
    'submission_url',
    'style',
    'allow_choice_duplicates',
    'auto_send',
    'auto_delete',
    'namespaces',
    'clean_text_values',
    'name',
    'omit_instanceid',
    'sms_keyword',
  ],
  aliases: { set_form_title: 'form_title', set_form_id: 'form_id', id_string: 'form_id', title: 'form_title' },
};
export const ELEMENTS: ColumnSpec = { supported: ['id', 'label', 'weight'], translatable: ['label'], aliases: { name: 'id' }, required: ['id'] };
export const KIOSK: ColumnSpec = { supported: Object.keys(KIOSK_FIELDS) };

/** Sheets XLSForm defines that carry behaviour we do not have. */
export const UNSUPPORTED_SHEETS = ['external_choices', 'entities', 'osm'];

export type TypeOf =
  | { kind: 'begin_group' | 'end_group' | 'integer' | 'decimal' | 'text' | 'note' }
  | { kind: 'select_one' | 'select_multiple'; list: string }
  | { kind: 'list-missing' }
  | { kind: 'unsupported' };

/** A survey `type` cell, with pyxform's spellings ("begin group", "select one L", "select all that apply L"). */
export function typeOf(raw: string): TypeOf {
  const t = raw.trim().replace(/\s+/g, ' ');
  const lower = t.toLowerCase();
  if (/^begin[ _]group$/.test(lower)) return { kind: 'begin_group' };
  if (/^end[ _]group$/.test(lower)) return { kind: 'end_group' };
  if (lower === 'integer' || lower === 'int') return { kind: 'integer' };
  if (lower === 'decimal') return { kind: 'decimal' };
  if (lower === 'text' || lower === 'string') return { kind: 'text' };
  if (lower === 'note') return { kind: 'note' };
  const select = /^(select_one|select one|select1|select one from|select_multiple|select multiple|select all that apply|select all that apply from)(?: (\S+))?$/i.exec(t);
  if (select) {
    const kind = /one|select1/i.test(select[1]) ? 'select_one' : 'select_multiple';
    return select[2] ? { kind, list: select[2] } : { kind: 'list-missing' };
  }
  return { kind: 'unsupported' };
}

/** The columns each kind of row may fill; a value elsewhere is refused rather than dropped. */
export const ALLOWED: Record<string, readonly string[]> = {
  begin_group: ['type', 'name', 'label', 'hint', 'relevant', 'appearance'],
  end_group: ['type', 'name'],
  note: ['type', 'name', 'label', 'appearance'],
  select_one: ['type', 'name', 'label', 'hint', 'required', 'relevant', 'appearance', 'element', 'weight', 'satisfied_at_least'],
  select_multiple: ['type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'appearance'],
  integer: ['type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'appearance'],
  decimal: ['type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'appearance'],
  text: ['type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'appearance'],
};
