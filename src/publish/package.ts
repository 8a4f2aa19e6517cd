import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import yazl from 'yazl';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { PROJECT_FILE, SCENARIO_SUFFIX } from '../scenario/schema.js';

/**
 * A project package (`.cairn`): the zip the Designer publishes to the Orchestrator as a process
 * version and the robot downloads and runs. It holds `cairn.project.json`, every
 * `*.scenario.json` and everything under `assets/` — nothing else, so editor state, git history
 * and node_modules never leave the developer's machine. Packing is deterministic (sorted paths,
 * fixed timestamps) so the same project gives the same bytes and the same hash.
 */

export const PACKAGE_EXTENSION = '.cairn';

export type UnpackLimits = {
  /** Largest package accepted, compressed (default 100 MB). */
  maxPackageBytes: number;
  /** Largest total of the unpacked files (default 500 MB): a zip bomb stops here. */
  maxTotalBytes: number;
  maxEntries: number;
};

export const defaultUnpackLimits: UnpackLimits = {
  maxPackageBytes: 100 * 1024 * 1024,
  maxTotalBytes: 500 * 1024 * 1024,
  maxEntries: 10_000,
};

export class PackageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PackageError';
  }
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
// A fixed local date: DOS timestamps carry no zone, so this is the same bytes everywhere.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** Relative POSIX paths of the files that belong in the package, sorted. */
export async function listPackageFiles(projectDir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string, rel: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      // Symlinks are not followed: they could pull files from outside the project into it.
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) await walk(join(folder, entry.name), relPath);
      else if (entry.isFile() && belongsInPackage(relPath)) found.push(relPath);
    }
  };
  await walk(projectDir, '');
  return found.sort();
}

function belongsInPackage(relPath: string): boolean {
  return relPath === PROJECT_FILE || relPath.endsWith(SCENARIO_SUFFIX) || relPath.startsWith('assets/');
}

/** `projectFile`: the manifest to pack instead of the one on disk (publishing packs the new version). */
export async function packProject(projectDir: string, options: { projectFile?: string } = {}): Promise<Buffer> {
  const root = resolve(projectDir);
  const projectFile = await lstat(join(root, PROJECT_FILE)).catch(() => null);
  if (!projectFile?.isFile()) {
    throw new PackageError(`Cannot pack ${root}: it has no ${PROJECT_FILE}, so it is not a Cairn project.`);
  }
  const zip = new yazl.ZipFile();
  for (const relPath of await listPackageFiles(root)) {
    const data =
      relPath === PROJECT_FILE && options.projectFile !== undefined
        ? Buffer.from(options.projectFile, 'utf8')
        : await readFile(join(root, ...relPath.split('/')));
    zip.addBuffer(data, relPath, { mtime: FIXED_MTIME, mode: 0o100644, compress: true, forceDosTimestamp: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Unpacks a package into destDir (created if missing); returns the files written, sorted. */
export async function unpackProject(
  buffer: Buffer,
  destDir: string,
  limits: Partial<UnpackLimits> = {},
): Promise<string[]> {
  const caps = { ...defaultUnpackLimits, ...limits };
  if (buffer.length > caps.maxPackageBytes) {
    throw new PackageError(`Package refused: ${buffer.length} bytes is over the ${caps.maxPackageBytes}-byte limit.`);
  }
  const root = resolve(destDir);
  let zip: ZipFile;
  try {
    // yauzl itself refuses absolute and `..` names while decoding them; we check again below so
    // the guarantee does not hang on a library default.
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  } catch (error) {
    throw new PackageError(`Package refused: it is not a readable zip (${describe(error)}).`, { cause: error });
  }
  const written: string[] = [];
  let total = 0;
  let count = 0;
  try {
    for await (const entry of entries(zip)) {
      count += 1;
      if (count > caps.maxEntries) throw new PackageError(`Package refused: more than ${caps.maxEntries} entries.`);
      if (entry.fileName.endsWith('/')) continue; // folders are created with their files
      const target = safeTarget(root, entry.fileName);
      total += entry.uncompressedSize;
      if (total > caps.maxTotalBytes) {
        throw new PackageError(`Package refused: it unpacks to more than ${caps.maxTotalBytes} bytes.`);
      }
      const data = await readEntry(zip, entry, caps.maxTotalBytes);
      await mkdir(resolve(target, '..'), { recursive: true });
      await writeFile(target, data);
      written.push(entry.fileName);
    }
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError(`Package refused: ${describe(error)}.`, { cause: error });
  } finally {
    zip.close();
  }
  if (!written.includes(PROJECT_FILE)) {
    throw new PackageError(`Package refused: it has no ${PROJECT_FILE}, so it is not a Cairn project package.`);
  }
  return written.sort();
}

/** The absolute path an entry may be written to, or a PackageError for zip-slip names. */
export function safeTarget(root: string, fileName: string): string {
  const unsafe =
    fileName.includes('\\') ||
    fileName.includes('\0') ||
    isAbsolute(fileName) ||
    /^[a-zA-Z]:/.test(fileName) ||
    posix.normalize(fileName).split('/').includes('..');
  const target = resolve(root, ...fileName.split('/'));
  const inside = relative(root, target);
  if (unsafe || inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    throw new PackageError(`Package refused: entry "${fileName}" would be written outside the destination folder.`);
  }
  return target;
}

async function* entries(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const next = await new Promise<Entry | null>((resolveEntry, reject) => {
      const onEntry = (entry: Entry): void => {
        cleanup();
        resolveEntry(entry);
      };
      const onEnd = (): void => {
        cleanup();
        resolveEntry(null);
      };
      const onError = (error: Error): void => {
        cleanup();
        reject(error);
      };
      const cleanup = (): void => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
    if (!next) return;
    yield next;
  }
}

async function readEntry(zip: ZipFile, entry: Entry, cap: number): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    // validateEntrySizes also catches a lying header, but only at the end of the entry.
    if (size > cap) {
      stream.destroy();
      throw new PackageError(`Package refused: entry "${entry.fileName}" unpacks to more than ${cap} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
