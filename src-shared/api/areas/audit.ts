import { z } from 'zod';
import { procedure } from '../procedure';
import { boundedString } from '../../validation';
import type { DeviceChainVerification } from '../../audit/device-chain';

export interface AuditEntry {
  seq: number;
  id: string;
  at: number;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  details: Record<string, unknown> | null;
}

/** The chain's last entry checked: its sequence number and hash (null for an empty log). */
export interface AuditHeadInfo {
  seq: number;
  hash: string;
}

/** This desk's own chain, checked with its key (HMAC) entry by entry. */
export type OwnChainVerification =
  | { ok: true; checked: number; head: AuditHeadInfo | null }
  | { ok: false; checked: number; brokenAtSeq: number; reason: string; head: AuditHeadInfo | null };

/**
 * This desk's chain, and each other device's chain held here (issue 17): those are checked without
 * their desks' keys, link by link (src-shared/audit/device-chain.ts).
 */
export type AuditVerification = OwnChainVerification & { devices: DeviceChainVerification[] };

/** Which entries the audit screen lists: all, all but the views of patient records, or those views alone. */
export const AUDIT_ENTRY_KINDS = ['all', 'changes', 'views'] as const;

export const auditProcedures = {
  'audit.list': procedure<{ entries: AuditEntry[]; nextBeforeSeq: number | null }>()({
    input: z
      .object({
        /** A username, or the start of a user's name ("Mia" finds Mia Manager). */
        actor: boundedString(64).trim().optional(),
        action: boundedString(64).trim().optional(),
        outcome: z.enum(['ok', 'denied', 'failed']).optional(),
        /** Record views are the audited reads of patient data (`phi`): many a day, and often not what is sought. */
        entries: z.enum(AUDIT_ENTRY_KINDS, { error: `must be one of ${AUDIT_ENTRY_KINDS.join(', ')}` }).default('all'),
        from: z.number().int().nonnegative().optional(),
        to: z.number().int().nonnegative().optional(),
        beforeSeq: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .refine((input) => input.from === undefined || input.to === undefined || input.to >= input.from, {
        path: ['to'],
        message: 'must be on or after the start date',
      }),
    access: 'audit:read',
    kind: 'read',
  }),
  'audit.verify': procedure<AuditVerification>()({ input: z.object({}), access: 'audit:read', kind: 'read' }),
};
