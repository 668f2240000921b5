/** Addresses of the billing screens (one `#/billing` area, the detail says which). */
export const billingHref = {
  checkOut: (visitId: string) => `#/billing/checkout/${visitId}`,
  account: (patientId: string) => `#/billing/account/${patientId}`,
  drawer: () => '#/billing/drawer',
  journal: () => '#/billing/journal',
  ageing: () => '#/billing/ageing',
  setup: () => '#/billing/setup',
  claims: () => '#/billing/claims',
  claim: (claimId: string) => `#/billing/claims/${claimId}`,
};
