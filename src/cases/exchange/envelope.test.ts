import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, envelopeDigest, parseEnvelope, type Envelope } from './envelope.ts';
import { deliveryOverdue, evidenceDigest, parseEvidence, transmissionOf, type Evidence, type EvidenceType } from './evidence.ts';

const party = (state: string) => ({ state, authority: { name: `Central authority of ${state}`, entryId: null }, instance: 'local' });

function submit(over: Partial<Envelope> = {}): Envelope {
  return parseEnvelope({
    version: 'palermo-exchange/1',
    messageId: randomUUID(),
    conversationId: randomUUID(),
    inReplyTo: null,
    createdAt: '2026-12-02T10:00:00.000Z',
    sender: party('FRA'),
    recipient: party('CHN'),
    references: { sender: 'FRA-MLA-2026-0001', recipient: null },
    type: 'case.submit',
    payload: {
      kind: 'mla', title: 'Bank records', summary: '', legalBasis: 'convention', legalBasisArticle: 'UNTOC:18', legalBasisTreaty: null,
      offences: ['Money laundering'], crimeTypes: ['money-laundering'], measures: ['bank-records'], persons: [], deadline: null,
      deadlineReason: null, confidentiality: 'confidential', urgent: false, channel: 'platform', note: '',
    },
    attachments: [{ sha256: 'a'.repeat(64), size: 10, mediaType: 'application/pdf', fileName: 'request.pdf', role: 'request', language: 'fr' }],
    ...over,
  });
}

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined members, so key order never changes the digest', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
    const e = submit();
    const shuffled = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(e).reverse())));
    expect(envelopeDigest(shuffled)).toBe(envelopeDigest(e));
  });

  it('is the SHA-256 of the canonical text, and changes with any field', () => {
    const e = submit();
    expect(envelopeDigest(e)).toBe(createHash('sha256').update(canonicalJson(e)).digest('hex'));
    const other = { ...e, attachments: [{ ...e.attachments[0]!, size: 11 }] };
    expect(envelopeDigest(other)).not.toBe(envelopeDigest(e));
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
  });
});

describe('envelope schema', () => {
  it('refuses a malformed envelope, naming the field', () => {
    expect(() => submit({ sender: party('CHN') })).toThrow(/two States/);
    expect(() => parseEnvelope({ ...submit(), attachments: [{ sha256: 'xyz', size: 1, mediaType: 'a', fileName: 'b', role: 'request', language: null }] }))
      .toThrow(/SHA-256/);
    expect(() => parseEnvelope({ ...submit(), type: 'case.teleport' })).toThrow();
    expect(() => parseEnvelope({ ...submit(), version: 'palermo-exchange/0' })).toThrow();
  });
});

describe('evidences', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 11, 2, h)).toISOString();
  const ev = (type: EvidenceType, h: number) => ({ type, at: at(h) });

  it('a higher step supersedes a lower one, whatever order they arrive in', () => {
    expect(transmissionOf([])).toBe('prepared');
    expect(transmissionOf([ev('submission_acceptance', 1)])).toBe('sent');
    expect(transmissionOf([ev('delivery', 2), ev('submission_acceptance', 1)])).toBe('delivered');
    expect(transmissionOf([ev('retrieval', 3), ev('delivery', 2), ev('submission_acceptance', 1)])).toBe('retrieved');
    expect(transmissionOf([ev('submission_acceptance', 1), ev('non_delivery', 2)])).toBe('failed');
    expect(transmissionOf([ev('submission_rejection', 1)])).toBe('rejected');
    // a late relay failure does not undo a delivery already proven
    expect(transmissionOf([ev('delivery', 2), ev('relay_failure', 5)])).toBe('delivered');
  });

  it('the sender declares a failure only after 24 hours without relay or delivery', () => {
    const sent = new Date(at(0));
    const list = [ev('submission_acceptance', 0)];
    expect(deliveryOverdue(sent, list, new Date(at(23)))).toBe(false);
    expect(deliveryOverdue(sent, list, new Date(Date.parse(at(0)) + 24 * 3_600_000))).toBe(true);
    expect(deliveryOverdue(sent, [...list, ev('delivery', 1)], new Date(at(30)))).toBe(false);
  });

  it('an evidence names the envelope by its digest, and has a digest of its own', () => {
    const e = submit();
    const evidence: Evidence = parseEvidence({
      evidenceId: randomUUID(), type: 'delivery', messageId: e.messageId, messageDigest: envelopeDigest(e), at: at(1),
      issuer: { kind: 'platform', instance: 'local', state: 'CHN', user: null }, reason: null,
    });
    expect(evidenceDigest(evidence)).toMatch(/^[0-9a-f]{64}$/);
    expect(evidenceDigest({ ...evidence, at: at(2) })).not.toBe(evidenceDigest(evidence));
    expect(() => parseEvidence({ ...evidence, messageDigest: 'abc' })).toThrow();
    expect(() => parseEvidence({ ...evidence, type: 'read_receipt' })).toThrow();
  });
});
