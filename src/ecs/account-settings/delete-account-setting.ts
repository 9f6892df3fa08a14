/**
 * DeleteAccountSetting (reference §4): removes a principal's own setting, which it then inherits.
 */
import { InvalidParameterException } from '../../errors.js';
import type { DeleteAccountSettingRequest, DeleteAccountSettingResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { requestObject, requiredEnum } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import { targetOf, type SettingValue } from './principals.js';
import { effectiveSetting, SETTING_NAMES } from './settings.js';

/**
 * DeleteAccountSetting: removes the explicit setting `name` of the caller, or of `principalArn`,
 * and returns the removed entry; the principal then inherits the account default (or, for the
 * root user, the AWS default). InvalidParameterException if that principal has no such setting.
 *
 * @example
 * sim.deleteAccountSetting({ name: 'serviceLongArnFormat', principalArn: 'arn:aws:iam::123456789012:user/alice' });
 * // → { setting: { name: 'serviceLongArnFormat', value: 'disabled', principalArn: 'arn:aws:iam::123456789012:user/alice' } }
 */
export const deleteAccountSetting = operation({ name: 'DeleteAccountSetting', mutates: true, handler });

function handler(state: SimState, request: DeleteAccountSettingRequest, call: CallContext | undefined): DeleteAccountSettingResponse {
  const input = requestObject(request, 'DeleteAccountSetting');
  const name = requiredEnum(input, 'name', SETTING_NAMES);
  const { queried, owner } = targetOf(state, input, call, 'DeleteAccountSetting');
  const value = state.settings.peek(owner)?.get(name);
  if (value === undefined) {
    const whose = queried === owner ? `'${owner}'` : `'${queried}' (whose settings are those of '${owner}')`;
    throw new InvalidParameterException(
      `DeleteAccountSetting: ${whose} has no ${name} setting of its own to delete; its effective value '${effectiveSetting(state, queried, name).value}' is inherited`,
    );
  }
  const own = state.settings.get(owner)!;
  own.delete(name);
  if (own.size === 0) state.settings.delete(owner);
  return { setting: { name, value: value as SettingValue, principalArn: owner } };
}
