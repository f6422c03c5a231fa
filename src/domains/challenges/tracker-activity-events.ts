import type { DomainEvent } from '../../es/index.js';
import type { ActivityDetails } from './challenge-values.js';

export type TrackerActivityEvent =
  | DomainEvent<'TrackerActivityReceived', ActivityDetails>
  | DomainEvent<'TrackerActivityDeleted', { activityId: string; athleteId: string }>;
