import type { Kysely } from 'kysely';
import { fieldError } from '../../../src-shared/api/errors';
import type { BusyImportInput, BusyImportResult } from '../../../src-shared/api/areas/ical';
import { addDays, localDayBounds } from '../../../src-shared/scheduling/time';
import type { Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { liveExceptions } from '../scheduling/availability-repository';
import { clinicClock, requireProvider } from '../scheduling/config';
import { createException } from '../scheduling/time-off';
import { busyTimes, CalendarFileError, parseCalendar, type BusyBlock } from './busy-times';

/**
 * A provider's busy times from another calendar's .ics file, as time off (issue 21). The preview and the
 * import read the file the same way; the import adds only what the preview calls new. A block is "already
 * there" when the provider has live time off with the same dates and times, so importing the same file
 * (or a later export of the same calendar) again adds nothing twice.
 */

const REASON_MAX = 200;

function sameSlot(block: BusyBlock) {
  return `${block.date}|${block.endDate}|${block.start ?? ''}|${block.end ?? ''}`;
}

export async function readBusyImport(
  db: ReadDb,
  input: BusyImportInput,
  today: string,
): Promise<{ result: BusyImportResult; newBlocks: BusyBlock[] }> {
  await requireProvider(db, input.providerId);
  const { timeZone } = await clinicClock(db);
  const fromDate = input.fromDate ?? today;
  const toDate = addDays(fromDate, Math.round(input.months * 30.44));
  let calendar;
  try {
    calendar = parseCalendar(input.content);
  } catch (error) {
    if (error instanceof CalendarFileError) throw fieldError('content', error.message);
    throw error;
  }
  const window = { from: localDayBounds(timeZone, fromDate).start, to: localDayBounds(timeZone, toDate).start };
  const reading = busyTimes(calendar, window, timeZone);
  const existing = new Set(
    (await liveExceptions(db, { providerId: input.providerId, from: fromDate }))
      .filter((row) => row.kind === 'time_off')
      .map((row) =>
        sameSlot({
          date: row.date,
          endDate: row.end_date,
          ...(row.start_time && { start: row.start_time }),
          ...(row.end_time && { end: row.end_time }),
          summary: '',
          uid: '',
        }),
      ),
  );
  const seen = new Set<string>();
  const blocks = reading.blocks.map((block) => {
    const slot = sameSlot(block);
    const already = existing.has(slot) || seen.has(slot);
    seen.add(slot);
    return { ...block, reason: reasonOf(block), already };
  });
  const result: BusyImportResult = {
    providerId: input.providerId,
    fromDate,
    toDate,
    blocks: blocks.map(({ uid: _uid, ...block }) => block),
    toAdd: blocks.filter((block) => !block.already).length,
    alreadyThere: blocks.filter((block) => block.already).length,
    guessedZones: reading.guessedZones,
    truncated: reading.truncated,
    added: 0,
  };
  return { result, newBlocks: blocks.filter((block) => !block.already) };
}

export async function importBusyTimes(
  db: Kysely<Database>,
  input: BusyImportInput,
  today: string,
  now: number,
): Promise<BusyImportResult & { exceptionIds: string[] }> {
  const { result: preview, newBlocks } = await readBusyImport(db, input, today);
  const exceptionIds: string[] = [];
  for (const block of newBlocks) {
    const created = await createException(
      db,
      {
        providerId: input.providerId,
        kind: 'time_off',
        locationId: null,
        date: block.date,
        endDate: block.endDate,
        start: block.start,
        end: block.end,
        reason: reasonOf(block),
      },
      now,
    );
    exceptionIds.push(created.id);
  }
  return { ...preview, added: exceptionIds.length, exceptionIds };
}

function reasonOf(block: BusyBlock): string {
  const reason = block.summary ? `Busy: ${block.summary}` : 'Busy (imported calendar)';
  return reason.length > REASON_MAX ? `${reason.slice(0, REASON_MAX - 1)}…` : reason;
}
