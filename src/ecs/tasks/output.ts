/** The DescribeTasks / RunTask shape of a task record. */
import type { Tag, TaskOverride } from '../../shapes.js';
import { clusterArn, containerArn } from '../shared/arns.js';
import type { SimState } from '../state/state.js';
import type { TaskRecord } from './record.js';

/** The Fargate platform version of June 2019 (`LATEST` then), which every FARGATE task runs on. */
export const FARGATE_PLATFORM_VERSION = '1.3.0';

/** A task as DescribeTasks answers it (assignable to the SDK's `Task`, with what the simulator always fills in required). */
export interface TaskOutput {
  taskArn: string;
  clusterArn: string;
  taskDefinitionArn: string;
  /** absent for a FARGATE task */
  containerInstanceArn?: string;
  overrides: TaskOverride;
  lastStatus: string;
  desiredStatus: string;
  cpu?: string;
  memory?: string;
  containers: {
    containerArn: string; taskArn: string; name: string; lastStatus: string; exitCode?: number; reason?: string;
    networkBindings: { bindIP: string; hostPort: number; protocol: 'tcp' | 'udp' }[]; networkInterfaces: never[];
  }[];
  startedBy?: string;
  version: number;
  stoppedReason?: string;
  createdAt: Date;
  startedAt?: Date;
  stoppingAt?: Date;
  stoppedAt?: Date;
  group: string;
  launchType: 'EC2' | 'FARGATE';
  /** FARGATE tasks: the platform version they run on */
  platformVersion?: string;
  attachments: never[];
  tags?: Tag[];
}

/** The DescribeTasks shape of a task record (tags only when asked for). */
export function describeTask(state: SimState, task: TaskRecord, includeTags: boolean): TaskOutput {
  const cluster = clusterArn(state.ctx, task.clusterName);
  // Static host ports are the task's; they are shown on its first container (the simulator
  // does not track which container mapped which port).
  const bindings = [
    ...task.reservation.tcpPorts.map((hostPort) => ({ bindIP: '0.0.0.0', hostPort, protocol: 'tcp' as const })),
    ...task.reservation.udpPorts.map((hostPort) => ({ bindIP: '0.0.0.0', hostPort, protocol: 'udp' as const })),
  ];
  const out: TaskOutput = {
    taskArn: task.arn,
    clusterArn: cluster,
    taskDefinitionArn: task.taskDefinitionArn,
    ...(task.containerInstanceArn === undefined ? {} : { containerInstanceArn: task.containerInstanceArn }),
    overrides: task.overrides === undefined ? { containerOverrides: [] } : (JSON.parse(JSON.stringify(task.overrides)) as TaskOverride),
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    ...(task.cpu === undefined ? {} : { cpu: task.cpu }),
    ...(task.memory === undefined ? {} : { memory: task.memory }),
    containers: task.containers.map((name, i) => {
      // What the agent reported of the container, if anything; else it follows the task.
      const report = task.containerReports?.[name];
      return {
        // Container ARNs are derived from the task id and the container name, so they are stable.
        containerArn: containerArn(state.ctx, task.clusterName, task.id, name),
        taskArn: task.arn,
        name,
        lastStatus: report?.lastStatus ?? task.lastStatus,
        ...(report?.exitCode === undefined ? {} : { exitCode: report.exitCode }),
        ...(report?.reason === undefined ? {} : { reason: report.reason }),
        networkBindings: i === 0 ? bindings : [],
        networkInterfaces: [],
      };
    }),
    ...(task.startedBy === undefined ? {} : { startedBy: task.startedBy }),
    version: task.version,
    ...(task.stoppedReason === undefined ? {} : { stoppedReason: task.stoppedReason }),
    createdAt: new Date(task.createdAt),
    ...(task.startedAt === undefined ? {} : { startedAt: new Date(task.startedAt) }),
    ...(task.stoppingAt === undefined ? {} : { stoppingAt: new Date(task.stoppingAt) }),
    ...(task.stoppedAt === undefined ? {} : { stoppedAt: new Date(task.stoppedAt) }),
    group: task.group,
    launchType: task.launchType,
    ...(task.launchType === 'FARGATE' ? { platformVersion: FARGATE_PLATFORM_VERSION } : {}),
    attachments: [],
  };
  if (includeTags) out.tags = task.tags.map((t) => ({ ...t }));
  return out;
}
