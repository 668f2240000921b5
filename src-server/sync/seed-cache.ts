import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A starting copy's chunks kept on this instance's disk as well as in the database: reading 4 MiB of
 * bytea out of PostgreSQL ran at ~110 MB/s here (a full-size clinic's copy is gigabytes), a file at
 * disk speed. Only a cache: the database stays the record, any instance fills its own from it, and the
 * bytes are as the publishing desk encrypted them. Under the system's temp folder, one per process, so
 * instances on one machine do not share half-written files.
 */
const ROOT = process.env.FRONT_DESK_SEED_CACHE ?? join(tmpdir(), `front-desk-seed-cache-${process.pid}`);

// Ids are checked (UUIDs, a whole number) before they reach here, so they are safe in a path.
const folderOf = (clinicId: string, seedId: string) => join(ROOT, clinicId, seedId);

export async function cachedSeedChunk(clinicId: string, seedId: string, index: number): Promise<Buffer | null> {
  try {
    return await readFile(join(folderOf(clinicId, seedId), String(index)));
  } catch {
    return null;
  }
}

/** Best effort: a disk that refuses only means the next read comes from the database again. */
export async function cacheSeedChunk(clinicId: string, seedId: string, index: number, data: Buffer): Promise<void> {
  const folder = folderOf(clinicId, seedId);
  const file = join(folder, String(index));
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(`${file}.part`, data);
    await rename(`${file}.part`, file);
  } catch {
    await rm(`${file}.part`, { force: true }).catch(() => undefined);
  }
}

/** Once a copy is published, the clinic's earlier ones (deleted from the database) leave the disk too. */
export async function dropCachedSeedsExcept(clinicId: string, keepSeedId: string): Promise<void> {
  const folder = join(ROOT, clinicId);
  const seeds = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    seeds
      .filter((seedId) => seedId !== keepSeedId)
      .map((seedId) => rm(join(folder, seedId), { recursive: true, force: true })),
  );
}
