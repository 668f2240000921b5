import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/db/migrate';
import { migratedDatabases } from '../helpers/migrated-database';

/** Migration 0049 (pairs of name words): every ordered pair of each indexed patient's words, a word with itself too. */

const databases = migratedDatabases();
afterEach(databases.removeAll);

describe('migration 0049 on a database with indexed patients', () => {
  it('writes each patient’s pairs of name words, with their name and key', () => {
    const handle = databases.at(48);
    // The patients and search rows the tokens belong to do not matter to the pairs.
    handle.pragma('foreign_keys = OFF');
    const token = handle.prepare(
      'INSERT INTO patient_name_tokens (token, sort_name, key, name_words) VALUES (?, ?, ?, ?)',
    );
    token.run('lopez', 'lopez maria', 7, ' maria lopez');
    token.run('maria', 'lopez maria', 7, ' maria lopez');
    token.run('cole', 'cole', 9, ' cole');

    migrate(handle, 2_000);
    expect(
      handle
        .prepare('SELECT word, other, sort_name, key FROM patient_name_pairs ORDER BY key, word, other')
        .raw()
        .all(),
    ).toEqual([
      ['lopez', 'lopez', 'lopez maria', 7],
      ['lopez', 'maria', 'lopez maria', 7],
      ['maria', 'lopez', 'lopez maria', 7],
      ['maria', 'maria', 'lopez maria', 7],
      ['cole', 'cole', 'cole', 9],
    ]);
    handle.close();
  });
});
