import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FhirExportSummary } from '../../../../../src-shared/api/areas/fhir-export';
import { fieldError } from '../../../../../src-shared/api/errors';
import type { ReadDb } from '../../../db/handles';
import {
  BUNDLES_FOLDER,
  exportFhir,
  ExportFolderError,
  type FhirExportProgress,
  type FhirExportRequest,
} from './exporter';

/** What the screen and the CLI ask for, checked; the export lands in a new, dated folder inside `folder`. */
export interface FhirExportAsk {
  folder: string;
  scope: 'clinic' | 'patient' | 'range';
  patientId?: string | null | undefined;
  from?: string | undefined;
  to?: string | undefined;
  inlineDocuments: boolean;
}

/** 'fhir-export-20261123-0900': sortable, and never the name of an earlier export's folder from the same minute. */
export function exportFolderName(now: number, existing: (name: string) => boolean): string {
  const stamp = new Date(now).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  let name = `fhir-export-${stamp}`;
  for (let n = 2; existing(name); n += 1) name = `fhir-export-${stamp}-${n}`;
  return name;
}

export function scopeOf(ask: FhirExportAsk): FhirExportRequest['scope'] {
  if (ask.scope === 'patient') return { kind: 'patient', patientId: ask.patientId ?? '' };
  if (ask.scope === 'range') return { kind: 'range', from: ask.from ?? '', to: ask.to ?? '' };
  return { kind: 'clinic' };
}

export async function runFhirExport(
  db: ReadDb,
  ask: FhirExportAsk,
  now: number,
  onProgress?: (progress: FhirExportProgress) => void,
): Promise<FhirExportSummary> {
  if (!existsSync(ask.folder) || !statSync(ask.folder).isDirectory()) {
    throw fieldError('folder', 'no such folder on this computer');
  }
  const outDir = join(
    ask.folder,
    exportFolderName(now, (name) => existsSync(join(ask.folder, name))),
  );
  const scope = scopeOf(ask);
  try {
    const result = await exportFhir(db, {
      scope,
      inlineDocuments: ask.inlineDocuments,
      outDir,
      now,
      ...(onProgress ? { onProgress } : {}),
    });
    const ownBundle = scope.kind === 'patient' ? `Patient-${scope.patientId}.json` : null;
    return {
      folder: outDir,
      patients: result.patients,
      counts: result.counts,
      bundleFiles: result.bundles.length,
      patientBundle: ownBundle
        ? { fileName: ownBundle, json: await readFile(join(outDir, BUNDLES_FOLDER, ownBundle), 'utf8') }
        : null,
    };
  } catch (error) {
    if (error instanceof ExportFolderError) {
      throw scope.kind === 'patient' ? fieldError('patientId', error.message) : fieldError('folder', error.message);
    }
    throw error;
  }
}
