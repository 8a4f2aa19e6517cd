import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PickerSite } from '../../src/picker/testing/pages.js';
import type { Session } from './session.js';

export type SpecBlock = { id: string; type: string; params?: Record<string, unknown> };

/** Writes a project whose main scenario ("Web form") opens the site's form and runs the blocks in a line. */
async function writeProject(dir: string, site: PickerSite, blocks: SpecBlock[], path: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'cairn.project.json'), JSON.stringify({ format: 'cairn.project/1', name: 'web-project', version: '1.0.0', main: 'main.scenario.json', dependencies: {} }));
  const all: SpecBlock[] = [
    { id: 'start', type: 'core.start' },
    { id: 'open', type: 'web.openBrowser', params: { url: `${site.url}${path}` } },
    ...blocks,
    { id: 'end', type: 'core.end' },
  ];
  const doc = {
    format: 'cairn.scenario/1',
    id: 'web',
    name: 'Web form',
    variables: [],
    blocks: all.map((b, i) => ({ ...b, at: [200, 40 + i * 110] })),
    links: all.slice(1).map((b, i) => ({ from: all[i].id, port: 'next', to: b.id })),
  };
  await writeFile(join(dir, 'main.scenario.json'), JSON.stringify(doc, null, 2));
}

/** Writes the project (its browser opens `path` of the site), opens it in the Designer and opens its scenario; returns the project folder. */
export async function openWebProject(session: Session, site: PickerSite, blocks: SpecBlock[], path = '/form'): Promise<string> {
  const dir = join(session.host.workDir, 'web-project');
  await writeProject(dir, site, blocks, path);
  await session.designer.openProject(dir);
  await session.designer.openScenario('Web form');
  await session.designer.block('open').waitFor();
  return dir;
}

/** F5, then the run's result says it succeeded. */
export async function runAndSucceed(session: Session): Promise<void> {
  await session.page.keyboard.press('F5');
  await session.page.getByTestId('run-result').filter({ hasText: 'Run succeeded' }).waitFor({ timeout: 60_000 });
}
