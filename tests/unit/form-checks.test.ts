import { describe, expect, it } from 'vitest';
import { formCheckProblems, formChecksIn, formChecksUnder } from '../helpers/form-checks';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('every form checks its draft with its procedure’s schema as it is typed', () => {
  const found = formChecksUnder(ROOT, 'src-renderer/src');
  const problems = formCheckProblems(found);

  it('hands useFormErrors (and every hook that hands one on) a check, and checks every rendered <form>', () => {
    expect(problems).toEqual([]);
  });

  it('reads the renderer (a form known to be checked is seen as checked, and the set-up sections through their hook)', () => {
    const receive = found.find((file) => file.file.endsWith('screens/stock/ReceiveForm.tsx'));
    expect(receive).toMatchObject({ checks: true, unchecked: [] });
    expect(receive?.formLine).not.toBeNull();
    const setupSave = found.find((file) => file.file.endsWith('screens/scheduling-setup/useSetupSave.ts'));
    expect(setupSave?.checkingHooks).toEqual([{ name: 'useSetupSave', forwards: 3 }]);
  });

  it('catches a planted useFormErrors without a check, and a <form> nothing checks', () => {
    const planted = [
      "import { useFormErrors } from '../../hooks/useFormErrors';",
      'export function Planted() {',
      '  // useFormErrors(values, check) in a comment does not count, nor does the string below.',
      "  const text = 'useFormErrors(values, check)';",
      '  const { errors } = useFormErrors({ text });',
      '  const none = useFormErrors({ text }, undefined);',
      '  return <form aria-label={text}>{errors.form}{none.errors.form}</form>;',
      '}',
      'export function Bare() {',
      '  return <form />;',
      '}',
    ].join('\n');
    expect(formCheckProblems([formChecksIn('screens/x/Planted.tsx', planted)])).toEqual([
      'screens/x/Planted.tsx:5 useFormErrors is given no check',
      'screens/x/Planted.tsx:6 useFormErrors is given no check',
      'screens/x/Planted.tsx:7 renders a <form> that nothing checks as it is typed',
    ]);
  });

  it('takes a form checked through a hook of its own that hands useFormErrors a check, and no other hook', () => {
    const hook = [
      'export function useSectionSave(values: object) {',
      "  return useFormErrors(values, () => draftProblems('scheduling.saveType', null));",
      '}',
    ].join('\n');
    const viaHook = 'export const Section = () => { const save = useSectionSave({}); return <form>{save}</form>; };';
    const viaOther = 'export const Other = () => { const x = useOtherThing(); return <form>{x}</form>; };';
    expect(
      formCheckProblems([
        formChecksIn('screens/x/useSectionSave.ts', hook),
        formChecksIn('screens/x/Section.tsx', viaHook),
        formChecksIn('screens/x/Other.tsx', viaOther),
      ]),
    ).toEqual(['screens/x/Other.tsx:1 renders a <form> that nothing checks as it is typed']);
  });

  it('takes a hook that hands on its caller’s check only where the caller gives one', () => {
    const hook = [
      'export function useRowSave(editing: boolean, values: object, check?: () => Record<string, string>) {',
      '  return useFormErrors(values, check);',
      '}',
    ].join('\n');
    const given = "export const A = () => <form>{useRowSave(false, {}, () => draftProblems('x.y', null))}</form>;";
    const notGiven = 'export const B = () => <form>{useRowSave(false, {})}</form>;';
    expect(
      formCheckProblems([
        formChecksIn('screens/x/useRowSave.ts', hook),
        formChecksIn('screens/x/A.tsx', given),
        formChecksIn('screens/x/B.tsx', notGiven),
      ]),
    ).toEqual([
      'screens/x/B.tsx:1 useRowSave is given no check',
      'screens/x/B.tsx:1 renders a <form> that nothing checks as it is typed',
    ]);
  });

  it('takes a hook that hands a checking hook a check of its own, and not one that hands it none', () => {
    const save = [
      'export function useCheckedSave(values: object, check: () => Record<string, string>) {',
      '  return useFormErrors(values, check);',
      '}',
    ].join('\n');
    const editor = [
      'export function useRecordEditor(values: object) {',
      "  return useCheckedSave(values, () => draftProblems('fees.saveTax', null));",
      '}',
      'export function useBareEditor(values: object) {',
      '  return useCheckedSave(values);',
      '}',
    ].join('\n');
    const viaEditor = 'export const T = () => { const e = useRecordEditor({}); return <form>{e}</form>; };';
    const viaBare = 'export const U = () => { const e = useBareEditor({}); return <form>{e}</form>; };';
    expect(
      formCheckProblems([
        formChecksIn('screens/x/useCheckedSave.ts', save),
        formChecksIn('screens/x/useRecordEditor.ts', editor),
        formChecksIn('screens/x/T.tsx', viaEditor),
        formChecksIn('screens/x/U.tsx', viaBare),
      ]),
    ).toEqual([
      'screens/x/useRecordEditor.ts:5 useCheckedSave is given no check',
      'screens/x/U.tsx:1 renders a <form> that nothing checks as it is typed',
    ]);
  });
});
