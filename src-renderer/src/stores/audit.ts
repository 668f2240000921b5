import type { AuditEntry, AuditVerification } from '../../../src-shared/api/areas/audit';
import type { Input } from '../../../src-shared/api/contract';
import type { ApiErrorData } from '../../../src-shared/api/errors';
import { call } from '../api';
import { createResettableStore } from './resettable';

export type AuditFilter = Omit<Input<'audit.list'>, 'beforeSeq' | 'limit'>;

interface AuditState {
  entries: AuditEntry[];
  nextBeforeSeq: number | null;
  filter: AuditFilter;
  loading: boolean;
  error: ApiErrorData | null;
  verification: AuditVerification | null;
  verifyError: string | null;
  load: (filter: AuditFilter) => Promise<void>;
  loadMore: () => Promise<void>;
  verify: () => Promise<void>;
}

const PAGE = 100;

export const useAudit = createResettableStore<AuditState>((set, get) => ({
  entries: [],
  nextBeforeSeq: null,
  filter: {},
  loading: false,
  error: null,
  verification: null,
  verifyError: null,
  async load(filter) {
    set({ loading: true });
    const result = await call('audit.list', { ...filter, limit: PAGE });
    if (!result.ok) {
      set({ error: result.error, loading: false });
      return;
    }
    set({
      filter,
      entries: result.value.entries,
      nextBeforeSeq: result.value.nextBeforeSeq,
      error: null,
      loading: false,
    });
  },
  async loadMore() {
    const { filter, nextBeforeSeq, entries } = get();
    if (nextBeforeSeq === null) return;
    set({ loading: true });
    const result = await call('audit.list', { ...filter, beforeSeq: nextBeforeSeq, limit: PAGE });
    if (!result.ok) {
      set({ error: result.error, loading: false });
      return;
    }
    set({
      entries: [...entries, ...result.value.entries],
      nextBeforeSeq: result.value.nextBeforeSeq,
      error: null,
      loading: false,
    });
  },
  async verify() {
    set({ verification: null, verifyError: null });
    const result = await call('audit.verify', {});
    set(result.ok ? { verification: result.value } : { verifyError: result.error.message });
  },
}));
