import { compareWithCheckpoint } from '../../core/audit/anchor';
import { checkpointFileOf, readCheckpoint } from '../../core/audit/checkpoint';
import { deriveAuditKeys } from '../../core/audit/keys';
import { verifyDeviceChains } from '../../core/audit/device-chains';
import { recordedCheckpointFindings, verifyAuditChain } from '../../core/audit/repository';
import { parseOptions } from '../args';
import { createCore } from '../../core/app';
import { cliKey, databaseFile } from '../data-folder';

/**
 * `clinic audit verify`: the keyed chain entry by entry, every other device's chain held here (links), its head against the signed checkpoint
 * beside the database, and every truncation or rebuild an earlier open found and recorded.
 */
export async function auditVerifyCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, { data: { type: 'string', required: true }, 'key-file': { type: 'string' } });
  const file = databaseFile(options.data ?? '');
  const key = cliKey(options['key-file']);
  const core = await createCore({ file, key });
  let failed = false;
  try {
    const result = await verifyAuditChain(core.database.db);
    if (result.ok) {
      console.log(`Audit chain intact: ${result.checked} entries checked.`);
    } else {
      failed = true;
      console.error(
        `Audit chain broken at entry ${result.brokenAtSeq}: ${result.reason} (${result.checked} entries before it are intact).`,
      );
    }
    console.log(result.head ? `Head: entry ${result.head.seq}, hash ${result.head.hash}.` : 'Head: the log is empty.');
    for (const chain of await verifyDeviceChains(core.database.db)) {
      if (chain.ok) {
        console.log(
          `Device ${chain.deviceId}: chain intact, ${chain.checked} entries checked (links; its desk holds the key).`,
        );
      } else {
        failed = true;
        console.error(`Device ${chain.deviceId}: chain broken at entry ${chain.brokenAtSeq}: ${chain.reason}.`);
      }
    }
    const checkpointFile = checkpointFileOf(file);
    const reading = readCheckpoint(deriveAuditKeys(key).checkpoint, checkpointFile);
    if (reading.status === 'ok') {
      const { seq, hash, at } = reading.checkpoint;
      const mismatch = compareWithCheckpoint(core.database.handle, reading.checkpoint);
      console.log(`Checkpoint ${checkpointFile}: entry ${seq}, hash ${hash}, written ${new Date(at).toISOString()}.`);
      if (mismatch) {
        failed = true;
        console.error(`Truncation or rebuild: ${mismatch.message}.`);
      }
    } else {
      failed = true;
      console.error(
        `Checkpoint ${checkpointFile}: ${reading.status === 'missing' ? 'missing' : `refused: ${reading.reason}`}.`,
      );
    }
    for (const finding of await recordedCheckpointFindings(core.database.db)) {
      failed = true;
      console.error(
        `Found at an earlier open (entry ${finding.seq}, ${new Date(finding.at).toISOString()}): ${finding.message}.`,
      );
    }
    return failed ? 1 : 0;
  } finally {
    await core.close();
  }
}
