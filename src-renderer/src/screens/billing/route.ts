/** Addresses of the billing screens (one `#/billing` area, the detail says which). */
export const billingHref = {
  checkOut: (visitId: string) => `#/billing/checkout/${visitId}`,
  account: (patientId: string) => `#/billing/account/${patientId}`,
  /** The account with the cursor in Take a payment (the patient page's Take payment). */
  takePayment: (patientId: string) => `#/billing/account/${patientId}/pay`,
  drawer: () => '#/billing/drawer',
  journal: () => '#/billing/journal',
  ageing: () => '#/billing/ageing',
  setup: () => '#/billing/setup',
  claims: () => '#/billing/claims',
  claim: (claimId: string) => `#/billing/claims/${claimId}`,
};
