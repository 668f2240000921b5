import { describe, expect, it } from 'vitest';
import { effectReadsIn, effectReadsUnder, READ_PROCEDURES } from '../helpers/effect-reads';

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Renderer files that still read from main by hand in an effect (issue 14 item 5 moved them to
 * `useProcedure`; the calendar's day cache was the last). Empty now, and it may only shrink: the test
 * fails when a file on it no longer reads in an effect.
 */
const NOT_YET_MOVED: readonly string[] = [];

describe('screens read from main through useProcedure', () => {
  const found = effectReadsUnder(ROOT, 'src-renderer/src');

  it('has no read run from an effect by hand outside the files still to be moved', () => {
    const outside = found
      .filter((read) => !NOT_YET_MOVED.includes(read.file))
      .map((read) => `${read.file}:${read.line} ${read.procedure}`);
    expect(outside).toEqual([]);
  });

  it('keeps the list of files still to be moved honest: each still reads in an effect', () => {
    expect(NOT_YET_MOVED.filter((file) => !found.some((read) => read.file === file))).toEqual([]);
  });

  it('knows the read procedures from the contract', () => {
    expect(READ_PROCEDURES.has('patients.get')).toBe(true);
    expect(READ_PROCEDURES.has('patients.create')).toBe(false);
  });

  it('catches a planted read in an effect, in a function the effect runs, and handed to a hand-made hook', () => {
    const planted = [
      "import { useCallback, useEffect, useState } from 'react';",
      "import { api, bridge, call } from '../../api';",
      'export function Planted({ patientId }: { patientId: string }) {',
      '  const [record, setRecord] = useState(null);',
      '  useEffect(() => {',
      "    void call('patients.get', { patientId }).then((r) => r.ok && setRecord(r.value));",
      '  }, [patientId]);',
      '  const load = useCallback(() => {',
      '    void api.consents.list({ patientId });',
      '  }, [patientId]);',
      '  useEffect(() => {',
      '    load();',
      "    return bridge.on('billing.changed', load);",
      '  }, [load]);',
      "  useVisitEvents(() => void call('visits.display', {}));",
      "  const save = () => call('patients.update', { patientId });",
      "  const search = () => call('patients.search', { query: 'a' });",
      '  return record && save && search;',
      '}',
    ].join('\n');
    const { found: reads } = effectReadsIn('Planted.tsx', planted);
    expect(reads.map((read) => `${read.line} ${read.procedure}`)).toEqual([
      '6 patients.get',
      '9 consents.list',
      '15 visits.display',
    ]);
  });

  it('accepts a read-ahead through prefetchRead and catches one written by hand', () => {
    const planted = [
      "import { useEffect } from 'react';",
      "import { call } from '../../api';",
      "import { prefetchRead } from '../../hooks/read-cache';",
      'export function Days({ date }: { date: string }) {',
      "  const day = useProcedure('appointments.day', { date }, { cache: days });",
      '  useEffect(() => {',
      "    void prefetchRead(days, 'appointments.day', { date: next(date) }, { freshMs: 30_000 });",
      '    void readAhead(date);',
      '  }, [date]);',
      '  async function readAhead(shown: string) {',
      "    days.put('appointments.day', { date: next(shown) }, await call('appointments.day', { date: next(shown) }));",
      '  }',
      '  return day.value;',
      '}',
    ].join('\n');
    const { found: reads } = effectReadsIn('Days.tsx', planted);
    expect(reads.map((read) => `${read.line} ${read.procedure}`)).toEqual(['11 appointments.day']);
  });

  it("catches a store's read action that an effect runs", () => {
    const store = [
      'export const usePlanted = create((set) => ({',
      "  load: async () => set({ rows: await call('users.list', {}) }),",
      "  add: async () => call('users.create', {}),",
      '}));',
    ].join('\n');
    const { found: reads } = effectReadsIn('stores/planted.ts', store, new Set(['load']));
    expect(reads.map((read) => `${read.line} ${read.procedure}`)).toEqual(['2 users.list']);
  });
});
