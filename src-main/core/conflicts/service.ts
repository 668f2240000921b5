import type { Kysely } from 'kysely';
import { CONFLICT_RESOLVERS, type ConflictView } from '../../../src-shared/api/areas/conflicts';
import { ApiError } from '../../../src-shared/api/errors';
import type { Permission } from '../../../src-shared/api/permissions';
import type { Actor } from '../actor';
import type { Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { newId } from '../ids';
import {
  findConflict,
  insertResolution,
  isResolved,
  listConflicts,
  type ConflictFilter,
  type ListedConflict,
} from './repository';
import { subjectsOf, type Subject } from './subjects-repository';

/** The conflicts inbox: what the screen and a record's banner list, and resolving one (audited by the router). */

const LIST_LIMIT = 500;

function toView(
  row: ListedConflict,
  subjects: { first: Subject; second: Subject },
  may: (permission: Permission) => boolean,
): ConflictView {
  return {
    id: row.id,
    kind: row.kind,
    reasons: row.reasons
      .split(',')
      .filter((r): r is 'provider' | 'room' | 'patient' => r === 'provider' || r === 'room' || r === 'patient'),
    first: { type: row.first_type, id: row.first_id, ...subjects.first },
    second: { type: row.second_type, id: row.second_id, ...subjects.second },
    patientIds: [...new Set([row.patient_id, row.second_patient_id].filter((p): p is string => p !== null))],
    amount: row.amount,
    detectedAt: row.detected_at,
    resolved:
      row.resolved_at === null
        ? null
        : {
            at: row.resolved_at,
            byName: row.resolved_by_name,
            bySystem: row.resolved_by === null,
            note: row.resolution_note ?? '',
          },
    canResolve: may(CONFLICT_RESOLVERS[row.kind]),
  };
}

export async function listOpenConflicts(
  db: ReadDb,
  filter: ConflictFilter,
  may: (permission: Permission) => boolean,
): Promise<ConflictView[]> {
  const views: ConflictView[] = [];
  for (const row of await listConflicts(db, filter, LIST_LIMIT))
    views.push(toView(row, await subjectsOf(db, row), may));
  return views;
}

export async function resolveConflict(
  db: Kysely<Database>,
  input: { conflictId: string; note: string },
  actor: Actor,
  may: (permission: Permission) => boolean,
  now: number,
): Promise<ConflictView> {
  const conflict = await findConflict(db, input.conflictId);
  if (!conflict)
    throw new ApiError('NOT_FOUND', 'There is no such conflict.', { fields: { conflictId: 'no such conflict' } });
  const needed = CONFLICT_RESOLVERS[conflict.kind];
  if (!may(needed)) throw new ApiError('FORBIDDEN', `Resolving this conflict needs the permission ${needed}.`);
  if (await isResolved(db, conflict.id)) throw new ApiError('CONFLICT', 'This conflict is already resolved.');
  await insertResolution(db, {
    id: newId(),
    conflict_id: conflict.id,
    note: input.note,
    resolved_at: now,
    resolved_by: actor.userId,
    resolved_by_name: actor.displayName,
    created_at: now,
    updated_at: now,
  });
  const [row] = await listConflicts(db, { conflictId: conflict.id, includeResolved: true }, 1);
  if (!row) throw new Error('the resolved conflict is gone');
  return toView(row, await subjectsOf(db, row), may);
}
