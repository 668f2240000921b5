import type { AuditEntry, AuditVerification } from '../../../src-shared/api/areas/audit';
import type { Input } from '../../../src-shared/api/contract';
import { call } from '../api';
import { createResettableStore } from './resettable';

export type AuditFilter = Omit<Input<'audit.list'>, 'beforeSeq' | 'limit'>;

interface AuditState {
  entries: AuditEntry[];
  nextBeforeSeq: number | null;
  filter: AuditFilter;
  error: string | null;
  verification: AuditVerification | null;
  load: (filter: AuditFilter) => Promise<void>;
  loadMore: () => Promise<void>;
  verify: () => Promise<void>;
}

const PAGE = 100;

export const useAudit = createResettableStore<AuditState>((set, get) => ({
  entries: [],
  nextBeforeSeq: null,
  filter: {},
  error: null,
  verification: null,
  async load(filter) {
    const result = await call('audit.list', { ...filter, limit: PAGE });
    if (!result.ok) return set({ error: result.error.message });
    set({ filter, entries: result.value.entries, nextBeforeSeq: result.value.nextBeforeSeq, error: null });
  },
  async loadMore() {
    const { filter, nextBeforeSeq, entries } = get();
    if (nextBeforeSeq === null) return;
    const result = await call('audit.list', { ...filter, beforeSeq: nextBeforeSeq, limit: PAGE });
    if (!result.ok) return set({ error: result.error.message });
    set({ entries: [...entries, ...result.value.entries], nextBeforeSeq: result.value.nextBeforeSeq });
  },
  async verify() {
    const result = await call('audit.verify', {});
    set(result.ok ? { verification: result.value } : { error: result.error.message });
  },
}));
