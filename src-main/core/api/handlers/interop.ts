import type { ProcedureName } from '../../../../src-shared/api/contract';
import type { FhirImportReport } from '../../../../src-shared/interop/fhir-import';
import { beginDryRun, undoDryRun } from '../../interop/fhir/import/link-repository';
import { importFhir } from '../../interop/fhir/import/importer';
import { runFhirExport } from '../../interop/fhir/export/service';
import type { HandlerContext, HandlersFor } from '../context';
import { fieldError } from '../../../../src-shared/api/errors';
import { MAX_CSV_FILE_BYTES } from '../../../../src-shared/interop/csv-import';
import { importCsv, previewCsv } from '../../interop/csv/importer';

/** The file's bytes, refused past the cap (the base64 length check in the input is only an upper bound). */
function csvBytes(contentBase64: string): Uint8Array {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > MAX_CSV_FILE_BYTES)
    throw fieldError('contentBase64', `must be at most ${MAX_CSV_FILE_BYTES / 1024 / 1024} MiB`);
  return bytes;
}

type InteropProcedure = Extract<ProcedureName, `interop.${string}`>;

/** Let the importing window see progress now: a queued event would arrive only after the commit. */
function progressTo(ctx: HandlerContext<'write'>) {
  return async (done: number, total: number) => {
    ctx.state.events.sendTo(ctx.clientId, 'interop.importProgress', { done, total });
    // Lets the host write the event out; other calls wait for the connection this transaction holds.
    await new Promise((resolve) => setImmediate(resolve));
  };
}

/** The CLI acts as the system, whose session names no user row: rows it writes are stamped with no user. */
function actorOf(ctx: HandlerContext<'write'>) {
  return ctx.session?.system ? { ...ctx.actor, userId: null } : ctx.actor;
}

function audit(ctx: HandlerContext<'write'>, fileName: string, report: FhirImportReport): FhirImportReport {
  ctx.audit.targetType = 'fhir_import';
  ctx.audit.details = {
    fileName,
    dryRun: report.dryRun,
    total: report.total,
    counts: report.counts,
    notImported: report.notImported,
    sentToDuplicateReview: report.sentToDuplicateReview,
  };
  return report;
}

export const interopHandlers: HandlersFor<InteropProcedure> = {
  'interop.previewCsv': async (ctx, input) => previewCsv(ctx.db, csvBytes(input.contentBase64), input),

  'interop.importCsv': async (ctx, input) => {
    const bytes = csvBytes(input.contentBase64);
    const run = () =>
      importCsv(ctx.db, bytes, { ...input, actor: actorOf(ctx), now: ctx.now, onProgress: progressTo(ctx) });
    let report;
    if (input.dryRun) {
      await beginDryRun(ctx.db);
      try {
        report = await run();
      } finally {
        await undoDryRun(ctx.db);
      }
    } else report = await run();
    ctx.audit.targetType = 'csv_import';
    ctx.audit.details = {
      fileName: input.fileName,
      sourceName: input.sourceName,
      target: input.target,
      dryRun: report.dryRun,
      total: report.total,
      created: report.created,
      skipped: report.skipped,
      errors: report.errors,
      sentToDuplicateReview: report.sentToDuplicateReview,
    };
    return report;
  },

  'interop.exportFhir': async (ctx, input) => {
    const summary = await runFhirExport(ctx.db, input, ctx.now);
    // Which records left the clinic, and where to: the audit log is how a clinic answers that later.
    ctx.audit.targetType = input.scope === 'patient' ? 'patient' : 'clinic';
    if (input.patientId) ctx.audit.targetId = input.patientId;
    ctx.audit.details = {
      scope: input.scope,
      from: input.from ?? null,
      to: input.to ?? null,
      inlineDocuments: input.inlineDocuments,
      folder: summary.folder,
      patients: summary.patients,
      counts: summary.counts,
    };
    return summary;
  },

  'interop.importFhirDryRun': async (ctx, input) => {
    await beginDryRun(ctx.db);
    try {
      const report = await importFhir(ctx.db, input.text, {
        actor: actorOf(ctx),
        now: ctx.now,
        dryRun: true,
        onProgress: progressTo(ctx),
      });
      return audit(ctx, input.fileName, report);
    } finally {
      await undoDryRun(ctx.db);
    }
  },
  'interop.importFhir': async (ctx, input) => {
    const report = await importFhir(ctx.db, input.text, {
      actor: actorOf(ctx),
      now: ctx.now,
      dryRun: false,
      onProgress: progressTo(ctx),
    });
    return audit(ctx, input.fileName, report);
  },
};
