/** The DescribeTasks / RunTask shape of a task record. */
import type { Tag } from '../../shapes.js';
import { clusterArn, containerArn } from '../shared/arns.js';
import type { SimState } from '../state/state.js';
import type { TaskRecord } from './record.js';

/** A task as DescribeTasks answers it (assignable to the SDK's `Task`, with what the simulator always fills in required). */
export interface TaskOutput {
  taskArn: string;
  clusterArn: string;
  taskDefinitionArn: string;
  containerInstanceArn: string;
  overrides: { containerOverrides: never[] };
  lastStatus: string;
  desiredStatus: string;
  cpu?: string;
  memory?: string;
  containers: { containerArn: string; taskArn: string; name: string; lastStatus: string; networkBindings: { bindIP: string; hostPort: number; protocol: 'tcp' | 'udp' }[]; networkInterfaces: never[] }[];
  startedBy?: string;
  version: number;
  stoppedReason?: string;
  createdAt: Date;
  startedAt?: Date;
  stoppingAt?: Date;
  stoppedAt?: Date;
  group: string;
  launchType: 'EC2';
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
    containerInstanceArn: task.containerInstanceArn,
    overrides: { containerOverrides: [] },
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    ...(task.cpu === undefined ? {} : { cpu: task.cpu }),
    ...(task.memory === undefined ? {} : { memory: task.memory }),
    containers: task.containers.map((name, i) => ({
      // Container ARNs are derived from the task id and the container name, so they are stable.
      containerArn: containerArn(state.ctx, task.clusterName, task.id, name),
      taskArn: task.arn,
      name,
      lastStatus: task.lastStatus,
      networkBindings: i === 0 ? bindings : [],
      networkInterfaces: [],
    })),
    ...(task.startedBy === undefined ? {} : { startedBy: task.startedBy }),
    version: task.version,
    ...(task.stoppedReason === undefined ? {} : { stoppedReason: task.stoppedReason }),
    createdAt: new Date(task.createdAt),
    ...(task.startedAt === undefined ? {} : { startedAt: new Date(task.startedAt) }),
    ...(task.stoppingAt === undefined ? {} : { stoppingAt: new Date(task.stoppingAt) }),
    ...(task.stoppedAt === undefined ? {} : { stoppedAt: new Date(task.stoppedAt) }),
    group: task.group,
    launchType: 'EC2',
    attachments: [],
  };
  if (includeTags) out.tags = task.tags.map((t) => ({ ...t }));
  return out;
}
