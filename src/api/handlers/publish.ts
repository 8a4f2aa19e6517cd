import { nextVersion, VersionError } from '../../publish/semver.js';
import { readProject, ScenarioLoadError } from '../../scenario/io.js';
import type { Emit, Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import type { IntegrationClient } from '../../orchestrator/integrationClient.js';
import { toApiError } from './orchestrator.js';
import { checkProject } from '../../engine/projectCheck.js';

type PublishHandlers = Pick<Handlers, 'publish.check' | 'publish.preview' | 'publish.start'>;

/** Publishing from the Designer: the same core as `cairn publish`, with progress as events. */
export function createPublishHandlers(client: () => Promise<IntegrationClient>, emit: Emit): PublishHandlers {
  const busy = new Set<string>();
  return {
    async 'publish.check'({ projectDir }) {
      const files = await checkProject(projectDir);
      const project = await readProject(projectDir).catch(() => null);
      const errors = files.reduce((n, f) => n + f.problems.filter((p) => p.severity === 'error').length, 0);
      return { project: project && { name: project.name, version: project.version }, errors, files };
    },
    async 'publish.preview'({ projectDir, bump, version }) {
      let current: string;
      try {
        current = (await readProject(projectDir)).version;
      } catch (error) {
        if (error instanceof ScenarioLoadError) throw new ApiError('invalid_scenario', error.message);
        throw error;
      }
      try {
        return { current, next: nextVersion(current, { bump, version: version || undefined }), error: null };
      } catch (error) {
        if (!(error instanceof VersionError)) throw error;
        return { current, next: null, error: { en: error.message, ru: error.ru } };
      }
    },
    async 'publish.start'({ projectDir, target, bump, version, notes }) {
      if (busy.has(projectDir)) throw new ApiError('conflict', 'This project is being published already.');
      busy.add(projectDir);
      try {
        const { publishProject } = await import('../../publish/publish.js');
        return await publishProject({
          projectDir,
          client: await client(),
          target,
          bump,
          version: version || undefined,
          notes,
          check: checkProject,
          onProgress: (step) => emit('publish.progress', { projectDir, step }),
        });
      } catch (error) {
        throw toApiError(error);
      } finally {
        busy.delete(projectDir);
      }
    },
  };
}
