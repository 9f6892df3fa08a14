/**
 * PutAccountSettingDefault (reference §4): the account default, i.e. the root user's setting.
 */
import type { PutAccountSettingDefaultRequest, PutAccountSettingDefaultResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { rootArn } from '../shared/arns.js';
import { requestObject, requiredEnum } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import { checkedCaller, write } from './principals.js';
import { SETTING_NAMES, SETTING_VALUES } from './settings.js';

/**
 * PutAccountSettingDefault: sets the account default (the root user's setting), which applies to
 * every IAM user and role without a setting of its own. Any principal of the account may call it.
 *
 * @example
 * sim.putAccountSettingDefault({ name: 'awsvpcTrunking', value: 'enabled' });
 * // → { setting: { name: 'awsvpcTrunking', value: 'enabled', principalArn: 'arn:aws:iam::123456789012:root' } }
 */
export const putAccountSettingDefault = operation({ name: 'PutAccountSettingDefault', mutates: true, handler });

function handler(state: SimState, request: PutAccountSettingDefaultRequest, call: CallContext | undefined): PutAccountSettingDefaultResponse {
  const input = requestObject(request, 'PutAccountSettingDefault');
  const name = requiredEnum(input, 'name', SETTING_NAMES);
  const value = requiredEnum(input, 'value', SETTING_VALUES);
  checkedCaller(state, call, 'PutAccountSettingDefault');
  const root = rootArn(state.ctx);
  write(state, root, name, value);
  return { setting: { name, value, principalArn: root } };
}
