import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerification } from '../../src-shared/api/areas/audit';
import type { SyncChange } from '../../src-shared/sync/protocol';
import { walkChain } from '../../src-shared/audit/device-chain';
import { heldAuditChains } from '../../src-server/db/audit-chains';
import { sha256hex } from '../../src-server/sync/audit-chain';
import { openSchedulingClinic, RECEPTIONIST, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { BACKENDS, change, pushChanges, type Desk as WireDesk } from './server-helpers';
import { deskOver, twoDesks, type Desk } from './desk-helpers';

/**
 * The audit log across desks (issue 17): one hash chain per device, never one chain rebuilt on merge.
 * Two desks write audit entries and sync through a real server; each holds the other's chain beside its
 * own, each verifies both; an entry edited on one desk breaks that device's chain there and nowhere
 * else; and the server refuses a pushed entry that does not continue the pushing device's own chain.
 */

interface ChainEntry {
  device_id: string;
  seq: number;
  id: string;
  created_at: number;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  details: string | null;
  prev_hash: string;
  hash: string;
  link: string;
}

const deviceOf = (desk: Desk) =>
  desk.core.database.handle.prepare('SELECT device_id FROM sync_state').pluck().get() as string;
const ownIds = (desk: Desk) => desk.core.database.handle.prepare('SELECT id FROM audit_log ORDER BY seq').pluck().all();
const heldIds = (desk: Desk, device: string) =>
  desk.core.database.handle
    .prepare('SELECT id FROM audit_chains WHERE device_id = ? ORDER BY seq')
    .pluck()
    .all(device) as string[];

for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`audit chains per device (${backend})`, () => {
    let s: SchedulingClinic;
    let a: Desk;
    let pair: Awaited<ReturnType<typeof twoDesks>>;

    beforeAll(async () => {
      s = await openSchedulingClinic();
      a = deskOver(s.clinic.core, 'A', () => s.clinic.close());
      pair = await twoDesks(backend, a, s.clinic.clock);
      // Both desks write: sign-ins (one refused) and a patient registered on each.
      await a.call('wrong', 'auth.login', { username: RECEPTIONIST.username, password: 'not the password' });
      await s.patient('Ana', 'Audit');
      await pair.b.ok('desk', 'patients.create', { firstName: 'Bea', lastName: 'Audit', dob: '1980-02-03' });
      await pair.syncBoth();
    }, 180_000);
    afterAll(async () => {
      await pair?.close();
      await a?.close();
    });

    it('each desk holds the other device chain, entry for entry, and its own stays in its log', () => {
      const [deviceA, deviceB] = [deviceOf(a), deviceOf(pair.b)];
      const fromA = heldIds(pair.b, deviceA);
      const fromB = heldIds(a, deviceB);
      expect(fromA.length).toBeGreaterThan(5);
      expect(fromB.length).toBeGreaterThan(3);
      // The prefix each desk had sent when the other last pulled, in the same order.
      expect(fromA).toEqual(ownIds(a).slice(0, fromA.length));
      expect(fromB).toEqual(ownIds(pair.b).slice(0, fromB.length));
      // Never its own chain twice: this desk's entries are only in its audit_log.
      expect(heldIds(a, deviceA)).toEqual([]);
      expect(heldIds(pair.b, deviceB)).toEqual([]);
    });

    it('audit.verify on each desk reports its own chain and each other device chain intact', async () => {
      for (const [desk, other] of [
        [a, pair.b],
        [pair.b, a],
      ] as const) {
        const result: AuditVerification = await desk.ok('admin', 'audit.verify', {});
        expect(result.ok).toBe(true);
        expect(result.devices).toEqual([
          {
            deviceId: deviceOf(other),
            ok: true,
            checked: heldIds(desk, deviceOf(other)).length,
            headSeq: heldIds(desk, deviceOf(other)).length,
          },
        ]);
      }
    });

    it('the server holds both chains and finds each intact without the desks keys', async () => {
      const chains = await heldAuditChains(pair.database.opened.db);
      const results = chains
        .filter((chain) => chain.clinicName === 'Riverside')
        .map((chain) => walkChain(chain.deviceId, chain.rows, sha256hex));
      expect(results.map((r) => r.deviceId).sort()).toEqual([deviceOf(a), deviceOf(pair.b)].sort());
      expect(results.every((r) => r.ok && r.checked > 3)).toBe(true);
    });

    it('the server refuses an entry claiming another device, one that skips or relinks, and one edited', async () => {
      const enrolment = pair.b.core.database.handle
        .prepare('SELECT device_id, clinic_id, device_secret FROM sync_state')
        .get() as { device_id: string; clinic_id: string; device_secret: string };
      const wire: WireDesk = {
        deviceId: enrolment.device_id,
        clinicId: enrolment.clinic_id,
        token: `Bearer ${enrolment.device_id}.${enrolment.device_secret}`,
        counter: 900_000,
      };
      const now = s.clinic.clock.read();
      const held = pair.b.core.database.handle
        .prepare('SELECT * FROM audit_chains WHERE device_id = ? ORDER BY seq DESC LIMIT 1')
        .get(deviceOf(a)) as ChainEntry;
      const headB = pair.b.core.database.handle
        .prepare('SELECT * FROM audit_log WHERE seq = (SELECT audit_queued_seq FROM sync_state)')
        .get() as Omit<ChainEntry, 'device_id'>;
      const entry = (values: Partial<ChainEntry>, key?: (string | number)[]): SyncChange => {
        const row = {
          ...headB,
          device_id: wire.deviceId,
          seq: headB.seq + 1,
          id: 'forged',
          prev_hash: headB.hash,
          ...values,
        };
        return change(wire, 'audit_chains', key ?? [row.device_id, row.seq], row, { wall: now });
      };
      const forged = [
        // A's chain, pushed by B: the next entry of A's chain, well linked, still not B's to write.
        change(
          wire,
          'audit_chains',
          [held.device_id, held.seq + 1],
          {
            ...held,
            seq: held.seq + 1,
            prev_hash: held.hash,
          },
          { wall: now },
        ),
        // B's own chain with its key naming B but its row naming A (refused as a key its row contradicts).
        entry({ device_id: deviceOf(a) }, [wire.deviceId, headB.seq + 1]),
        // Skips an entry.
        entry({ seq: headB.seq + 2 }),
        // Does not link to B's last entry.
        entry({ prev_hash: 'f'.repeat(64) }),
        // Links, but its public link was made over other fields (edited after it was hashed).
        entry({ details: '{"edited":true}' }),
        // Rewrites an entry B already sent (a fork of the chain): its link no longer holds.
        change(
          wire,
          'audit_chains',
          [wire.deviceId, 1],
          {
            ...headB,
            device_id: wire.deviceId,
            seq: 1,
            details: 'x',
          },
          { wall: now },
        ),
      ];
      const answer = await pushChanges(pair.server.url, wire, forged, now);
      expect(answer.status).toBe(200);
      const codes = answer.body.results.map((r) => `${r.status}:${r.code ?? ''}`);
      expect(codes).toEqual([
        'rejected:AUDIT_CHAIN',
        'rejected:BAD_KEY',
        'rejected:AUDIT_CHAIN',
        'rejected:AUDIT_CHAIN',
        'rejected:AUDIT_CHAIN',
        'rejected:AUDIT_CHAIN',
      ]);
      expect(answer.body.results[0]?.reason).toMatch(/another device/);
      // The honest chain goes on: new entries on B still reach A, linked to what came before.
      await pair.b.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
      await pair.syncBoth();
      expect(heldIds(a, deviceOf(pair.b))).toEqual(ownIds(pair.b).slice(0, heldIds(a, deviceOf(pair.b)).length));
      const result = await a.ok('admin', 'audit.verify', {});
      expect(result.devices.every((d) => d.ok)).toBe(true);
    });

    it('an entry edited on one desk breaks that device chain there only', async () => {
      const handle = pair.b.core.database.handle;
      handle.exec('DROP TRIGGER audit_chains_no_update');
      handle
        .prepare("UPDATE audit_chains SET actor_username = 'someone else' WHERE device_id = ? AND seq = 3")
        .run(deviceOf(a));
      const onB = await pair.b.ok('admin', 'audit.verify', {});
      expect(onB.ok).toBe(true);
      expect(onB.devices).toEqual([
        expect.objectContaining({ deviceId: deviceOf(a), ok: false, brokenAtSeq: 3, checked: 2 }),
      ]);
      const broken = onB.devices[0];
      expect(broken && !broken.ok ? broken.reason : '').toMatch(/entry 3 was changed/);
      // A's own chain and A's copy of B's chain are untouched.
      const onA = await a.ok('admin', 'audit.verify', {});
      expect(onA.ok).toBe(true);
      expect(onA.devices.every((d) => d.ok)).toBe(true);
    });
  });
}
