import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { startEmulator } from '../../orchestrator/emulator/server.js';
import { DEMO_ROBOT_GUID } from '../../orchestrator/protocol.js';

const USAGE = 'cairn orchestrator [--port 4500] [--db file] [--host 127.0.0.1] [--no-demo] [--quiet]';

const HELP = `${USAGE}

Starts the Orchestrator emulator: the robot protocol (heartbeat, consumeNextJob, job/update), logs,
assets, queues, processes and versions, on SQLite. docs/orchestrator-api.md describes every call.

  --port N      port to listen on (default 4500; 0 picks a free one)
  --host H      address to bind (default 127.0.0.1; the admin API answers loopback only)
  --db FILE     keep the data in this SQLite file (default: in memory, lost on exit)
  --no-demo     do not seed a new database with the demo robot, process and job
  --quiet       do not log each request
`;

export const command: CliCommand = {
  name: 'orchestrator',
  summary: 'Start the Orchestrator emulator (demo robot and job included)',
  usage: USAGE,
  async run(argv) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          port: { type: 'string', default: '4500' },
          host: { type: 'string', default: '127.0.0.1' },
          db: { type: 'string' },
          'no-demo': { type: 'boolean', default: false },
          quiet: { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      console.error(`cairn orchestrator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
      return 2;
    }
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`cairn orchestrator: --port must be a number from 0 to 65535, got "${values.port}".`);
      return 2;
    }
    const dbFile = values.db ? resolve(values.db) : ':memory:';
    let emulator;
    try {
      emulator = await startEmulator({
        port,
        host: values.host,
        dbFile,
        seedDemo: !values['no-demo'],
        log: values.quiet ? undefined : (line) => console.log(`${new Date().toISOString()} ${line}`),
      });
    } catch (error) {
      console.error(`cairn orchestrator: cannot start on ${values.host}:${port}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    console.log(`Orchestrator emulator listening on ${emulator.url}`);
    console.log(`  web page: ${emulator.url}/ (robots, versions, jobs, logs; loopback only)`);
    if (!/^(127\.|::1$|localhost$)/.test(values.host)) {
      console.log(`  WARNING: listening on ${values.host}, beyond loopback, over plain HTTP; the admin API still answers loopback only.`);
    }
    console.log(`  data: ${dbFile === ':memory:' ? 'in memory (use --db FILE to keep it)' : dbFile}`);
    if (emulator.demo) {
      console.log(`  demo robot GUID: ${emulator.demo.robotGuid}`);
      console.log(`  demo API key (publishing): ${emulator.demo.apiKey}`);
      console.log(`  demo job ${emulator.demo.jobGuid} is Pending for the demo robot`);
    } else if (!values['no-demo']) {
      console.log(`  existing database kept as is (demo robot GUID, if seeded earlier: ${DEMO_ROBOT_GUID})`);
    }
    console.log(`  try: npx cairn robot --orchestrator ${emulator.url} --guid ${emulator.demo?.robotGuid ?? DEMO_ROBOT_GUID}`);
    console.log('Press Ctrl+C to stop.');

    const running = emulator;
    await new Promise<void>((done) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        console.log('Stopping the Orchestrator emulator…');
        running.close().then(done, (error: unknown) => {
          console.error(`cairn orchestrator: error while stopping: ${String(error)}`);
          done();
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
