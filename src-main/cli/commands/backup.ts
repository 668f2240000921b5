import { resolve } from 'node:path';
import { backupDatabase } from '../../core/db/backup';
import { restoreDatabase } from '../../core/db/restore';
import { parseOptions } from '../args';
import { cliKey, databaseFile, openCore } from '../data-folder';
import { auditCli } from '../system-actor';
import { copyEnvelopeBeside } from '../../core/backups/restore-with-recovery';
import { restoreWithRecoveryCommand } from './recovery';

export async function backupCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    data: { type: 'string', required: true },
    'key-file': { type: 'string' },
    out: { type: 'string', required: true },
  });
  const key = cliKey(options['key-file']);
  const out = resolve(options.out ?? '');
  const started = Date.now();
  const check = backupDatabase(databaseFile(options.data ?? ''), key, out);
  const envelope = copyEnvelopeBeside(databaseFile(options.data ?? ''), out);
  const core = await openCore(options.data ?? '', options['key-file']);
  try {
    await auditCli(core.database.db, 'backup.create', {
      file: out,
      schemaVersion: check.schemaVersion,
      auditHead: check.auditHead,
    });
  } finally {
    await core.close();
  }
  console.log(
    `Backup written to ${out} in ${Date.now() - started} ms: encrypted, integrity check ok, schema version ${check.schemaVersion}.`,
  );
  if (check.auditHead) {
    console.log(
      `Audit head: entry ${check.auditHead.seq}, hash ${check.auditHead.hash} (signed, in ${out}.audit-head).`,
    );
  }
  console.log(
    envelope
      ? `Its recovery envelope is ${envelope}: keep the two files together; the recovery key opens them on another computer.`
      : 'This clinic has no recovery key, so only its key opens this backup (make one with `clinic recovery-key new`).',
  );
  return 0;
}

export async function restoreCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    data: { type: 'string', required: true },
    'key-file': { type: 'string' },
    from: { type: 'string', required: true },
    'recovery-key': { type: 'string' },
  });
  if (options['recovery-key'] !== undefined || process.env.CLINIC_RECOVERY_KEY) {
    return restoreWithRecoveryCommand({
      data: options.data ?? '',
      from: options.from ?? '',
      keyFile: options['key-file'],
      recoveryKey: options['recovery-key'],
    });
  }
  const key = cliKey(options['key-file']);
  const from = resolve(options.from ?? '');
  const restored = restoreDatabase(databaseFile(options.data ?? ''), key, from, Date.now());
  const { replacedFile, replacedCompanions } = restored;
  try {
    const core = await openCore(options.data ?? '', options['key-file']);
    try {
      await auditCli(core.database.db, 'backup.restore', { from, replacedFile });
    } finally {
      await core.close();
    }
  } finally {
    restored.release();
  }
  console.log(`Restored ${from} (schema version ${restored.schemaVersion}) to ${databaseFile(options.data ?? '')}.`);
  if (restored.auditHead)
    console.log(`Audit head restored: entry ${restored.auditHead.seq}; the checkpoint now records it.`);
  console.log(
    replacedFile ? `The database it replaced is kept as ${replacedFile}.` : 'There was no database there before.',
  );
  if (replacedCompanions.length > 0) console.log(`Its log files are kept beside it: ${replacedCompanions.join(', ')}.`);
  return 0;
}
