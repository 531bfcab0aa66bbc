import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refsCommand } from '../../cli/commands/refs.ts';
import { UsageError } from '../../cli/cli-context.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-refs-'));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}

describe('palermo refs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints JSON Lines', async () => {
    const f = path.join(tmp, 'a.txt');
    fs.writeFileSync(f, '\uFEFF《公约》第 18 条第 13 款和第 8/2 号决议');
    const { out } = capture();
    expect(await refsCommand([f])).toBe(0);
    const lines = out.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind)).toEqual(['article', 'resolution']);
    expect(lines[0]).toMatchObject({ instrument: 'UNTOC', article: 18, paragraph: 13, start: 5 });
  });

  it('honours --lang', async () => {
    const f = path.join(tmp, 'b.txt');
    fs.writeFileSync(f, 'article 5');
    const { out } = capture();
    expect(await refsCommand([f, '--lang', 'en'])).toBe(0);
    expect(JSON.parse(out.join('').trim())).toMatchObject({ kind: 'article', article: 5 });
  });

  it('fails on a missing file or binary input, and on bad usage', async () => {
    const { err } = capture();
    expect(await refsCommand([path.join(tmp, 'nope.txt')])).toBe(1);
    const bin = path.join(tmp, 'c.bin');
    fs.writeFileSync(bin, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    expect(await refsCommand([bin])).toBe(1);
    const nul = path.join(tmp, 'd.bin');
    fs.writeFileSync(nul, Buffer.from('abc\u0000def'));
    expect(await refsCommand([nul])).toBe(1);
    expect(err.length).toBe(3);
    await expect(refsCommand([])).rejects.toBeInstanceOf(UsageError);
    await expect(refsCommand(['x', '--lang', 'de'])).rejects.toBeInstanceOf(UsageError);
    await expect(refsCommand(['x', '--bogus'])).rejects.toThrow();
  });
});
