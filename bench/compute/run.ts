/**
 * In-process computations a user waits for (npm run bench:compute [-- --runs R]): parsing a long UN document, finding
 * the references in 200,000 characters of each language, and drawing the reviewers of ~190 States. These were
 * timed tests once; a timed test fails on a loaded machine and proves nothing on a quiet one, so the figures live
 * here, with the machine's load printed beside each (docs/PERFORMANCE.md).
 * Targets: parse ≤ 100 ms, references ≤ 200 ms per language, a draw ≤ 1 s (median of R runs after one warm-up).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseUnDocument } from '../../src/knowledge/parsing/index.ts';
import { longReport } from '../../src/knowledge/parsing/long-report.fixture.ts';
import { extractReferences } from '../../src/knowledge/extraction/index.ts';
import { LANGS } from '../../src/knowledge/extraction/types.ts';
import { referenceInputs } from '../../src/review/draw/draw.test-support.ts';
import { drawReviewers } from '../../src/review/draw/reviewers.ts';

const { values: opt } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const RUNS = Number(opt.runs);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function time(label: string, target: number, fn: (i: number) => unknown): void {
  fn(-1); // warm-up: tables, regular expressions, JIT
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn(i);
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  const median = xs[Math.floor(xs.length / 2)]!;
  process.stdout.write(`${label.padEnd(52)} ${median.toFixed(1).padStart(8)} ms  (max ${xs[xs.length - 1]!.toFixed(1)})  target ${target} ms ${median <= target ? 'met ' : 'MISS'}  load ${load()}\n`);
}

process.stdout.write(`${os.cpus().length} CPUs, Node ${process.version}; median of ${RUNS} runs after one warm-up\n`);
const report = longReport();
time(`parse a UN report (${report.length.toLocaleString('en')} characters)`, 100, () => parseUnDocument(report));
const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), '../../src/knowledge/extraction/fixtures');
for (const lang of LANGS) {
  const part = fs.readFileSync(path.join(fixtures, `${lang}.txt`), 'utf8');
  let doc = '';
  while (doc.length < 200_000) doc += `${part}\n`;
  time(`references in ${doc.length.toLocaleString('en')} characters (${lang})`, 200, () => extractReferences(doc, { lang }));
}
const inputs = referenceInputs();
time(`draw the reviewers of ${inputs.states.length} States`, 1000, (i) => drawReviewers(inputs, `bench-${i}`));
