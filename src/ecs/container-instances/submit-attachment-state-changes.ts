/**
 * SubmitAttachmentStateChanges (reference §3.12; agent-only): the agent reports that attachments
 * of container instances in the cluster changed state.
 *
 * - An attachment ARN is `arn:aws:ecs:<region>:<account>:attachment/<attachment id>`, the id
 *   being the `id` of an entry of a container instance's `attachments` (see `attachmentArn`).
 * - `status` must be one of the 2019 Attachment statuses: PRECREATED, CREATED, ATTACHING,
 *   ATTACHED, DETACHING, DETACHED, DELETED.
 * - A malformed ARN, or one that names no attachment of a non-INACTIVE instance of the cluster,
 *   is an InvalidParameterException naming it. All-or-nothing: every entry is checked first.
 * - Entries apply in order (a repeated ARN: the last status wins). Only the attachment changes;
 *   an instance with an attachment whose status ends up different gets `version` + 1 (once per call).
 * - The answer is `{ acknowledgment: 'ACK' }`.
 */
import { cut, InvalidParameterException } from '../../errors.js';
import type { Attachment, SubmitAttachmentStateChangesRequest, SubmitAttachmentStateChangesResponse } from '../../shapes.js';
import { clusterFor } from '../clusters/cluster.js';
import { operation } from '../operation.js';
import { parseAttachmentArn } from '../shared/arns.js';
import { objectAt, requestObject, requiredArray } from '../shared/validate.js';
import type { SimState } from '../state/state.js';
import { touch } from './instances.js';
import type { InstanceRecord } from './record.js';

/** Attachment statuses of the 2019-06-06 API (`FAILED` came later). */
const ATTACHMENT_STATUSES = ['PRECREATED', 'CREATED', 'ATTACHING', 'ATTACHED', 'DETACHING', 'DETACHED', 'DELETED'] as const;

/** The acknowledgment the call answers with. */
const ATTACHMENT_ACKNOWLEDGMENT = 'ACK';

function requiredText(entry: Record<string, unknown>, name: string, where: string): string {
  const v = entry[name];
  if (v === undefined || v === null || v === '') throw new InvalidParameterException(`${where}.${name} is required`);
  if (typeof v !== 'string') throw new InvalidParameterException(`${where}.${name} must be a string`);
  return v;
}

/** @example sim.submitAttachmentStateChanges({ cluster: 'prod', attachments: [{ attachmentArn, status: 'ATTACHED' }] }) // → { acknowledgment: 'ACK' } */
export const submitAttachmentStateChanges = operation({ name: 'SubmitAttachmentStateChanges', mutates: true, handler });

function handler(state: SimState, request: SubmitAttachmentStateChangesRequest): SubmitAttachmentStateChangesResponse {
  const input = requestObject(request, 'SubmitAttachmentStateChanges');
  const cluster = clusterFor(state, input);
  const items = requiredArray(input, 'attachments');

  // Attachments of the cluster's live instances, by id.
  const byId = new Map<string, { record: InstanceRecord; attachment: Attachment }>();
  for (const record of cluster.instances.values()) {
    if (record.status === 'INACTIVE') continue;
    for (const attachment of record.attachments) if (attachment.id !== undefined) byId.set(attachment.id, { record, attachment });
  }

  const changes: { record: InstanceRecord; attachment: Attachment; status: string }[] = [];
  items.forEach((_, i) => {
    const where = `attachments[${i}]`;
    const entry = objectAt(items, i, 'attachments');
    const arn = requiredText(entry, 'attachmentArn', where);
    const status = requiredText(entry, 'status', where);
    const m = parseAttachmentArn(arn);
    if (m === null) {
      throw new InvalidParameterException(`${where}.attachmentArn: '${cut(arn)}' is not an attachment ARN (arn:aws:ecs:<region>:<account>:attachment/<id>)`);
    }
    if (!(ATTACHMENT_STATUSES as readonly string[]).includes(status)) {
      throw new InvalidParameterException(`${where}.status must be one of ${ATTACHMENT_STATUSES.join(', ')}; got '${cut(status)}'`);
    }
    const target = m.region === state.ctx.region && m.accountId === state.ctx.accountId ? byId.get(m.id) : undefined;
    if (target === undefined) {
      throw new InvalidParameterException(`${where}.attachmentArn: no attachment ${cut(arn)} on a container instance of cluster ${cluster.name}`);
    }
    changes.push({ ...target, status });
  });

  // The records found above may be shared with a fork: change this side's own copies.
  for (const change of changes) {
    change.record = cluster.instances.get(change.record.arn)!;
    change.attachment = change.record.attachments.find((a) => a.id === change.attachment.id)!;
  }
  const before = new Map<Attachment, string | undefined>();
  for (const { attachment, status } of changes) {
    if (!before.has(attachment)) before.set(attachment, attachment.status);
    attachment.status = status;
  }
  const changed = new Set<InstanceRecord>();
  for (const { record, attachment } of changes) if (attachment.status !== before.get(attachment)) changed.add(record);
  for (const record of changed) touch(record);
  return { acknowledgment: ATTACHMENT_ACKNOWLEDGMENT };
}
