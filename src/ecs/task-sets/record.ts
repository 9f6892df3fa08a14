/** The record of a task set: one deployment of a service with the EXTERNAL deployment controller. */
import type { NetworkConfiguration, Tag } from '../../shapes.js';
import type { ClientTokenRecord } from '../shared/client-token.js';

export interface TaskSetRecord {
  /** `ecs-svc/` and 19 digits */
  readonly id: string;
  readonly arn: string;
  readonly externalId: string | undefined;
  /** PRIMARY (one per service, once chosen), ACTIVE, or DRAINING once deleted (gone when its tasks are) */
  status: 'PRIMARY' | 'ACTIVE' | 'DRAINING';
  readonly taskDefinitionArn: string;
  readonly launchType: 'EC2' | 'FARGATE';
  readonly networkConfiguration: NetworkConfiguration | undefined;
  /** percent of the service's desiredCount */
  scalePercent: number;
  /** epoch ms */
  readonly createdAt: number;
  updatedAt: number;
  stabilityStatus: 'STEADY_STATE' | 'STABILIZING';
  stabilityStatusAt: number;
  tags: Tag[];
  /** the client token CreateTaskSet was called with, and its request (`shared/client-token.ts`) */
  readonly clientToken?: ClientTokenRecord | undefined;
}
