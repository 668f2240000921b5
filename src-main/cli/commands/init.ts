import { existsSync } from 'node:fs';
import { readKeyFile, writeNewKeyFile } from '../../core/keys/key-file';
import { parseOptions } from '../args';
import { databaseFile, openCore } from '../data-folder';

export async function initCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, { data: { type: 'string', required: true }, 'key-file': { type: 'string' } });
  const file = databaseFile(options.data ?? '');
  if (existsSync(file)) {
    console.error(`clinic: ${file} already exists; init never replaces a database.`);
    return 1;
  }
  const keyFile = options['key-file'];
  if (keyFile && !existsSync(keyFile)) {
    writeNewKeyFile(keyFile);
    console.log(
      `Made a new database key in ${keyFile} (readable by you only). Keep a copy somewhere safe: without it the database cannot be opened.`,
    );
  } else if (keyFile) {
    readKeyFile(keyFile);
  }
  const core = await openCore(options.data ?? '', keyFile, true);
  console.log(`Created an encrypted clinic database at ${file} (schema version ${core.database.schemaVersion}).`);
  await core.close();
  return 0;
}
