#!/usr/bin/env node
// The `cairn` command. Sources are TypeScript; tsx compiles them on load (cached).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
