import { sql, type Kysely } from 'kysely';
import type { ClaimStatus } from '../../../src-shared/billing/claim-status';
import type { Database } from '../db/schema';
import type {
  ClaimEventsTable,
  ClaimLinesTable,
  ClaimRemittanceLinesTable,
  ClaimRemittancesTable,
  ClaimRow,
  ClaimsTable,
} from '../db/schema-billing';
import type { ReadDb } from '../db/handles';

/** SQL of insurance claims: the claim, its lines, its status history and the remittances posted to it. */

type Db = Kysely<Database>;

export async function insertClaim(db: Db, claim: ClaimsTable, lines: ClaimLinesTable[]): Promise<void> {
  await db.insertInto('claims').values(claim).execute();
  if (lines.length > 0) await db.insertInto('claim_lines').values(lines).execute();
}

export function findClaim(db: ReadDb, id: string): Promise<ClaimRow | undefined> {
  return db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateClaim(db: Db, id: string, changes: Partial<ClaimsTable>): Promise<void> {
  await db.updateTable('claims').set(changes).where('id', '=', id).execute();
}

export async function insertClaimEvent(db: Db, row: ClaimEventsTable): Promise<void> {
  await db.insertInto('claim_events').values(row).execute();
}

export async function insertRemittance(
  db: Db,
  remittance: ClaimRemittancesTable,
  lines: ClaimRemittanceLinesTable[],
): Promise<void> {
  await db.insertInto('claim_remittances').values(remittance).execute();
  if (lines.length > 0) await db.insertInto('claim_remittance_lines').values(lines).execute();
}

/** The claim's lines with their invoice line and what the remittances posted on each so far. */
export function claimLines(db: ReadDb, claimId: string) {
  return db
    .selectFrom('claim_lines as c')
    .innerJoin('invoice_lines as l', 'l.id', 'c.invoice_line_id')
    .select((eb) => [
      'c.id',
      'c.invoice_line_id',
      'c.billed_minor',
      'c.primary_paid_minor',
      'l.code',
      'l.description',
      'l.invoice_id',
      eb
        .selectFrom('claim_remittance_lines as r')
        .select(sql<number>`coalesce(sum(r.allowed_minor), 0)`.as('n'))
        .whereRef('r.claim_line_id', '=', 'c.id')
        .as('allowed'),
      eb
        .selectFrom('claim_remittance_lines as r')
        .select(sql<number>`coalesce(sum(r.paid_minor), 0)`.as('n'))
        .whereRef('r.claim_line_id', '=', 'c.id')
        .as('paid'),
      eb
        .selectFrom('claim_remittance_lines as r')
        .select(sql<number>`coalesce(sum(r.adjustment_minor), 0)`.as('n'))
        .whereRef('r.claim_line_id', '=', 'c.id')
        .as('adjusted'),
      eb
        .selectFrom('claim_remittance_lines as r')
        .select(sql<number>`coalesce(sum(r.patient_minor), 0)`.as('n'))
        .whereRef('r.claim_line_id', '=', 'c.id')
        .as('patient'),
    ])
    .where('c.claim_id', '=', claimId)
    .orderBy('l.position')
    .execute();
}

export function claimEvents(db: ReadDb, claimId: string) {
  return db
    .selectFrom('claim_events')
    .selectAll()
    .where('claim_id', '=', claimId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function claimRemittances(db: ReadDb, claimId: string) {
  return db
    .selectFrom('claim_remittances as r')
    .select((eb) => [
      'r.id',
      'r.received_on',
      'r.payer_reference',
      'r.posted_at',
      'r.posted_by_name',
      eb
        .selectFrom('claim_remittance_lines as l')
        .select(sql<number>`coalesce(sum(l.paid_minor), 0)`.as('n'))
        .whereRef('l.remittance_id', '=', 'r.id')
        .as('paid'),
    ])
    .where('r.claim_id', '=', claimId)
    .orderBy('r.posted_at')
    .execute();
}

/** Invoice lines of an invoice already on a live claim of this sequence (not closed unpaid). */
export async function claimedLineIds(
  db: Db,
  invoiceId: string,
  sequence: 'primary' | 'secondary',
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('claim_lines as c')
    .innerJoin('claims as k', 'k.id', 'c.claim_id')
    .select('c.invoice_line_id')
    .where('k.invoice_id', '=', invoiceId)
    .where('k.sequence', '=', sequence)
    .where('k.status', '!=', 'closed')
    .execute();
  return new Set(rows.map((row) => row.invoice_line_id));
}

/** The newest secondary claim billing what this primary left, unless it was closed unpaid. */
export async function liveSecondaryClaimId(db: ReadDb, primary: ClaimRow): Promise<string | null> {
  const row = await db
    .selectFrom('claims')
    .select('id')
    .where('invoice_id', '=', primary.invoice_id)
    .where('primary_claim_id', '=', primary.id)
    .where('status', '!=', 'closed')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Claims at least some days old: submitted on or before `date`, or (a draft, never submitted) created
 * before `createdBefore` — the first instant of the day after `date` in the clinic's zone.
 */
export interface ClaimAgeCutoff {
  date: string;
  createdBefore: number;
}

export interface ClaimListFilter {
  claimId?: string | undefined;
  statuses?: ClaimStatus[] | undefined;
  patientId?: string | undefined;
  olderThan?: ClaimAgeCutoff | undefined;
  limit: number;
}

function agedAtLeast(cutoff: ClaimAgeCutoff) {
  return sql<boolean>`(k.submitted_on is not null and k.submitted_on <= ${cutoff.date})
    or (k.submitted_on is null and k.created_at < ${cutoff.createdBefore})`;
}

/** Claims with their patient, invoice number and totals settled, oldest status first. */
export function listClaims(db: ReadDb, filter: ClaimListFilter) {
  let query = db
    .selectFrom('claims as k')
    .innerJoin('invoices as i', 'i.id', 'k.invoice_id')
    .innerJoin('patients as p', 'p.id', 'k.patient_id')
    .select((eb) => [
      'k.id',
      'k.invoice_id',
      'i.number as invoice_number',
      'k.patient_id',
      'p.first_name',
      'p.middle_name',
      'p.last_name',
      'p.preferred_name',
      'k.payer',
      'k.sequence',
      'k.status',
      'k.status_at',
      'k.submitted_on',
      'k.created_at',
      'k.billed_minor',
      eb
        .selectFrom('claim_remittance_lines as r')
        .innerJoin('claim_lines as c', 'c.id', 'r.claim_line_id')
        .select(sql<number>`coalesce(sum(r.paid_minor), 0)`.as('n'))
        .whereRef('c.claim_id', '=', 'k.id')
        .as('paid'),
      eb
        .selectFrom('claim_remittance_lines as r')
        .innerJoin('claim_lines as c', 'c.id', 'r.claim_line_id')
        .select(sql<number>`coalesce(sum(r.paid_minor + r.adjustment_minor + r.patient_minor), 0)`.as('n'))
        .whereRef('c.claim_id', '=', 'k.id')
        .as('settled'),
    ]);
  if (filter.statuses && filter.statuses.length > 0) query = query.where('k.status', 'in', filter.statuses);
  if (filter.patientId) query = query.where('k.patient_id', '=', filter.patientId);
  if (filter.claimId) query = query.where('k.id', '=', filter.claimId);
  if (filter.olderThan) query = query.where(agedAtLeast(filter.olderThan));
  return query.orderBy('k.status_at').orderBy('k.id').limit(filter.limit).execute();
}

/** How many claims there are in each status, of those old enough when a cutoff is given. */
export async function claimCounts(db: ReadDb, olderThan?: ClaimAgeCutoff) {
  let query = db.selectFrom('claims as k').select(['k.status', sql<number>`count(*)`.as('n')]);
  if (olderThan) query = query.where(agedAtLeast(olderThan));
  return query.groupBy('k.status').execute();
}

/**
 * Claims per status and age bucket, with what they billed and what is outstanding on them (billed less
 * what remittances settled, as `listClaims` counts it). `agedAtLeast` holds the age rule: the cutoffs are
 * 31, 61, 91 and 121 days old, so bucket 0 is 0–30 days … bucket 4 over 120.
 */
export function claimsByStatusAndAge(
  db: ReadDb,
  cutoffs: [ClaimAgeCutoff, ClaimAgeCutoff, ClaimAgeCutoff, ClaimAgeCutoff],
  payer: string | null,
) {
  const [a31, a61, a91, a121] = cutoffs;
  return sql<{ status: ClaimStatus; bucket: number; claims: number; billed: number; outstanding: number }>`
    SELECT k.status AS status,
      CASE WHEN ${agedAtLeast(a121)} THEN 4 WHEN ${agedAtLeast(a91)} THEN 3
           WHEN ${agedAtLeast(a61)} THEN 2 WHEN ${agedAtLeast(a31)} THEN 1 ELSE 0 END AS bucket,
      count(*) AS claims,
      sum(k.billed_minor) AS billed,
      sum(k.billed_minor - coalesce(s.settled, 0)) AS outstanding
    FROM claims k
    LEFT JOIN (SELECT c.claim_id, sum(r.paid_minor + r.adjustment_minor + r.patient_minor) AS settled
               FROM claim_remittance_lines r JOIN claim_lines c ON c.id = r.claim_line_id
               GROUP BY c.claim_id) s ON s.claim_id = k.id
    ${payer === null ? sql`` : sql`WHERE k.payer = ${payer}`}
    GROUP BY 1, 2`.execute(db);
}

/** The payers claims have been made to, for the claims report's payer filter. */
export async function claimPayers(db: ReadDb): Promise<string[]> {
  const rows = await db.selectFrom('claims').select('payer').distinct().orderBy('payer').execute();
  return rows.map((row) => row.payer);
}
