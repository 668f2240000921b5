/** Documents kept with a patient's record (scanned cards, letters, signed forms). */
export const DOCUMENT_KINDS = ['id_card', 'insurance_card', 'referral', 'consent', 'photo', 'other'] as const;
export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
/** A scanned letter or card fits easily; a whole chart export does not belong here. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface DocumentSummary {
  id: string;
  patientId: string;
  kind: DocumentKind;
  title: string;
  fileName: string;
  mimeType: DocumentType;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: number;
  /** Synced from another desk whose bytes are not all here yet (they travel in chunks): not openable yet. */
  arriving: boolean;
}

export interface DocumentContent extends DocumentSummary {
  contentBase64: string;
}
