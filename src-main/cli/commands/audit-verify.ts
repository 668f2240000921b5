import { verifyAuditChain } from '../../core/audit/repository';
import { parseOptions } from '../args';
import { openCore } from '../data-folder';

export async function auditVerifyCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, { data: { type: 'string', required: true }, 'key-file': { type: 'string' } });
  const core = await openCore(options.data ?? '', options['key-file']);
  try {
    const result = await verifyAuditChain(core.database.db);
    if (result.ok) {
      console.log(`Audit chain intact: ${result.checked} entries checked.`);
      return 0;
    }
    console.error(
      `Audit chain broken at entry ${result.brokenAtSeq}: ${result.reason} (${result.checked} entries before it are intact).`,
    );
    return 1;
  } finally {
    await core.close();
  }
}
