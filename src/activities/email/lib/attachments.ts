import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Attachment } from 'mailparser';

/**
 * Writes a message's attachments into `folder` and returns their paths. Never overwrites a file
 * already there: a second "invoice.pdf" becomes "invoice (2).pdf".
 */
export async function saveAttachments(folder: string, attachments: Attachment[]): Promise<string[]> {
  if (attachments.length === 0) return [];
  await mkdir(folder, { recursive: true });
  const paths: string[] = [];
  for (const [index, attachment] of attachments.entries()) {
    // Only the base name: a sender must not be able to write outside the folder ("../../x").
    const name = basename(attachment.filename ?? '').replace(/[\\/:*?"<>|\0]/g, '_') || `attachment-${index + 1}`;
    paths.push(await writeNew(folder, name, attachment.content));
  }
  return paths;
}

async function writeNew(folder: string, name: string, content: Buffer): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? name : `${stem} (${n})${ext}`);
    try {
      await writeFile(path, content, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
