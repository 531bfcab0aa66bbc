/** The workflow kit: machines as data, allowed actions, transitions with history, schemas, diagrams. */
export { defineMachine, priorAction, relationship, requiredFields, role, type Guard, type Machine, type Refusal, type TransitionDef } from './machine.ts';
export { allowedActions, assertAllowed, WorkflowRefusal, type ActionAvailability } from './allowed.ts';
export { listTransitions, recordCreation, transition, type TransitionRow } from './transition.ts';
export { actionEnum, actionsSchema, historySchema, stateEnum, transitionDto } from './schemas.ts';
export { toMermaid } from './mermaid.ts';
