import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runScenario, type Scenario, type Templates } from './convergence-run';
import { freshDatabase } from './server-helpers';
import { makeTemplates } from './convergence-templates';

const DAY = 86_400_000;
const CLEAN = { dropRequest: 0, dropAnswer: 0, duplicate: 0, holdBack: 0, smallPages: 0 };

describe('convergence: runs the suite once found failing', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let templates: Templates;
  let folder: string;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    folder = mkdtempSync(join(tmpdir(), 'front-desk-fuzz-templates-'));
    templates = await makeTemplates(folder);
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('desks a day behind and a day ahead of the server both take each other’s changes at once', async () => {
    const scenario: Scenario = {
      desks: 2,
      skews: [-DAY, DAY, 0, 0],
      faults: CLEAN,
      seed: 1,
      ops: [
        { k: 'register', n: 1 },
        { k: 'sync', desk: 0 },
        { k: 'sync', desk: 1 },
        { k: 'edit', desk: 1, patient: 0, field: 'notes', value: 7 },
        { k: 'sync', desk: 1 },
        { k: 'sync', desk: 0 },
      ],
    };
    await runScenario(database.opened, templates, scenario);
  });
});
