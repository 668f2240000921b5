import { DatabaseOpenError } from '../core/db/errors';
import { storageError } from '../core/db/storage-errors';
import { RecoveryKeyError } from '../core/keys/recovery-key';
import { ApiError } from '../../src-shared/api/errors';
import { UsageError } from './args';
import { auditVerifyCommand } from './commands/audit-verify';
import { reportsRebuildCommand } from './commands/reports-rebuild';
import { backupCommand, restoreCommand } from './commands/backup';
import { demoCommand } from './commands/demo';
import { exportFhirCommand } from './commands/export-fhir';
import { importCsvCommand } from './commands/import-csv';
import { importFhirCommand } from './commands/import-fhir';
import { initCommand } from './commands/init';
import { newRecoveryKeyCommand, openWithRecoveryCommand } from './commands/recovery';
import { seedCommand } from './commands/seed';
import { serveCommand } from './commands/serve';
import { syncJoinCommand } from './commands/sync-join';
import { userAddCommand } from './commands/user-add';

const USAGE = `Front Desk admin CLI: npm run clinic -- <command> [options]

  init         --data DIR [--key-file FILE]     create an encrypted clinic database (and a new key file if FILE is missing)
  demo         --data DIR [--key-file FILE]     a new demo clinic of made-up data around today (marked demo for good)
  user add     --data DIR --username U --name "Full Name" --role ROLE [--password-stdin]
  serve        --data DIR [--port N] [--create] browser mode on 127.0.0.1, behind a random token; --create makes
               the clinic database when the folder has none (otherwise a missing database is an error)
  backup       --data DIR --out FILE            an online, encrypted, verified copy
  restore      --data DIR --from FILE           put a verified backup in place (Front Desk must be stopped)
               [--recovery-key KEY --key-file NEW]  on a computer without the key: opened with the recovery sheet's key
  recovery-key new   --data DIR                 a new recovery key, printed once (older sheets stop working)
  open-with-recovery --data DIR --key-file NEW --recovery-key KEY
                                                the key is lost: the recovery key writes it to a new key file
  audit verify --data DIR                       check the audit log's hash chain
  reports rebuild --data DIR                    recompute the daily report aggregates from the raw rows
  sync join    --data DIR --server URL --code CODE [--fingerprint FP]
               a new desk (after init, not set up) joins a clinic that has data on the sync server and pulls it
  seed         --data DIR --patients N [--appointments M] [--providers P] [--seed S] [--today YYYY-MM-DD]
               add N made-up patients and M appointments around today (the same ones for the same seed and
               today); sets up P providers (20), types and weekly hours first when the clinic has none
  import fhir  FILE... --data DIR [--dry-run] [--stream] [--batch N] [--skip-bad-lines]
               bring patients, providers, insurance, allergies, visits and vitals in from a FHIR R4 Bundle
               or NDJSON file; --dry-run says what it would do and changes nothing. NDJSON files (.ndjson),
               a bulk export's folder, or a file with --stream are streamed: any size, N resources a
               batch (2000), each committed as it goes, with progress; run it again after a stop to
               import the rest. A file with lines that cannot be read is refused whole (the lines listed)
               unless --skip-bad-lines leaves them out
  import csv   --file FILE --target patients|appointments --data DIR [--dry-run] [--source NAME]
               [--encoding utf-8|windows-1252] [--date-format YYYY-MM-DD|DD/MM/YYYY|MM/DD/YYYY]
               [--map COLUMN=FIELD ...] [--errors OUT.csv]
               patients or appointments from another system's CSV export; the mapping is the one remembered
               for --source (else guessed from the headers) with each --map laid over it; --errors writes
               the rows with errors, with an "error" column, to fix and import again

  export fhir  --data DIR --out DIR [--patient ID] [--from YYYY-MM-DD --to YYYY-MM-DD] [--inline-documents]
               the clinic (or one patient, or those seen in a date range) as FHIR R4: one Bundle per patient
               and bulk NDJSON files with a manifest, into a new or empty folder

The database key comes from --key-file FILE or the CLINIC_DB_KEY environment variable (64 hex digits).
Roles: admin, manager, receptionist, nurse, provider. A password comes from standard input (--password-stdin)
or CLINIC_USER_PASSWORD.`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  init: initCommand,
  demo: demoCommand,
  'user add': userAddCommand,
  serve: serveCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'recovery-key new': newRecoveryKeyCommand,
  'open-with-recovery': openWithRecoveryCommand,
  'audit verify': auditVerifyCommand,
  'reports rebuild': reportsRebuildCommand,
  seed: seedCommand,
  'sync join': syncJoinCommand,
  'export fhir': exportFhirCommand,
  'import fhir': importFhirCommand,
  'import csv': importCsvCommand,
};

async function main(argv: string[]): Promise<number> {
  const [first = '', second = ''] = argv;
  if (first === '' || first === 'help' || first === '--help') {
    console.log(USAGE);
    return first === '' ? 2 : 0;
  }
  const twoWords = COMMANDS[`${first} ${second}`];
  const command = twoWords ?? COMMANDS[first];
  if (!command) {
    console.error(`clinic: unknown command "${[first, second].filter(Boolean).join(' ')}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(argv.slice(twoWords ? 2 : 1));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`clinic: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    // The code a screen would show, after the message, so scripts can tell the failures apart.
    const storage = error instanceof DatabaseOpenError ? error : storageError(error);
    if (storage) {
      console.error(`clinic: ${storage.message} [${storage.kind}]`);
      return 1;
    }
    if (error instanceof ApiError) {
      console.error(`clinic: ${error.message} [${error.code}]`);
      return 1;
    }
    if (error instanceof RecoveryKeyError) {
      console.error(`clinic: ${error.message}`);
      return 1;
    }
    console.error(`clinic: ${(error as Error).message}`);
    return 1;
  }
}

// Not a top-level await: the built CLI is a CommonJS bundle (code-cache-start.ts), where there is none.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
