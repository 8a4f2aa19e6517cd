import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../../api/dataDir.js';
import { defaultRendererDir, startHost } from '../../host/host.js';
import { openBrowser } from '../../host/openBrowser.js';
import type { CliCommand } from '../command.js';
import { parseOptions, UsageError, withUsage } from '../options.js';
import { untilShutdown } from '../shutdown.js';

const usage = 'cairn designer [project-dir] [--port N] [--data DIR] [--open]';

export const command: CliCommand = {
  name: 'designer',
  summary: 'Opens the Designer in a browser: starts the loopback host (127.0.0.1, token) and prints its URL',
  usage,
  run: (argv) =>
    withUsage('designer', usage, async () => {
      const { values, positionals } = parseOptions(
        argv,
        { port: { type: 'string' }, data: { type: 'string' }, open: { type: 'boolean' } },
        { min: 0, max: 1 },
      );
      if (values.help) {
        console.log(
          `usage: ${usage}\n  --port N     listen on this port of 127.0.0.1 (default: a free one)\n  --data DIR   app data folder (default: ${defaultDataDir()})\n  --open       open the URL in the default browser`,
        );
        return 0;
      }
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port must be a port number, got "${values.port}"`);
      const projectDir = positionals[0] === undefined ? undefined : resolve(positionals[0]);
      if (projectDir && !existsSync(join(projectDir, 'cairn.project.json'))) {
        throw new UsageError(`${projectDir} is not a Cairn project (no cairn.project.json)`);
      }

      const host = await startHost({ port, dataDir: values.data ?? defaultDataDir(), projectDir });
      if (!existsSync(join(defaultRendererDir, 'index.html'))) {
        console.error(
          `The Designer UI is not built yet (${defaultRendererDir}); run "npm run build:renderer" first.`,
        );
      }
      console.log(`Cairn Designer: ${host.url}`);
      console.log('Only this URL (with its token) opens the Designer. Press Ctrl+C to stop.');
      if (values.open && !(await openBrowser(host.url)))
        console.error('Could not open a browser; open the URL above yourself.');

      // Ctrl+C, TERM, HUP or the parent gone: close the host, which aborts the runs it started.
      await untilShutdown();
      await host.close();
      return 0;
    }),
};
