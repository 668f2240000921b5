import { sql, type RawBuilder } from 'kysely';
import type { ReadDb } from '../db/handles';

/** Binary order: every string that starts with `prefix` sorts below this. */
export const prefixEnd = (prefix: string) => `${prefix}\u{10FFFF}`;

/**
 * Two or more name words typed: the patients with a name word starting with `first` and a name word (the
 * same one or another) starting with `second`, from patient_name_pairs. Each distinct word of the first
 * range is sought on its own — a DISTINCT over the range would read every row of it — and the second
 * range read inside it, so the work grows with the words in the range, not with the patients who have
 * them. In the order of the word, then the other word, then the name; `also` (conditions on
 * patient_search s: further words, digits, a date) narrows every row; at most `want` patients.
 */
export async function keysByNamePair(
  db: ReadDb,
  first: string,
  second: string,
  also: readonly RawBuilder<unknown>[],
  want: number,
): Promise<{ key: number }[]> {
  const keys: { key: number }[] = [];
  const seen = new Set<number>();
  const join = also.length === 0 ? sql`` : sql`JOIN patient_search s ON s.key = p.key`;
  const narrow = also.length === 0 ? sql`` : sql`AND ${sql.join([...also], sql` AND `)}`;
  let after: string | null = null;
  while (seen.size < want) {
    const from: RawBuilder<unknown> = after === null ? sql`word >= ${first}` : sql`word > ${after}`;
    const next = await sql<{ word: string }>`
      SELECT word FROM patient_name_pairs WHERE ${from} AND word < ${prefixEnd(first)} ORDER BY word LIMIT 1`.execute(
      db,
    );
    const word = next.rows[0]?.word;
    if (word === undefined) break;
    // A patient may hold several words of the second range (John James Smith, "smi j"): pages of the
    // word's rows until enough patients or none left.
    for (let offset = 0; seen.size < want;) {
      const ask = want - seen.size;
      const rows = await sql<{ key: number }>`
        SELECT p.key FROM patient_name_pairs p ${join}
        WHERE p.word = ${word} AND p.other >= ${second} AND p.other < ${prefixEnd(second)} ${narrow}
        ORDER BY p.other, p.sort_name, p.key LIMIT ${ask} OFFSET ${offset}`.execute(db);
      for (const row of rows.rows) {
        if (seen.has(row.key)) continue;
        seen.add(row.key);
        keys.push(row);
      }
      if (rows.rows.length < ask) break;
      offset += rows.rows.length;
    }
    after = word;
  }
  return keys;
}
