/** What a FHIR import (issue 21) answers: the dry run and the import give the same report. */

/** The largest file the desk reads in one call: under the hosts' request limit with room for the envelope. */
export const MAX_FHIR_FILE_CHARS = 7 * 1024 * 1024;

/** The reason given for an Observation that is not a vital sign: counted on screen, not listed one by one. */
export const NOT_A_VITAL_REASON = 'not a vital sign the desk keeps';

export type FhirImportOutcome = 'created' | 'updated' | 'skipped';

/** One resource of the file and what became of it. */
export interface FhirImportLine {
  /** 1-based: the Bundle entry, or the NDJSON line. */
  position: number;
  resourceType: string;
  /** The resource's own id in the file, when it has one. */
  sourceId: string | null;
  /** A short description a person recognises: a name, a date, a substance. */
  label: string;
  outcome: FhirImportOutcome;
  /** Why it was skipped, or what to know about it (a likely duplicate sent to review). */
  reason: string | null;
}

export interface FhirImportCounts {
  created: number;
  updated: number;
  skipped: number;
}

export interface FhirImportReport {
  dryRun: boolean;
  /** Resources read from the file. */
  total: number;
  /** Per resource type Front Desk keeps (Patient, Practitioner ...). */
  counts: Record<string, FhirImportCounts>;
  /** Resource types the desk does not keep, with how many of each: listed, not an error. */
  notImported: { resourceType: string; count: number }[];
  /** Patients created although they look like someone already registered: see the duplicate review. */
  sentToDuplicateReview: number;
  lines: FhirImportLine[];
}

/** Sent to the calling window while an import runs (not after: the transaction is still open). */
export interface FhirImportProgress {
  done: number;
  total: number;
}
