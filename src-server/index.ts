import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openServerDb, type OpenedDb } from './db/open';
import { audit, findDevice, listDevices, recentRejections, revokeDevice } from './db/repository';
import { startHttp } from './http';
import { newEnrolmentCode } from './sync/credentials';
import { walkChain } from '../src-shared/audit/device-chain';
import { heldAuditChains } from './db/audit-chains';
import { sha256hex } from './sync/audit-chain';
import { DEFAULT_RETENTION_DAYS, retentionProblem, runCompaction, startCompaction } from './sync/compaction';
import { makeEnrolmentCode } from './sync/service';
import { PushSignal } from './sync/signal';

/**
 * `npm run server [-- serve] [--data DIR] [--port N] [--host H] [--cert FILE --key FILE]`
 * `npm run server -- enrol-code --clinic "Name" [--hours 24] [--cert FILE]`
 * `npm run server -- revoke <deviceId>`
 * `npm run server -- devices`
 * `npm run server -- rejections [--limit 50]` (the latest refused changes, newest first)
 * `npm run server -- compact [--retention-days 30]` (drops history every active desk has pulled)
 * `npm run server -- audit-chains` (checks every device's audit chain held here; exit 1 when one breaks)
 * PostgreSQL when DATABASE_URL is set; embedded PGlite in --data (default ./server-data) otherwise.
 */
const USAGE = `Front Desk sync server
  npm run server [-- serve] [--data DIR] [--port N] [--host H] [--cert FILE --key FILE] [--retention-days 30]
  npm run server -- enrol-code --clinic "Clinic name" [--hours 24] [--cert FILE (prints its fingerprint)]
  npm run server -- revoke <deviceId>
  npm run server -- devices
  npm run server -- rejections [--limit 50]
  npm run server -- compact [--retention-days 30]
  npm run server -- audit-chains
PostgreSQL when DATABASE_URL is set; embedded PGlite in --data (default ./server-data) otherwise.`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      clinic: { type: 'string' },
      hours: { type: 'string' },
      limit: { type: 'string' },
      'retention-days': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const retentionDays = Number(values['retention-days'] ?? DEFAULT_RETENTION_DAYS);
  const retention = retentionProblem(retentionDays);
  if (retention) return fail(retention);
  const open = () => openServerDb({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: values.data });
  switch (command) {
    case 'serve':
      return serve(await open(), values, retentionDays);
    case 'compact': {
      const opened = await open();
      try {
        const results = await runCompaction(opened.db, Date.now(), retentionDays);
        if (results.length === 0) console.log('No clinic yet.');
        for (const r of results) {
          console.log(
            `${r.clinicId}: removed ${r.removed} changes; history kept after ${r.horizon} (${r.activeDevices} active devices, retention ${retentionDays} days)`,
          );
        }
        return 0;
      } finally {
        await opened.close();
      }
    }
    case 'enrol-code': {
      const clinic = values.clinic?.trim();
      const hours = Number(values.hours ?? 24);
      if (!clinic || clinic.length > 200)
        return fail('enrol-code needs --clinic "Clinic name" (at most 200 characters)');
      if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) return fail('--hours must be between 0 and 720');
      const opened = await open();
      try {
        const code = newEnrolmentCode();
        const result = await makeEnrolmentCode(opened.db, clinic, code, hours * 3_600_000);
        if (result.created) console.log(`Created clinic "${clinic}" (${result.clinicId}).`);
        console.log(`One-time enrolment code for "${clinic}", valid ${hours} hours:\n\n    ${code}\n`);
        // The desk pins the certificate when it enrols: hand both over together.
        if (values.cert) {
          console.log(
            `Server certificate SHA-256 fingerprint:\n\n    ${new X509Certificate(readFileSync(values.cert)).fingerprint256}\n`,
          );
        }
        return 0;
      } finally {
        await opened.close();
      }
    }
    case 'revoke': {
      const deviceId = positionals[1];
      if (!deviceId) return fail('revoke needs a device id (see `npm run server -- devices`)');
      const opened = await open();
      try {
        const device = await findDevice(opened.db, deviceId);
        if (!device) return fail(`No device ${deviceId}`);
        const revoked = await revokeDevice(opened.db, deviceId);
        await audit(opened.db, {
          clinicId: device.clinicId,
          deviceId,
          action: 'device.revoked',
          detail: { by: 'server cli', revoked },
        });
        console.log(
          revoked ? `Revoked "${device.name}" of ${device.clinicName}.` : `"${device.name}" was already revoked.`,
        );
        return 0;
      } finally {
        await opened.close();
      }
    }
    case 'devices': {
      const opened = await open();
      try {
        const devices = await listDevices(opened.db);
        if (devices.length === 0) console.log('No devices enrolled.');
        for (const d of devices) {
          const state = d.revokedAt ? `revoked ${d.revokedAt.toISOString()}` : 'active';
          const seen = d.lastSeenAt ? d.lastSeenAt.toISOString() : 'never';
          console.log(`${d.id}  ${d.clinicName}  "${d.name}"  ${state}  last seen ${seen}`);
        }
        return 0;
      } finally {
        await opened.close();
      }
    }
    case 'rejections': {
      const limit = Number(values.limit ?? 50);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) return fail('--limit must be 1 to 10000');
      const opened = await open();
      try {
        const rows = await recentRejections(opened.db, limit);
        if (rows.length === 0) console.log('No change has been refused.');
        for (const r of rows) {
          const where = `${r.clinic ?? '?'} / "${r.device ?? '?'}"`;
          console.log(`${r.at.toISOString()}  ${where}  ${r.table_name ?? '-'}  ${r.code}: ${r.reason}`);
        }
        return 0;
      } finally {
        await opened.close();
      }
    }
    case 'audit-chains': {
      const opened = await open();
      try {
        const chains = await heldAuditChains(opened.db);
        if (chains.length === 0) console.log('No audit chain has been pushed.');
        let broken = false;
        for (const chain of chains) {
          const result = walkChain(chain.deviceId, chain.rows, sha256hex);
          const where = `${chain.clinicName} / ${chain.deviceId}`;
          if (result.ok) console.log(`${where}: intact, ${result.checked} entries (links; the desk holds the key)`);
          else {
            broken = true;
            console.error(`${where}: broken at entry ${result.brokenAtSeq}: ${result.reason}`);
          }
        }
        return broken ? 1 : 0;
      } finally {
        await opened.close();
      }
    }
    default:
      return fail(`Unknown command ${command}\n${USAGE}`);
  }
}

async function serve(
  opened: OpenedDb,
  values: {
    data?: string | undefined;
    port?: string | undefined;
    host?: string | undefined;
    cert?: string | undefined;
    key?: string | undefined;
  },
  retentionDays: number,
): Promise<number> {
  if (Boolean(values.cert) !== Boolean(values.key)) {
    await opened.close();
    return fail('--cert and --key go together');
  }
  const tls =
    values.cert && values.key ? { cert: readFileSync(values.cert), key: readFileSync(values.key) } : undefined;
  const host = values.host ?? (tls ? '0.0.0.0' : '127.0.0.1');
  // Desks send patient data and their secrets: plain HTTP never leaves the machine.
  if (!tls && !LOOPBACK.has(host)) {
    await opened.close();
    return fail(`Plain HTTP is served on loopback only: give --cert and --key to listen on ${host}`);
  }
  const port = Number(values.port ?? (tls ? 8443 : 8787));
  const http = await startHttp({ db: opened.db, now: () => Date.now(), signal: new PushSignal() }, { host, port, tls });
  const compaction = startCompaction(opened.db, () => Date.now(), retentionDays);
  const where = opened.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${resolve(values.data ?? './server-data')}`;
  console.log(`Front Desk sync server listening at ${http.url} (${where}); history kept ${retentionDays} days`);
  if (http.fingerprint) console.log(`Certificate SHA-256 fingerprint (desks pin it at enrolment): ${http.fingerprint}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await compaction.stop();
  await http.close();
  await opened.close();
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
