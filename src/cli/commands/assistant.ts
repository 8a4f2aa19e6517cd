import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../../api/dataDir.js';
import { defaultRendererDir, startHost } from '../../host/host.js';
import { openBrowser } from '../../host/openBrowser.js';
import { PACKAGE_EXTENSION } from '../../publish/package.js';
import type { CliCommand } from '../command.js';
import { parseOptions, UsageError, withUsage } from '../options.js';
import { untilShutdown } from '../shutdown.js';

const usage = 'cairn assistant [project-dir-or-package…] [--data DIR] [--port N] [--no-open]';

/** Resolves when the user asks the process to end (Ctrl+C, or a service manager's TERM). */
export const command: CliCommand = {
  name: 'assistant',
  summary: 'Opens the Assistant (run processes, history, Orchestrator connection) in a browser on the loopback host',
  usage,
  run: (argv) =>
    withUsage('assistant', usage, async () => {
      const { values, positionals } = parseOptions(
        argv,
        { port: { type: 'string' }, data: { type: 'string' }, 'no-open': { type: 'boolean' } },
        { min: 0, max: 100 },
      );
      if (values.help) {
        console.log(
          `usage: ${usage}\n  project-dir-or-package  added to the process list\n  --port N     listen on this port of 127.0.0.1 (default: a free one)\n  --data DIR   app data folder (default: ${defaultDataDir()})\n  --no-open    only print the URL, do not open a browser`,
        );
        return 0;
      }
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port must be a port number, got "${values.port}"`);
      const paths = positionals.map((p) => resolve(p));
      for (const path of paths) {
        const isProject = existsSync(join(path, 'cairn.project.json'));
        const isPackage = path.endsWith(PACKAGE_EXTENSION) && existsSync(path);
        if (!isProject && !isPackage) throw new UsageError(`${path} is neither a Cairn project (no cairn.project.json) nor a ${PACKAGE_EXTENSION} package`);
      }

      const host = await startHost({ port, dataDir: values.data ?? defaultDataDir(), face: 'assistant', assistantPaths: paths });
      if (!existsSync(join(defaultRendererDir, 'index.html'))) {
        console.error(`The UI is not built yet (${defaultRendererDir}); run "npm run build:renderer" first.`);
      }
      console.log(`Cairn Assistant: ${host.url}`);
      if (!values['no-open'] && !(await openBrowser(host.url)))
        console.error('Could not open a browser; open the URL above yourself.');

      // Ctrl+C, TERM, HUP or the parent gone: the host closes, which aborts a running process and its runner.
      await untilShutdown();
      await host.close();
      return 0;
    }),
};
