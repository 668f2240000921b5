import { z } from 'zod';
import { procedure } from '../procedure';
import { localDate } from '../../scheduling/fields';
import { boundedString, id } from '../../validation';

/**
 * Calendar feeds (iCalendar, issue 21): a provider's appointments as an .ics file or a subscription
 * address served by this computer, and another calendar's busy times imported as time off. Managed with
 * the scheduling set-up (`settings:manage`).
 */

export interface FeedStatus {
  /** Feeds and exports name the patient; off: "Booked" and the appointment type only. */
  patientNames: boolean;
  /** Providers with a live subscription, since when. */
  subscriptions: { providerId: string; since: number }[];
}

export interface CalendarExport {
  fileName: string;
  content: string;
  events: number;
}

export interface FeedIssued {
  /** The path on this computer's host, with the token; shown once. */
  path: string;
  /**
   * The whole address a calendar app subscribes to (`http://127.0.0.1:<port>/calendar/…`), or null when no
   * host on this computer serves calendar subscriptions now.
   */
  url: string | null;
  replaced: boolean;
}

export interface BusyBlockView {
  date: string;
  endDate: string;
  start?: string;
  end?: string;
  summary: string;
  reason: string;
  /** The provider already has this time off: importing leaves it. */
  already: boolean;
}

export interface BusyImportResult {
  providerId: string;
  fromDate: string;
  toDate: string;
  blocks: BusyBlockView[];
  toAdd: number;
  alreadyThere: number;
  /** TZIDs no one defines, read as the clinic's wall clock. */
  guessedZones: string[];
  /** Recurring events cut short at the occurrence limit. */
  truncated: number;
  /** 0 for the preview. */
  added: number;
}

const provider = z.object({ providerId: id('a provider') });

/** A file of busy times; 4 MB of text is years of a busy calendar. */
const busyImportInput = z.object({
  providerId: id('a provider'),
  content: boundedString(4_000_000, 'must be at most 4 MB').min(1, 'choose an .ics file'),
  /** The first clinic date read; today when left out. */
  fromDate: localDate.optional(),
  months: z
    .number({ error: 'must be a number of months' })
    .int('must be a whole number of months')
    .min(1, 'must be at least 1 month')
    .max(24, 'must be at most 24 months')
    .default(12),
});
export type BusyImportInput = z.output<typeof busyImportInput>;

export const calendarFeedsProcedures = {
  'ical.status': procedure<FeedStatus>()({ input: z.object({}), access: 'settings:manage', kind: 'read' }),
  'ical.setPatientNames': procedure<FeedStatus>()({
    input: z.object({ allow: z.boolean({ error: 'must be true or false' }) }),
    access: 'settings:manage',
    kind: 'write',
  }),
  /** The provider's .ics (the last month and the next year); audited like a read of patient data. */
  'ical.export': procedure<CalendarExport>()({
    input: provider,
    access: 'settings:manage',
    kind: 'read',
    phi: true,
  }),
  /** A new subscription address; the provider's previous one stops working. */
  'ical.issue': procedure<FeedIssued>()({ input: provider, access: 'settings:manage', kind: 'write' }),
  'ical.revoke': procedure<{ revoked: boolean }>()({
    input: provider,
    access: 'settings:manage',
    kind: 'write',
  }),
  /** What importing the file would add (a dry run). */
  'ical.previewImport': procedure<BusyImportResult>()({
    input: busyImportInput,
    access: 'settings:manage',
    kind: 'read',
  }),
  'ical.import': procedure<BusyImportResult>()({
    input: busyImportInput,
    access: 'settings:manage',
    kind: 'write',
  }),
};
