import { runFhirExport } from '../../interop/fhir/export/service';
import type { HandlersFor } from '../context';

export const fhirExportHandlers: HandlersFor<'interop.exportFhir'> = {
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
};
