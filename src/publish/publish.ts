import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { IntegrationClient } from '../orchestrator/integrationClient.js';
import { readProject } from '../scenario/io.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { hasErrors, type ScenarioProblem } from '../scenario/problems.js';
import { PROJECT_FILE } from '../scenario/schema.js';
import { serializeProject } from '../scenario/serialize.js';
import { PACKAGE_EXTENSION, defaultUnpackLimits, packProject } from './package.js';
import { nextVersion, type Bump } from './semver.js';

/**
 * Publishing a project as a new process version: validate everything, choose the version, find
 * (or create) the process, pack the project with the new version in its manifest, upload it, and
 * only then write the new version into `cairn.project.json`. Any failure before the upload leaves
 * nothing on the Orchestrator; any failure at all leaves the project file as it was.
 */

export type FileProblems = { file: string; problems: ScenarioProblem[] };

export type PublishTarget = { processGuid: string } | { processName: string };

export type PublishOptions = {
  projectDir: string;
  client: IntegrationClient;
  target: PublishTarget;
  /** Default: bump patch. */
  bump?: Bump;
  version?: string;
  notes?: string;
  /** Validates the project (the same check `cairn validate` runs). */
  check(projectDir: string): Promise<FileProblems[]>;
  /** Largest package sent (default 100 MB, the emulator's and the robot's limit). */
  maxPackageBytes?: number;
  onProgress?(step: PublishStep): void;
};

export type PublishStep = 'validating' | 'connecting' | 'packing' | 'uploading' | 'saving';

export type PublishResult = {
  versionGuid: string;
  version: string;
  previousVersion: string;
  processGuid: string;
  processName: string;
  processCreated: boolean;
  packageBytes: number;
  sha256: string;
  fileName: string;
};

export type PublishErrorCode = 'invalid' | 'version' | 'unknownProcess' | 'versionExists' | 'tooLarge';

/** A refusal before anything was uploaded; `problems` carries the validation findings. */
export class PublishError extends Error {
  constructor(
    readonly code: PublishErrorCode,
    message: string,
    readonly problems: FileProblems[] = [],
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

export async function publishProject(options: PublishOptions): Promise<PublishResult> {
  const dir = resolve(options.projectDir);
  const progress = options.onProgress ?? (() => undefined);

  progress('validating');
  const results = await options.check(dir);
  if (results.some((r) => hasErrors(r.problems))) {
    const count = results.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'error').length, 0);
    throw new PublishError('invalid', `The project has ${count} validation error${count === 1 ? '' : 's'}: nothing was published.`, results);
  }
  const project = await readProject(dir);
  let version: string;
  try {
    version = nextVersion(project.version, { bump: options.bump, version: options.version });
  } catch (error) {
    throw new PublishError('version', (error as Error).message);
  }

  progress('packing');
  const manifest = serializeProject({ ...project, version });
  const file = await packProject(dir, { projectFile: manifest });
  const limit = options.maxPackageBytes ?? defaultUnpackLimits.maxPackageBytes;
  if (file.length > limit) {
    throw new PublishError('tooLarge', `The package is ${formatBytes(file.length)}, over the ${formatBytes(limit)} limit: move large files out of assets/.`);
  }
  const fileName = `${slug(project.name)}-${version}${PACKAGE_EXTENSION}`;

  progress('connecting');
  const { guid: processGuid, name: processName, created } = await resolveProcess(options.client, options.target);
  const existing = created ? [] : await options.client.listVersions(processGuid);
  if (existing.some((v) => v.name === version)) {
    throw new PublishError('versionExists', `Process "${processName}" already has a version ${version}: choose another version.`);
  }

  progress('uploading');
  const { guid: versionGuid } = await options.client.uploadVersion({ processGuid, version, notes: options.notes ?? '', file, fileName });

  progress('saving');
  await writeFileAtomic(join(dir, PROJECT_FILE), manifest);
  return {
    versionGuid,
    version,
    previousVersion: project.version,
    processGuid,
    processName,
    processCreated: created,
    packageBytes: file.length,
    sha256: createHash('sha256').update(file).digest('hex'),
    fileName,
  };
}

async function resolveProcess(client: IntegrationClient, target: PublishTarget): Promise<{ guid: string; name: string; created: boolean }> {
  if ('processGuid' in target) {
    const found = await client.findProcess(target.processGuid);
    if (!found) throw new PublishError('unknownProcess', `The Orchestrator at ${client.url} has no process ${target.processGuid}.`);
    return { guid: found.guid, name: found.name, created: false };
  }
  const name = target.processName.trim();
  const found = (await client.listProcesses()).find((p) => p.name === name);
  if (found) return { guid: found.guid, name: found.name, created: false };
  const { guid } = await client.createProcess(name);
  return { guid, name, created: true };
}

/** A file-name-safe form of the project name; Cyrillic and other letters are kept. */
function slug(name: string): string {
  return name.trim().replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'project';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
