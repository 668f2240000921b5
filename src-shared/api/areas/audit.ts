import { z } from 'zod';
import { procedure } from '../procedure';
import { boundedString } from '../../validation';

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

export type AuditVerification =
  | { ok: true; checked: number; head: AuditHeadInfo | null }
  | { ok: false; checked: number; brokenAtSeq: number; reason: string; head: AuditHeadInfo | null };

export const auditProcedures = {
  'audit.list': procedure<{ entries: AuditEntry[]; nextBeforeSeq: number | null }>()({
    input: z.object({
      actor: boundedString(64).trim().optional(),
      action: boundedString(64).trim().optional(),
      outcome: z.enum(['ok', 'denied', 'failed']).optional(),
      from: z.number().int().nonnegative().optional(),
      to: z.number().int().nonnegative().optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    access: 'audit:read',
    kind: 'read',
  }),
  'audit.verify': procedure<AuditVerification>()({ input: z.object({}), access: 'audit:read', kind: 'read' }),
};
