import { existsSync, rmSync } from 'node:fs';
import { openEncryptedHandle } from './open';
import { currentVersion } from './migrate';
import { checkBackupHead, recordBackupHead } from '../audit/backup-head';
import type { AuditHead } from '../audit/chain';

export interface BackupCheck {
  schemaVersion: number;
  integrity: 'ok';
  /** The backup's audit head, also recorded (signed) beside it; null for an empty log. */
  auditHead: AuditHead | null;
}

/**
 * An online copy: VACUUM INTO reads one consistent snapshot while other connections keep writing,
 * and SQLite3 Multiple Ciphers writes the copy encrypted with the same key. The copy is then opened
 * with the key and checked before it is reported as good.
 */
export function backupDatabase(file: string, key: Buffer, outFile: string): BackupCheck {
  if (existsSync(outFile)) throw new Error(`${outFile} already exists; choose a new file name for the backup.`);
  const handle = openEncryptedHandle({ file, key });
  try {
    handle.prepare('VACUUM INTO ?').run(outFile);
  } finally {
    handle.close();
  }
  try {
    const check = verifyBackup(outFile, key);
    const handle = openEncryptedHandle({ file: outFile, key, readonly: true });
    try {
      recordBackupHead(handle, outFile, key);
    } finally {
      handle.close();
    }
    return check;
  } catch (error) {
    rmSync(outFile, { force: true });
    throw error;
  }
}

export function verifyBackup(file: string, key: Buffer): BackupCheck {
  const handle = openEncryptedHandle({ file, key, readonly: true });
  try {
    const rows = handle.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
    if (problems.length > 0) throw new Error(`${file} failed its integrity check: ${problems.slice(0, 3).join('; ')}`);
    return {
      schemaVersion: currentVersion(handle),
      integrity: 'ok',
      auditHead: checkBackupHead(handle, file, key).head,
    };
  } finally {
    handle.close();
  }
}
