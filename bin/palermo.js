#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx palermo` needs no build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

register();
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { main } = await import(path.join(root, 'src/cli/main.ts'));
process.exitCode = await main(process.argv.slice(2));
