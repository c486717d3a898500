// The forms every tablet carries from install, so it works before it ever reaches the server; ids are a public contract.
import { describeIssues, FormDefinition, type FormInput } from '../schema';
import { deskRating } from './desk-rating';
import { sipas2017 } from './sipas-2017';
import { sipas2023 } from './sipas-2023';

export const builtinFormInputs: readonly FormInput[] = [sipas2017, sipas2023, deskRating];

function parseBuiltin(input: FormInput): FormDefinition {
  const r = FormDefinition.safeParse(input);
  // A broken built-in is a programming error: fail at load with the paths, never ship half a form.
  if (!r.success) throw new Error(`built-in form "${input.id}" is invalid:\n${describeIssues(r.error.issues).join('\n')}`);
  return r.data;
}

export const builtinForms: FormDefinition[] = builtinFormInputs.map(parseBuiltin);

/** The built-in form with this id: the given version, or the highest one when no version is asked for. */
export function getBuiltinForm(id: string, version?: number): FormDefinition | undefined {
  const matches = builtinForms.filter((f) => f.id === id && (version === undefined || f.version === version));
  return matches.reduce<FormDefinition | undefined>((best, f) => (!best || f.version > best.version ? f : best), undefined);
}
