// Build stamps: what a build read, and a fingerprint of those files, stored with the build's output. Plain
// JavaScript (no TypeScript, no dependency), because bin/palermo.js checks the server build's stamp on every
// command before anything is compiled or loaded: the check only stats the files a build read (a few hundred,
// a few milliseconds), it never reads or hashes their contents.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * A fingerprint of the files (paths relative to ROOT): each one's size and modification time. Any edit, touch,
 * checkout, rename or deletion changes it — an mtime moving backwards too (a restored file), which a "newer than
 * the build" comparison would miss. Only an edit keeping the same size and the exact old mtime goes unseen.
 */
export function fingerprint(files) {
  const hash = crypto.createHash('sha256');
  for (const rel of [...files].sort()) {
    let line;
    try {
      const st = fs.statSync(path.join(ROOT, rel));
      line = `${rel}\0${st.size}\0${st.mtimeMs}`;
    } catch {
      line = `${rel}\0missing`;
    }
    hash.update(`${line}\n`);
  }
  return hash.digest('hex');
}

/** The stamp at `file`, or null when there is none (never built, or the build failed and removed it). */
export function readStamp(file) {
  try {
    const stamp = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Array.isArray(stamp.inputs) && typeof stamp.fingerprint === 'string' ? stamp : null;
  } catch {
    return null;
  }
}

/** True when the build whose stamp is at `file` is missing or any of its inputs changed since. */
export function isStale(file) {
  const stamp = readStamp(file);
  return !stamp || fingerprint(stamp.inputs) !== stamp.fingerprint;
}

/**
 * Writes the stamp for a build that started at `startedMs` and read `inputs`. When an input changed while the
 * build ran, no stamp is written: the next check then rebuilds instead of trusting output older than its source.
 */
export function writeStamp(file, inputs, startedMs) {
  const unique = [...new Set(inputs)];
  const changedDuring = unique.some((rel) => {
    try {
      return fs.statSync(path.join(ROOT, rel)).mtimeMs > startedMs;
    } catch {
      return false; // a missing input is fingerprinted as missing: creating it later is a change
    }
  });
  if (changedDuring) return false;
  fs.writeFileSync(file, `${JSON.stringify({ builtAt: new Date().toISOString(), fingerprint: fingerprint(unique), inputs: unique.sort() }, null, 1)}\n`);
  return true;
}

/** A path under ROOT as the stamps hold it (relative, forward slashes), or null for one outside ROOT. */
export function relativeInput(absolute) {
  const rel = path.relative(ROOT, absolute);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}
