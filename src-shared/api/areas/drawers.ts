import { z } from 'zod';
import { procedure } from '../procedure';
import { amountMinor, denominationCount, localDate } from '../../billing/fields';
import type { DaySummary, DrawerState, PdfDocument, ZReport } from '../../billing/model';
import { id, optionalText } from '../../validation';

const drawerId = id('a drawer');

/** drawers.*: this desk's cash drawer — open with a float, takings so far, count and close, Z-report, the day across desks. */
export const drawersProcedures = {
  'drawers.current': procedure<DrawerState>()({ input: z.object({}), access: 'billing:read', kind: 'read' }),
  'drawers.open': procedure<DrawerState>()({
    input: z.object({ floatMinor: amountMinor }),
    access: 'billing:close',
    kind: 'write',
  }),
  /**
   * Counts and closes the drawer: notes and coins by denomination (or `countedMinor` for a currency
   * without a table); a difference from what is expected needs `overShortReason`.
   */
  'drawers.close': procedure<ZReport>()({
    input: z
      .object({
        drawerId,
        counts: z.array(denominationCount).max(40).optional(),
        countedMinor: amountMinor.optional(),
        overShortReason: optionalText(300),
      })
      .refine((input) => input.counts !== undefined || input.countedMinor !== undefined, {
        path: ['counts'],
        message: 'count the cash in the drawer',
      }),
    access: 'billing:close',
    kind: 'write',
  }),
  'drawers.zReport': procedure<ZReport>()({
    input: z.object({ drawerId }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
  'drawers.zReportPdf': procedure<PdfDocument>()({
    input: z.object({ drawerId }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
  /** Every desk's drawers of a date, by method. */
  'drawers.daySummary': procedure<DaySummary>()({
    input: z.object({ date: localDate }),
    access: 'billing:read',
    kind: 'read',
  }),
};
