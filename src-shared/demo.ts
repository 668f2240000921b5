/**
 * The demo clinic's accounts (`clinic demo`, `npm run start:web -- --demo`): made-up staff whose
 * password the sign-in screen of a demo clinic shows. Only ever used for a clinic marked demo.
 */
export const DEMO_PASSWORD = 'try front desk';
export const DEMO_USERS = [
  { username: 'admin', displayName: 'Alex Admin', role: 'admin' },
  { username: 'reception', displayName: 'Rosa Reception', role: 'receptionist' },
  { username: 'nurse', displayName: 'Noah Nurse', role: 'nurse' },
  { username: 'manager', displayName: 'Mia Manager', role: 'manager' },
] as const;
