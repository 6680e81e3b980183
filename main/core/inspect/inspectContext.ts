import type { InspectionResult } from '../../../shared/inspection';
import type { InspectionLimits } from './limits';

/** What every format inspector gets: the file, the limits, and the result it fills in. */
export interface InspectContext {
  path: string;
  /** The lower-case extension without the dot ("xlsx"), or "" when there is none. */
  extension: string;
  limits: InspectionLimits;
  result: InspectionResult;
}
