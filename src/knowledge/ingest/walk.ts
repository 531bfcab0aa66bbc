import fs from 'node:fs';
import path from 'node:path';

/** Files to import from a path: the file itself, or every file below a folder (sorted; hidden ones skipped). */
export function filesUnder(target: string): string[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  const out: string[] = [];
  for (const entry of fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const p = path.join(target, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(p));
    else if (entry.isFile() && !/\.md$/i.test(entry.name)) out.push(p);
  }
  return out;
}
