import type { Language } from '../../../src-shared/api/areas/settings';
import type { AdjustmentReason } from '../../../src-shared/billing/reason-codes';
import type { ClaimStatus } from '../../../src-shared/billing/claim-status';
import type { AllergyRemovalReason, PhoneKind, Sex } from '../../../src-shared/patients/model';
import type { AppointmentStatus } from '../../../src-shared/scheduling/status';
import type { VisitStatus } from '../../../src-shared/visits/status';
import { i18next } from './index';

// The words for main's codes, from the catalogue. `src-shared` keeps its own English label maps for the
// CLI, exports and PDFs; the screens word the codes here, so a second language covers them too.

export const appointmentStatusLabel = (status: AppointmentStatus) => i18next.t(`common:appointmentStatus.${status}`);
/** The status on its own, as a column heading or a table cell ("No-show"); the label above sits inside sentences. */
export const appointmentStatusTitle = (status: AppointmentStatus) =>
  i18next.t(`common:appointmentStatusTitle.${status}`);
export const allergyRemovalLabel = (reason: AllergyRemovalReason) => i18next.t(`common:allergyRemoval.${reason}`);
export const adjustmentReasonLabel = (reason: AdjustmentReason) => i18next.t(`common:adjustmentReason.${reason}`);
export const claimStatusLabel = (status: ClaimStatus) => i18next.t(`common:claimStatus.${status}`);
export const sexLabel = (sex: Sex) => i18next.t(`common:sex.${sex}`);
export const visitStatusLabel = (status: VisitStatus) => i18next.t(`common:visitStatus.${status}`);
export const visitMoveLabel = (status: VisitStatus) => i18next.t(`common:visitMove.${status}`);
/** Each language by its own name ("English", "Español"), the same in every catalogue. */
export const languageLabel = (language: Language) => i18next.t(`common:languageName.${language}`);
export const phoneKindLabel = (kind: PhoneKind) => i18next.t(`common:phoneKind.${kind}`);
