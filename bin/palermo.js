#!/usr/bin/env node
// Runs the compiled server (dist/server, built by `npm install` through `prepare`) with plain node. When a
// source file changed since that build (a developer editing), it is rebuilt first — incrementally, a transpile
// without type-checking — so what runs is always the compiled code and never older than the sources. The check
// stats the files the last build read: a few milliseconds (scripts/build-stamp.mjs).
import { ensureServerBuild, SERVER_ENTRY } from '../scripts/build-server.mjs';
import { pathToFileURL } from 'node:url';

ensureServerBuild({ notice: 'palermo: the sources changed since the last build; rebuilding dist/server…\n' });
const { main } = await import(pathToFileURL(SERVER_ENTRY).href);
process.exitCode = await main(process.argv.slice(2));
