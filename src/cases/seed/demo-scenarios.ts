import type { CaseAction } from '../case.workflow.ts';

/**
 * How demo requests go, as paths through the workflow machine: each step an action with the days it takes after
 * the previous one ([min, max], drawn by the seeded generator). A case starting on a day such that a step would
 * fall after today stops before it: that is how the demo has open cases at every stage, and old ones finished.
 * Markers in `body`: `answersLastQuery` (answer_query fills in the seq of the last progress query).
 */
export interface ScenarioStep {
  action: CaseAction;
  days: readonly [number, number];
  note?: string;
  body?: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  direction: 'incoming' | 'outgoing';
  /** Relative weight among the scenarios of its direction. */
  weight: number;
  /** Outgoing: registered as already sent (another channel), rather than prepared on the platform. */
  sentOutside?: boolean;
  steps: readonly ScenarioStep[];
}

const EXEC = 'Executing authority (fictitious, demo)';
const review: ScenarioStep[] = [
  { action: 'acknowledge', days: [1, 4], note: 'Acknowledgement of receipt sent to the requesting central authority' },
  { action: 'register', days: [0, 3] },
  { action: 'start_review', days: [2, 10] },
];
const execution: ScenarioStep[] = [
  { action: 'accept', days: [5, 25], note: 'Complete and legally sufficient' },
  { action: 'pass_to_executing', days: [2, 8], body: { authority: { name: EXEC } } },
  { action: 'start_execution', days: [3, 20] },
];

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'executed', direction: 'incoming', weight: 6,
    steps: [...review, ...execution, { action: 'execute', days: [20, 140] }, { action: 'close', days: [2, 15] }],
  },
  {
    name: 'executed after additional information', direction: 'incoming', weight: 3,
    steps: [
      ...review,
      { action: 'request_info', days: [5, 20], note: 'Please state the link between the accounts and the offence (art. 18(16))' },
      { action: 'supply_info', days: [10, 60], note: 'Additional information received from the requesting State' },
      ...execution, { action: 'execute', days: [20, 120] }, { action: 'close', days: [2, 10] },
    ],
  },
  {
    name: 'partially executed, progress query answered', direction: 'incoming', weight: 3,
    steps: [
      ...review, ...execution,
      { action: 'progress_query', days: [20, 40], note: 'The requesting State asks how execution is progressing' },
      { action: 'answer_query', days: [3, 12], note: 'Bank records obtained; the witness could not be located yet', body: { answersLastQuery: true } },
      { action: 'report_partial', days: [10, 40], note: 'Part of the requested records transmitted' },
      { action: 'execute', days: [20, 60], body: { partial: true }, note: 'The witness could not be found: executed in part' },
      { action: 'close', days: [3, 10] },
    ],
  },
  {
    name: 'refused after consultation', direction: 'incoming', weight: 3,
    steps: [
      ...review,
      { action: 'consult', days: [10, 30], note: 'Consulted the requesting central authority by video call; it could not supply the missing elements' },
      { action: 'refuse', days: [5, 20], body: { ground: 'dual-criminality', reasons: 'The conduct described is not an offence under the law of the requested State, and coercive measures are sought' } },
      { action: 'close', days: [1, 7] },
    ],
  },
  {
    name: 'refused on ordre public', direction: 'incoming', weight: 1,
    steps: [
      ...review,
      { action: 'consult', days: [7, 20], note: 'Consultation held; the requesting State maintained the request' },
      { action: 'refuse', days: [3, 15], body: { ground: 'sovereignty-security-ordre-public', reasons: 'Execution would prejudice essential interests of the requested State, as explained to the requesting State' } },
      { action: 'close', days: [1, 5] },
    ],
  },
  {
    name: 'returned as incomplete', direction: 'incoming', weight: 1,
    steps: [{ action: 'register', days: [1, 4] }, { action: 'return_incomplete', days: [3, 12], note: 'No summary of the facts and no translation attached' }, { action: 'close', days: [1, 4] }],
  },
  {
    name: 'forwarded', direction: 'incoming', weight: 1,
    steps: [{ action: 'forward', days: [1, 5], body: { authority: { name: 'Competent authority for customs matters (fictitious, demo)' } } }, { action: 'close', days: [1, 4] }],
  },
  {
    name: 'withdrawn', direction: 'incoming', weight: 1,
    steps: [...review, { action: 'withdraw', days: [15, 60], note: 'The requesting State withdrew the request: proceedings discontinued' }, { action: 'close', days: [1, 5] }],
  },
  {
    name: 'postponed', direction: 'incoming', weight: 1,
    steps: [
      ...review, ...execution,
      { action: 'consult', days: [5, 15], note: 'Consulted on postponing until the domestic trial ends' },
      { action: 'postpone', days: [2, 6], note: 'Execution would interfere with an ongoing domestic investigation (art. 18(25))' },
      { action: 'resume', days: [60, 120] }, { action: 'execute', days: [10, 40] }, { action: 'close', days: [2, 8] },
    ],
  },
  {
    name: 'slow, progress query unanswered', direction: 'incoming', weight: 2,
    steps: [
      ...review, ...execution,
      { action: 'progress_query', days: [60, 90], note: 'The requesting State asks for news of the execution' },
      { action: 'explain_delay', days: [20, 40], body: { step: 'execute', reason: 'The executing authority is short of staff', newEstimate: '+60' } },
      { action: 'execute', days: [120, 200] }, { action: 'close', days: [2, 10] },
    ],
  },
  {
    name: 'sent by post, executed', direction: 'outgoing', weight: 3, sentOutside: true,
    steps: [
      { action: 'record_counterpart_status', days: [10, 40], body: { status: 'under_review' }, note: 'The requested State acknowledged receipt and is reviewing the request' },
      { action: 'progress_query', days: [30, 80], note: 'Asked the requested central authority for news' },
      { action: 'record_counterpart_status', days: [20, 120], body: { status: 'executed' }, note: 'Execution results received' },
      { action: 'close', days: [2, 10] },
    ],
  },
  {
    name: 'sent by diplomatic channel, refused', direction: 'outgoing', weight: 1, sentOutside: true,
    steps: [
      { action: 'record_counterpart_status', days: [20, 60], body: { status: 'info_requested' }, note: 'The requested State asks for additional information' },
      { action: 'supply_info', days: [10, 30], note: 'Additional information sent through the embassy' },
      { action: 'record_counterpart_status', days: [30, 90], body: { status: 'refused' }, note: 'Refused for lack of dual criminality after consultation' },
      { action: 'close', days: [2, 10] },
    ],
  },
  {
    name: 'prepared, then withdrawn', direction: 'outgoing', weight: 1,
    steps: [{ action: 'submit', days: [2, 10], note: 'Ready for the director’s signature' }, { action: 'withdraw', days: [5, 20], note: 'The prosecutor closed the investigation before the request was sent' }, { action: 'close', days: [1, 3] }],
  },
  {
    name: 'in preparation', direction: 'outgoing', weight: 1,
    steps: [{ action: 'note', days: [1, 3], note: 'Translation into the requested State’s language ordered' }, { action: 'submit', days: [20, 60] }],
  },
];
