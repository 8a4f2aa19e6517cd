import { createWriteStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Entry, ZipFile } from 'yauzl';
import { BlockError } from '../../define.js';
import { loadZipLibraries } from '../../libraries.js';

/** Adds a file or a whole folder (its contents under the folder's name) and writes the archive. */
export async function zipPaths(sources: string[], target: string, signal: AbortSignal): Promise<number> {
  const { yazl } = await loadZipLibraries();
  const zip = new yazl.ZipFile();
  let count = 0;
  const add = async (path: string, name: string): Promise<void> => {
    signal.throwIfAborted();
    const info = await stat(path);
    if (info.isDirectory()) {
      const children = await readdir(path);
      if (children.length === 0) zip.addEmptyDirectory(name);
      for (const child of children.sort()) await add(join(path, child), `${name}/${child}`);
    } else {
      zip.addFile(path, name, { mtime: info.mtime });
      count += 1;
    }
  };
  for (const source of sources) await add(source, basename(source));
  zip.end();
  await mkdir(dirname(target), { recursive: true });
  await pipeline(zip.outputStream, createWriteStream(target), { signal });
  return count;
}

async function* entries(zip: ZipFile): AsyncGenerator<Entry> {
  while (true) {
    const next = await new Promise<Entry | undefined>((done, fail) => {
      const onEntry = (entry: Entry) => finish(() => done(entry));
      const onEnd = () => finish(() => done(undefined));
      const onError = (error: Error) => finish(() => fail(error));
      const finish = (then: () => void) => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        then();
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
    if (next === undefined) return;
    yield next;
  }
}

/** Where an entry may be written, refusing names that would escape the folder (zip-slip). */
function safeTarget(root: string, fileName: string, archive: string): string {
  const target = resolve(root, fileName);
  const rel = relative(root, target);
  if (isAbsolute(fileName) || rel.startsWith('..') || isAbsolute(rel)) {
    throw new BlockError(`Archive "${archive}" is refused: entry "${fileName}" would be written outside "${root}"`, 'ZIP_SLIP');
  }
  return target;
}

/** yauzl's own name checks (it refuses absolute and `..` names while decoding them). */
const unsafeName = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/;

/** Extracts every entry under `root`; returns the written files' full paths. */
export async function unzipTo(archive: string, root: string, signal: AbortSignal): Promise<string[]> {
  try {
    return await extract(archive, root, signal);
  } catch (error) {
    if (error instanceof BlockError || (error as Error).name === 'AbortError' || typeof (error as NodeJS.ErrnoException).code === 'string') throw error;
    const bad = unsafeName.exec((error as Error).message);
    if (bad) throw new BlockError(`Archive "${archive}" is refused: entry "${bad[1]}" would be written outside "${root}"`, 'ZIP_SLIP');
    throw new BlockError(`Archive "${archive}" cannot be read as a zip file: ${(error as Error).message}`, 'BAD_ZIP');
  }
}

async function extract(archive: string, root: string, signal: AbortSignal): Promise<string[]> {
  // Backslash names (made on Windows) are turned into folders rather than refused.
  const { yauzl } = await loadZipLibraries();
  const zip = await yauzl.openPromise(archive, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
  const written: string[] = [];
  try {
    for await (const entry of entries(zip)) {
      signal.throwIfAborted();
      const target = safeTarget(root, entry.fileName.replace(/\\/g, '/'), archive);
      if (entry.fileName.endsWith('/')) {
        await mkdir(target, { recursive: true });
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target), { signal });
      written.push(target);
    }
  } finally {
    zip.close();
  }
  return written;
}
