import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlockError, type BlockContext } from '../../define.js';

/**
 * A PNG of the whole screen, taken with the tool the system has: ImageMagick's `import`, `scrot`,
 * `gnome-screenshot` or `grim` (Wayland) on Linux, `screencapture` on macOS, .NET through
 * PowerShell on Windows. A machine without a display or without any tool gets a clear error.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(data: Buffer): boolean {
  return data.length > PNG_SIGNATURE.length && data.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
}

type Tool = { command: string; args: (file: string) => string[] };

const WINDOWS_CAPTURE = (file: string) =>
  [
    'Add-Type -AssemblyName System.Windows.Forms, System.Drawing',
    '$b = [System.Windows.Forms.SystemInformation]::VirtualScreen',
    '$img = New-Object System.Drawing.Bitmap $b.Width, $b.Height',
    '[System.Drawing.Graphics]::FromImage($img).CopyFromScreen($b.Left, $b.Top, 0, 0, $img.Size)',
    `$img.Save('${file.replace(/'/g, "''")}', [System.Drawing.Imaging.ImageFormat]::Png)`,
  ].join('; ');

function toolsFor(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Tool[] {
  if (platform === 'darwin') return [{ command: 'screencapture', args: (f) => ['-x', '-t', 'png', f] }];
  if (platform === 'win32') return [{ command: 'powershell.exe', args: (f) => ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_CAPTURE(f)] }];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) {
    throw new BlockError('No screen to capture: this run has no display (DISPLAY and WAYLAND_DISPLAY are not set). Open a web page and capture it instead, or run attended', 'NO_SCREEN');
  }
  const x11: Tool[] = [
    { command: 'import', args: (f) => ['-window', 'root', f] },
    { command: 'scrot', args: (f) => ['--overwrite', f] },
    { command: 'gnome-screenshot', args: (f) => ['-f', f] },
  ];
  const wayland: Tool[] = [{ command: 'grim', args: (f) => [f] }];
  return env.WAYLAND_DISPLAY ? [...wayland, ...x11] : x11;
}

function runTool(ctx: BlockContext, tool: Tool, file: string, env: NodeJS.ProcessEnv): Promise<'ok' | 'missing' | string> {
  return new Promise((resolve) => {
    const child = spawn(tool.command, tool.args(file), { stdio: ['ignore', 'ignore', 'pipe'], env, signal: ctx.signal, timeout: 20_000 });
    if (child.pid !== undefined) ctx.trackProcess(child.pid);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ENOENT' ? 'missing' : error.message));
    child.on('close', (code) => resolve(code === 0 ? 'ok' : `${tool.command} exited with ${code}: ${stderr.trim().split('\n')[0] ?? ''}`));
  });
}

export async function captureScreen(ctx: BlockContext, platform = process.platform, env = process.env): Promise<Buffer> {
  const tools = toolsFor(platform, env);
  const dir = await mkdtemp(join(tmpdir(), 'cairn-screen-'));
  const failures: string[] = [];
  try {
    for (const tool of tools) {
      const file = join(dir, `${tool.command}.png`);
      const outcome = await runTool(ctx, tool, file, env);
      if (ctx.signal.aborted) throw ctx.signal.reason;
      if (outcome === 'missing') continue;
      const data = outcome === 'ok' ? await readFile(file).catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
      // A tool that "succeeds" without writing a PNG (a stand-in, a wrong version) does not count.
      if (isPng(data)) return data;
      failures.push(outcome === 'ok' ? `${tool.command} wrote no PNG` : outcome);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const tried = tools.map((t) => t.command).join(', ');
  throw new BlockError(
    failures.length > 0
      ? `Could not capture the screen: ${failures.join('; ')}`
      : `Could not capture the screen: none of ${tried} is installed (on Linux install ImageMagick or scrot)`,
    'NO_SCREEN',
  );
}
