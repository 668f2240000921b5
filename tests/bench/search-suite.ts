import { BENCH_DATE_FORMAT } from './dataset';
import { runBenchmark, type Variant } from './harness';
import { openOurs, sampleQueries, SEARCH_LIMIT, SearchFloor, type BenchQuery } from './patient-search';
import { answers, peerQuestion, type PeerPatient, type PeerQuestion } from './peers/question';
import { Mismatch, stopwatch, type Suite } from './suite';

/**
 * patients.search: a mix of what reception types, ours against the floor (same rows, checked) and
 * the peers (their own simpler question, checked: every row they return answers it).
 */
export const patientSearchSuite: Suite = {
  name: 'patients.search',
  async run(context) {
    const { dataset, rounds, seed, peers, log } = context;
    const took = stopwatch();
    const queries: BenchQuery[] = sampleQueries(dataset.plain, context.queries, seed, BENCH_DATE_FORMAT);
    const questions: PeerQuestion[] = queries.map((query) => peerQuestion(query, peers.settings));
    const ours = await openOurs(dataset);
    log(`patients.search: ${queries.length} queries sampled, core opened in ${took()}`);
    const floor = new SearchFloor(dataset.plain);
    try {
      const mismatches: string[] = [];
      const answered = new Map<string, { queries: number; rows: number }>();
      for (const query of queries) {
        // Each patient with their next appointment: both sides do the same work.
        const a = (await ours.search(query.text)).map(
          (row) => `${row.id} ${row.nextAppointment?.appointmentId ?? '-'}`,
        );
        const b = floor.search(query).map((row) => `${row.id} ${row.next_id ?? '-'}`);
        const kind = answered.get(query.kind) ?? { queries: 0, rows: 0 };
        answered.set(query.kind, { queries: kind.queries + 1, rows: kind.rows + a.length });
        if (a.join() !== b.join())
          mismatches.push(
            `  ${query.kind} ${JSON.stringify(query.text)}: ours ${a.length} rows, floor ${b.length} rows`,
          );
      }
      if (mismatches.length > 0)
        throw new Mismatch(
          `The floor does not answer like ours for ${mismatches.length} queries:\n${mismatches.slice(0, 20).join('\n')}`,
        );
      log(
        `patients.search: the floor answers every query with the same patients and next appointments as ours (checked in ${took()})`,
      );
      // What each kind answers grows with the clinic for some kinds (more people share a birthday): the
      // growth report reads against this, a longer answer rather than a longer search.
      log(
        `patients.search: patients answered per query (of at most ${SEARCH_LIMIT}): ${[...answered]
          .map(([kind, { queries: n, rows }]) => `${kind} ${(rows / n).toFixed(1)}`)
          .join(', ')}`,
      );

      const peerVariants: Record<string, Variant> = {};
      const peerSearch: Record<string, (q: PeerQuestion) => Promise<PeerPatient[]>> = {};
      if (peers.pouchdb) {
        const pouch = peers.pouchdb;
        peerSearch.pouchdb = (q) => pouch.searchPatients(q);
      }
      if (peers.mariadb) {
        const maria = peers.mariadb;
        peerSearch.mariadb = (q) => maria.searchPatients(q);
      }
      await checkPeers(queries, questions, peerSearch, log);
      if (Object.keys(peerSearch).length > 0) log(`patients.search: peers checked in ${took()}`);
      const at = (i: number) => i % queries.length;
      for (const [name, search] of Object.entries(peerSearch))
        peerVariants[name] = { run: (i) => search(questions[at(i)] ?? { kind: 'none' }) };

      const results = await runBenchmark(
        {
          name: 'patients.search',
          dataset: context.patientsLabel,
          unit: 'ms',
          ours: { run: (i) => ours.search(queries[at(i)]?.text ?? 'a') },
          floor: { run: (i) => floor.search(queries[at(i)] ?? { kind: 'name-prefix', text: 'a' }) },
          peers: peerVariants,
          iterations: queries.length,
          group: (i) => queries[at(i)]?.kind ?? 'name-prefix',
        },
        rounds,
        queries.length,
      );
      log(`patients.search: measured in ${took()}`);
      return results;
    } finally {
      floor.close();
      await ours.core.close();
    }
  },
};

/**
 * Every row a peer returns answers its question; two peers find as many rows as each other (a
 * difference is printed: their collations fold a few letters differently).
 */
export async function checkPeers(
  queries: readonly BenchQuery[],
  questions: readonly PeerQuestion[],
  peerSearch: Record<string, (q: PeerQuestion) => Promise<PeerPatient[]>>,
  log: (line: string) => void,
): Promise<void> {
  const wrong: string[] = [];
  const counts: string[] = [];
  for (let i = 0; i < queries.length; i += 1) {
    const question = questions[i] ?? { kind: 'none' };
    const found: [string, number][] = [];
    for (const [name, search] of Object.entries(peerSearch)) {
      const rows = await search(question);
      found.push([name, rows.length]);
      for (const row of rows) {
        if (!answers(question, row))
          wrong.push(
            `  ${name} ${queries[i]?.kind} ${JSON.stringify(queries[i]?.text)}: ${row.lastName}, ${row.firstName} ${row.mrn} ${row.dob} ${row.phone ?? ''}`,
          );
      }
    }
    if (new Set(found.map(([, n]) => n)).size > 1)
      counts.push(
        `  ${queries[i]?.kind} ${JSON.stringify(queries[i]?.text)}: ${found.map(([n, c]) => `${n} ${c}`).join(', ')}`,
      );
  }
  if (wrong.length > 0)
    throw new Mismatch(`A peer returns rows that do not answer the question:\n${wrong.slice(0, 20).join('\n')}`);
  if (counts.length > 0)
    log(
      `patients.search: the peers found different numbers of rows for ${counts.length} of ${queries.length} queries (collation):\n${counts.slice(0, 5).join('\n')}`,
    );
}
