// The inspection API: what other parts of Fieldbook import.
export { inspectFile, createInspectionPool, type InspectionPool, type InspectionPoolOptions } from './inspectionPool';
export { inspectInThread } from './inspectInThread';
export { InspectionResult, emptyInspection, BEHAVIOURS, type Behaviour } from '../../../shared/inspection';
export { DEFAULT_LIMITS, type InspectionLimits } from './limits';
export { toRuleFacts } from './toRuleFacts';
export { describeInspection } from './describeInspection';
