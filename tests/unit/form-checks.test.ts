import { describe, expect, it } from 'vitest';
import { formCheckProblems, formChecksIn, formChecksUnder } from '../helpers/form-checks';

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Renderer files whose forms do not yet check their draft as it is typed (issue 14 item 10): the
 * patients, calendar, visits, waitlist, find, conflicts, scheduling set-up, reset-password and audit
 * screens are being given their checks on another branch (`useSetupSave` among them, which the set-up
 * sections share). It may only shrink: the second test fails when a file on it has its check.
 */
const STILL_TO_CHECK: readonly string[] = [
  'src-renderer/src/screens/audit/AuditFilters.tsx',
  'src-renderer/src/screens/calendar/AppointmentPanel.tsx',
  'src-renderer/src/screens/calendar/DetailsForm.tsx',
  'src-renderer/src/screens/calendar/MoveForm.tsx',
  'src-renderer/src/screens/calendar/SeriesActions.tsx',
  'src-renderer/src/screens/conflicts/ResolveForm.tsx',
  'src-renderer/src/screens/find/FindSlotScreen.tsx',
  'src-renderer/src/screens/patients/AddInsuranceForm.tsx',
  'src-renderer/src/screens/patients/AllergiesCard.tsx',
  'src-renderer/src/screens/patients/ConsentsCard.tsx',
  'src-renderer/src/screens/patients/ContactsCard.tsx',
  'src-renderer/src/screens/patients/DocumentsCard.tsx',
  'src-renderer/src/screens/patients/MergeScreen.tsx',
  'src-renderer/src/screens/patients/PatientForm.tsx',
  'src-renderer/src/screens/patients/PhotoCard.tsx',
  'src-renderer/src/screens/scheduling-setup/HolidaysSection.tsx',
  'src-renderer/src/screens/scheduling-setup/HoursSection.tsx',
  'src-renderer/src/screens/scheduling-setup/LocationsSection.tsx',
  'src-renderer/src/screens/scheduling-setup/ProvidersSection.tsx',
  'src-renderer/src/screens/scheduling-setup/TimeOffSection.tsx',
  'src-renderer/src/screens/scheduling-setup/TypesSection.tsx',
  'src-renderer/src/screens/scheduling-setup/useSetupSave.ts',
  'src-renderer/src/screens/users/ResetPasswordForm.tsx',
  'src-renderer/src/screens/visits/BoardSettings.tsx',
  'src-renderer/src/screens/visits/CheckInConsent.tsx',
  'src-renderer/src/screens/visits/QuickRegister.tsx',
  'src-renderer/src/screens/waitlist/AddWaitlistEntryForm.tsx',
];

const fileOf = (problem: string) => problem.slice(0, problem.indexOf(':'));

describe('every form checks its draft with its procedure’s schema as it is typed', () => {
  const found = formChecksUnder(ROOT, 'src-renderer/src');
  const problems = formCheckProblems(found);

  it('hands useFormErrors a check, and checks every rendered <form>, outside the files still to be checked', () => {
    expect(problems.filter((problem) => !STILL_TO_CHECK.includes(fileOf(problem)))).toEqual([]);
  });

  it('keeps the list of files still to be checked honest: each still has a form or a useFormErrors without a check', () => {
    const flagged = new Set(problems.map(fileOf));
    expect(STILL_TO_CHECK.filter((file) => !flagged.has(file))).toEqual([]);
  });

  it('reads the renderer (a form known to be checked is seen as checked)', () => {
    const receive = found.find((file) => file.file.endsWith('screens/stock/ReceiveForm.tsx'));
    expect(receive).toMatchObject({ checks: true, unchecked: [] });
    expect(receive?.formLine).not.toBeNull();
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
});
