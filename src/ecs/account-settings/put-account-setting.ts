/**
 * PutAccountSetting (reference §4): a setting of the caller, or of `principalArn` (see principals.ts
 * for who may name whom).
 */
import type { PutAccountSettingRequest, PutAccountSettingResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { requestObject, requiredEnum } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import { targetOf, write } from './principals.js';
import { SETTING_NAMES, SETTING_VALUES } from './settings.js';

/**
 * PutAccountSetting: sets `name` to `value` for the caller, or for `principalArn` (only the root
 * user or that principal itself may pass it). The root user's setting is the account default.
 *
 * @example
 * sim.putAccountSetting({ name: 'containerInstanceLongArnFormat', value: 'disabled' }, { principalArn: 'arn:aws:iam::123456789012:role/ecsInstanceRole' });
 * // → { setting: { name: 'containerInstanceLongArnFormat', value: 'disabled', principalArn: 'arn:aws:iam::123456789012:role/ecsInstanceRole' } }
 */
export const putAccountSetting = operation({ name: 'PutAccountSetting', mutates: true, handler });

function handler(state: SimState, request: PutAccountSettingRequest, call: CallContext | undefined): PutAccountSettingResponse {
  const input = requestObject(request, 'PutAccountSetting');
  const name = requiredEnum(input, 'name', SETTING_NAMES);
  const value = requiredEnum(input, 'value', SETTING_VALUES);
  const { owner } = targetOf(state, input, call, 'PutAccountSetting');
  write(state, owner, name, value);
  return { setting: { name, value, principalArn: owner } };
}
