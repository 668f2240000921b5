import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/app';
import { openSchedulingClinic } from '../helpers/scheduling-clinic';
import type { Templates } from './convergence-run';

/**
 * The databases every run copies, made once per file: the tests' scheduling clinic (set up, never
 * enrolled: the first desk) and a new Front Desk that is not set up (the desks that join), both under
 * one key. Copying a file is much cheaper than setting a clinic up (argon2 hashes, migrations).
 */
export async function makeTemplates(folder: string): Promise<Templates> {
  const s = await openSchedulingClinic();
  await s.clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 240 });
  const store = await s.clinic.ok('admin', 'stockroom.saveLocation', {
    locationId: s.mainId,
    name: 'Stock room',
    kind: 'store',
    active: true,
  });
  const gauze = await s.clinic.ok('admin', 'stockroom.saveItem', {
    category: null,
    packSize: 10,
    unitCostMinor: 120,
    taxId: null,
    maximumLevel: null,
    active: true,
    name: 'Gauze swabs',
    code: 'GAUZE',
    gtin: null,
    dispensingUnit: 'pack',
    billable: false,
    sellingPriceMinor: null,
    reorderLevel: 20,
    reorderQuantity: 50,
  });
  const card = s.clinic.core.database.handle.prepare("SELECT id FROM payment_methods WHERE kind = 'card'").get() as {
    id: string;
  };
  const firstDesk = join(folder, 'first.db');
  s.clinic.core.database.handle.prepare('VACUUM INTO ?').run(firstDesk);
  const head = `${s.clinic.core.database.handle.name}.audit-head`;
  if (existsSync(head)) copyFileSync(head, `${firstDesk}.audit-head`);
  const key = s.clinic.folder.key;
  const templates: Templates = {
    firstDesk,
    newDesk: join(folder, 'new.db'),
    key,
    start: s.clinic.clock.now,
    providers: [s.drAId, s.drBId],
    typeId: s.consultId,
    storeId: store.id,
    itemId: gauze.id,
    cardId: card.id,
  };
  await s.clinic.close();
  const fresh = await createCore({ file: templates.newDesk, key, create: true, clock: () => templates.start });
  await fresh.close();
  return templates;
}
