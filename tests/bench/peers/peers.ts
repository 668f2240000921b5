import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../dataset';
import { MariaPeer } from './mariadb';
import { PouchPeer } from './pouch';
import { readSettings } from './source';
import type { MrnSettings } from './question';

/** The peers a run measures beside ours, each on the same generated data; absent ones say why. */
export interface Peers {
  pouchdb?: PouchPeer;
  mariadb?: MariaPeer;
  settings: MrnSettings;
  notices: string[];
}

/** The dataset's marker (its size, seed and fingerprint): a peer's copy is reused while it matches. */
export function datasetMarker(dataset: Dataset): string {
  return readFileSync(join(dataset.dir, 'dataset.json'), 'utf8');
}

export async function openPeers(
  dataset: Dataset,
  wanted: { pouchdb: boolean; mariadb: boolean; why: string },
  log: (line: string) => void,
): Promise<Peers> {
  const marker = datasetMarker(dataset);
  const peers: Peers = { settings: readSettings(dataset.plain), notices: [] };
  if (wanted.pouchdb) peers.pouchdb = await PouchPeer.open(dataset, marker, log);
  else peers.notices.push(`PouchDB: skipped (${wanted.why})`);
  if (wanted.mariadb) {
    const maria = await MariaPeer.open(dataset, marker, log);
    if (maria instanceof MariaPeer) peers.mariadb = maria;
    else peers.notices.push(`MariaDB: skipped, ${maria.absent}`);
  } else peers.notices.push(`MariaDB: skipped (${wanted.why})`);
  for (const notice of peers.notices) log(notice);
  return peers;
}

export async function closePeers(peers: Peers): Promise<void> {
  await peers.pouchdb?.close();
  await peers.mariadb?.close();
}
