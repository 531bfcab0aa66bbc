#!/usr/bin/env node
// Palermo's standalone draw verifier: recomputes a published drawing of lots from its package and compares.
// A second implementation written from docs/DRAW.md, with Node's built-ins only (node:crypto, node:fs, node:url): no database,
// no project code, no package. Usage: node tools/verify-draw.mjs package.json   (or - for stdin)
// A package is {kind: 'reviewers'|'groups', algorithm, seed, inputs, redraws, result, inputsSha256?, resultSha256?}.
// Prints "OK" and exits 0 when the recomputed result is byte-identical in canonical JSON, else the differences and 1.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const REVIEWERS = 'palermo-reviewers-rfc3797-sha256-v1';
const GROUPS = 'palermo-groups-rfc3797-sha256-v1';

// Canonical JSON: sorted keys (code units), no whitespace, integers only, undefined members left out.
function canon(v) {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new Error(`not a safe integer: ${v}`);
    return Object.is(v, -0) ? '0' : String(v);
  }
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canon(v[k])}`).join(',')}}`;
  }
  throw new Error(`cannot write ${typeof v}`);
}
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// Seed key: NFC, runs of ECMAScript whitespace → one space, trimmed. h_i = SHA-256(u32be(i) ‖ UTF-8(key) ‖ u32be(i)).
function keyOf(seed) {
  const key = String(seed).normalize('NFC').replace(/[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
  if (!key) throw new Error('the seed is empty');
  return key;
}
function selector(key) {
  let i = 0;
  return (pool) => {
    const n = Buffer.alloc(4);
    n.writeUInt32BE(i);
    const h = createHash('sha256').update(n).update(key, 'utf8').update(n).digest('hex');
    return { value: pool[Number(BigInt(`0x${h}`) % BigInt(pool.length))], selection: i++ };
  };
}

function reviewers(inputs, seed, redraws) {
  if (inputs.algorithm !== REVIEWERS) throw new Error(`unknown algorithm ${inputs.algorithm}`);
  const key = keyOf(seed);
  const pick = selector(key);
  const main = inputs.instrument;
  const by = new Map(inputs.states.map((s) => [s.iso3, s]));
  const states = [...inputs.states].sort((a, b) => cmp(a.iso3, b.iso3));
  const drawable = states.filter((s) => s.parties.includes(main));
  const excluded = [...(inputs.excluded ?? [])];
  for (const s of states) {
    if (s.unknown.includes(main)) excluded.push({ state: s.iso3, reason: `status for ${main} not loaded (unknown): neither reviewed nor drawn until the secretariat completes it` });
    else if (s.parties.includes(main) && s.unknown.length) excluded.push({ state: s.iso3, reason: `status for ${s.unknown.join(', ')} not loaded (unknown): not reviewed for it nor drawn to review it until the secretariat completes it` });
  }
  const slotsOf = new Map(); // reviewed → [{slot, holder, instruments, selection, previous}]
  const load = new Map();
  const relaxations = [];
  const applied = [];
  const party = (c, x) => c.parties.includes(x);
  const holdersOf = (r) => (slotsOf.get(r) ?? []).filter((s) => s.holder).map((s) => s.holder);
  const instrumentsOf = (r) => inputs.instruments.filter((x) => party(r, x));
  const shares = (a, b) => a.legalFamilies.some((f) => b.legalFamilies.includes(f));
  const eligible = (r, c) => c.iso3 !== r.iso3 && !holdersOf(r.iso3).includes(c.iso3) && (load.get(c.iso3) ?? 0) < inputs.cap
    && (inputs.mutual || !holdersOf(c.iso3).includes(r.iso3));
  const fill = (r, slot, base, prefs) => {
    for (let k = 0; k <= prefs.length; k++) {
      const pool = base.filter((c) => prefs.slice(k).every((p) => p.keep(c)));
      if (!pool.length) continue;
      const { value, selection } = pick(pool);
      for (const p of prefs.slice(0, k)) relaxations.push({ reviewed: r.iso3, slot: slot.slot, rule: p.rule, selection });
      slot.holder = value.iso3;
      slot.selection = selection;
      slot.instruments = instrumentsOf(r).filter((x) => party(value, x));
      load.set(value.iso3, (load.get(value.iso3) ?? 0) + 1);
      return true;
    }
    return false;
  };
  const primaryBase = (r, slot) => drawable.filter((c) => eligible(r, c) && !slot.previous.includes(c.iso3)
    && (slot.slot === 'own-group' ? c.group === r.group : c.group !== r.group));
  const legal = (r, slot) => (slot.slot !== 'other-group' || !r.legalFamilies.length || holdersOf(r.iso3).some((c) => shares(r, by.get(c)))
    ? [] : [{ rule: 'legal-system', keep: (c) => shares(r, c) }]);
  const additional = (r, label) => {
    const slots = slotsOf.get(r.iso3);
    for (;;) {
      const filled = slots.filter((s) => s.slot !== 'additional' && s.holder).length;
      const need = instrumentsOf(r).filter((x) => x !== main && slots.filter((s) => s.holder && s.instruments.includes(x)).length < filled);
      if (!need.length) return;
      if (holdersOf(r.iso3).length >= inputs.maxReviewers) {
        excluded.push({ state: r.iso3, reason: `additional reviewer for ${need.join(', ')} unfilled${label}: the most reviewing States per review (${inputs.maxReviewers}) reached` });
        return;
      }
      const slot = { slot: 'additional', holder: null, instruments: [], selection: null, previous: [] };
      const gone = slots.flatMap((s) => s.previous);
      const base = drawable.filter((c) => eligible(r, c) && !gone.includes(c.iso3) && need.some((x) => party(c, x)));
      if (!fill(r, slot, base, [{ rule: 'additional-partial', keep: (c) => need.every((x) => party(c, x)) }])) {
        excluded.push({ state: r.iso3, reason: `additional reviewer for ${need.join(', ')} unfilled${label}: no eligible State party to them` });
        return;
      }
      slot.instruments = need.filter((x) => party(by.get(slot.holder), x));
      slots.push(slot);
    }
  };
  for (const r of drawable) {
    const slots = [];
    slotsOf.set(r.iso3, slots);
    for (const name of ['own-group', 'other-group']) {
      const slot = { slot: name, holder: null, instruments: [], selection: null, previous: [] };
      slots.push(slot);
      if (!fill(r, slot, primaryBase(r, slot), legal(r, slot))) excluded.push({ state: r.iso3, reason: `${name} slot unfilled: no eligible State in its pool` });
    }
    additional(r, '');
  }
  redraws.forEach((q, seq) => {
    const r = by.get(q.reviewed);
    const slots = slotsOf.get(q.reviewed);
    if (!r || !slots) throw new Error(`redraw ${seq}: ${q.reviewed} is not reviewed in this draw`);
    const slot = slots.find((s) => s.slot === q.slot && s.holder === q.replaced);
    if (!slot) throw new Error(`redraw ${seq}: ${q.replaced} does not hold the ${q.slot} slot of ${q.reviewed}`);
    if (q.requestedBy !== q.reviewed && !holdersOf(q.reviewed).includes(q.requestedBy)) throw new Error(`redraw ${seq}: ${q.requestedBy} is not in the review`);
    const asked = applied.filter((a) => a.reviewed === q.reviewed && a.requestedBy === q.requestedBy).length;
    if (asked >= 2 && !q.exceptional) throw new Error(`redraw ${seq}: a third redraw by ${q.requestedBy} without an exception`);
    const held = slot.instruments;
    slot.previous.push(q.replaced);
    slot.holder = null;
    slot.selection = null;
    load.set(q.replaced, load.get(q.replaced) - 1);
    const label = ` after redraw ${seq}`;
    const coverage = { rule: 'redraw-coverage', keep: (c) => held.every((x) => party(c, x)) };
    let ok;
    if (slot.slot === 'additional') {
      ok = fill(r, slot, drawable.filter((c) => eligible(r, c) && !slot.previous.includes(c.iso3) && held.some((x) => party(c, x))), [coverage]);
      if (ok) slot.instruments = held.filter((x) => party(by.get(slot.holder), x));
    } else {
      ok = fill(r, slot, primaryBase(r, slot), [...legal(r, slot), coverage]);
    }
    if (!ok) excluded.push({ state: r.iso3, reason: `${slot.slot} slot unfilled${label}: no eligible State in its pool` });
    applied.push({ seq, reviewed: q.reviewed, slot: q.slot, replaced: q.replaced, requestedBy: q.requestedBy, exceptional: q.exceptional === true, drawn: slot.holder, selection: slot.selection });
    if (ok || slot.slot !== 'additional') additional(r, label);
  });
  return {
    seed, key, algorithm: REVIEWERS, instrument: main, cap: inputs.cap, mutual: inputs.mutual, maxReviewers: inputs.maxReviewers,
    inputsSha256: sha256(canon(inputs)),
    pairs: drawable.map((r) => ({ reviewed: r.iso3, reviewers: slotsOf.get(r.iso3).filter((s) => s.holder).map((s) => ({ state: s.holder, slot: s.slot, instruments: s.instruments, selection: s.selection })) })),
    excluded: excluded.sort((a, b) => cmp(a.state, b.state)),
    relaxations,
    redraws: applied,
  };
}

function groups(inputs, seed) {
  if (inputs.algorithm !== GROUPS) throw new Error(`unknown algorithm ${inputs.algorithm}`);
  const key = keyOf(seed);
  const pick = selector(key);
  const main = inputs.instrument;
  const states = [...inputs.states].sort((a, b) => cmp(a.iso3, b.iso3));
  const excluded = [...(inputs.excluded ?? [])];
  for (const s of states) if (s.unknown.includes(main)) excluded.push({ state: s.iso3, reason: `status for ${main} not loaded (unknown): in no group until the secretariat completes it` });
  const parties = states.filter((s) => s.parties.includes(main));
  const sequence = [];
  for (const pool of [...new Set(parties.map((s) => s.group))].sort(cmp)) {
    const remaining = parties.filter((s) => s.group === pool).map((s) => s.iso3);
    while (remaining.length) {
      const { value } = pick(remaining);
      sequence.push(value);
      remaining.splice(remaining.indexOf(value), 1);
    }
  }
  return {
    seed, key, algorithm: GROUPS, inputsSha256: sha256(canon(inputs)),
    groups: Array.from({ length: inputs.groups }, (_, g) => ({ group: g + 1, states: sequence.filter((_, k) => k % inputs.groups === g).sort(cmp) })),
    excluded: excluded.sort((a, b) => cmp(a.state, b.state)),
  };
}

/** Where two JSON values differ, as paths (at most `max`). */
function differences(a, b, path = '$', out = [], max = 20) {
  if (out.length >= max) return out;
  if (canon(a ?? null) === canon(b ?? null)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = Array.isArray(a) ? [...Array(Math.max(a.length, b.length)).keys()] : [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) differences(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`, out, max);
    return out;
  }
  out.push(`${path}: published ${canon(a ?? null)}, recomputed ${canon(b ?? null)}`);
  return out;
}

export function verify(pkg) {
  const problems = [];
  if (pkg.inputsSha256 !== undefined && pkg.inputsSha256 !== sha256(canon(pkg.inputs))) problems.push('inputsSha256 does not match the inputs');
  if (pkg.resultSha256 !== undefined && pkg.resultSha256 !== sha256(canon(pkg.result))) problems.push('resultSha256 does not match the result');
  if (pkg.algorithm !== undefined && pkg.inputs?.algorithm !== pkg.algorithm) problems.push(`the package says algorithm ${pkg.algorithm}, its inputs ${pkg.inputs?.algorithm}`);
  let mine;
  try {
    if (pkg.kind === 'reviewers') mine = reviewers(pkg.inputs, pkg.seed, pkg.redraws ?? []);
    else if (pkg.kind === 'groups') mine = groups(pkg.inputs, pkg.seed);
    else throw new Error(`unknown kind ${pkg.kind}`);
  } catch (err) {
    return [...problems, `cannot recompute: ${err.message}`];
  }
  if (canon(mine) !== canon(pkg.result)) problems.push(...differences(pkg.result, mine));
  return problems;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (isMain) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node tools/verify-draw.mjs <package.json | ->\n');
    process.exit(2);
  }
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${err.message}\n`);
    process.exit(2);
  }
  const problems = verify(pkg);
  if (problems.length) {
    process.stdout.write(`DIFFERENT\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('OK\n');
}
