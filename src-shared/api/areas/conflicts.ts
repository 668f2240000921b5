import { z } from 'zod';
import { procedure } from '../procedure';
import type { Permission } from '../permissions';
import { id, requiredText } from '../../validation';

/** What no merge rule can judge, found after a sync (docs/architecture.md, "Conflicts inbox"). */
export type ConflictKind = 'double_booking' | 'duplicate_patient' | 'negative_stock' | 'closed_drawer_payment';

/** Who may resolve each kind: those who can fix what it is about. */
export const CONFLICT_RESOLVERS: Record<ConflictKind, Permission> = {
  double_booking: 'appointments:write',
  duplicate_patient: 'patients:merge',
  negative_stock: 'stock:adjust',
  closed_drawer_payment: 'billing:close',
};

export interface ConflictSubject {
  name: string | null;
  at: number | null;
  detail: string | null;
  /** A lot's item, whose page lists the lot; null for every other kind of record. */
  itemId: string | null;
}

export interface ConflictView {
  id: string;
  kind: ConflictKind;
  /** A double booking's shared provider, room and/or patient; empty for other kinds. */
  reasons: ('provider' | 'room' | 'patient')[];
  /**
   * The two things in conflict: two appointments, two patients, a lot and a place, a payment and a drawer,
   * with what a person reads about each: `name` (the patient's name for an appointment, a patient or a
   * payment; the lot number; the place; the desk of a drawer), `at` (an appointment's start, a payment's
   * time) and `detail` (an appointment's provider, a patient's MRN, a lot's item, a drawer's business day).
   * All null when the record is not on this desk.
   */
  first: { type: 'appointment' | 'patient' | 'stock_lot' | 'payment'; id: string } & ConflictSubject;
  second: { type: 'appointment' | 'patient' | 'stock_location' | 'drawer'; id: string } & ConflictSubject;
  /** The patients it concerns (the banner of a patient's record shows it). */
  patientIds: string[];
  /** The lot's merged balance when found (negative_stock), else null. */
  amount: number | null;
  detectedAt: number;
  /** null while open. `bySystem`: closed by a detection pass because its cause was gone (no user). */
  resolved: { at: number; byName: string | null; bySystem: boolean; note: string } | null;
  /** Whether the signed-in user may resolve it (CONFLICT_RESOLVERS). */
  canResolve: boolean;
}

/** The note a resolution keeps (sync_conflict_resolutions.note: 1 to 500 characters). */
export const resolutionNote = requiredText(500);

export const conflictsProcedures = {
  /**
   * Open conflicts, newest first (with `includeResolved`, resolved ones too): all of them for the
   * Conflicts screen, or those about one patient or one appointment for that record's banner.
   */
  'conflicts.list': procedure<ConflictView[]>()({
    input: z.object({
      patientId: id('a patient').optional(),
      appointmentId: id('an appointment').optional(),
      includeResolved: z.boolean().optional(),
    }),
    access: 'session',
    kind: 'read',
  }),
  /**
   * Marks a conflict resolved with a note (what was done: one appointment moved, the patients merged,
   * stock adjusted). Only a user who may fix that kind may resolve it; the resolution syncs, so the
   * conflict clears on every desk. Resolving one already resolved is refused.
   */
  'conflicts.resolve': procedure<ConflictView>()({
    input: z.object({ conflictId: id('a conflict'), note: resolutionNote }),
    access: 'session',
    kind: 'write',
  }),
};
