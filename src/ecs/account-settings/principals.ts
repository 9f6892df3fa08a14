/**
 * Whose account settings a request is about, and who may name whom (reference §4), for the
 * operations PutAccountSetting, PutAccountSettingDefault, DeleteAccountSetting and
 * ListAccountSettings of the 2019-06-06 API.
 *
 * A setting is stored per principal (`state.settings`); the root user's entries are the account
 * defaults, so PutAccountSettingDefault and PutAccountSetting as (or for) root write the same
 * record. Resolution (principal → account default → AWS default) is `effectiveSetting` in
 * `settings.ts`. Federated principals (STS assumed-role sessions and federated users) have no
 * settings of their own: wherever one is the target it stands for the root user
 * (`settingsPrincipal`).
 *
 * Where the reference is silent (§4.2, §6 item 18), the choices are:
 * - `principalArn` naming someone other than the caller, from a caller that is not the root
 *   user: ClientException. The 2019 model declares only ClientException, ServerException and
 *   InvalidParameterException for these operations (AccessDeniedException came later, §5.4),
 *   and ClientException is documented as "using an action or resource on behalf of a user that
 *   doesn't have permissions". The same rule applies to ListAccountSettings. A federated
 *   caller may name itself, another federated principal or root (all resolve to the root's
 *   record, which it could write with PutAccountSettingDefault anyway), never an IAM user/role.
 * - `principalArn` of another account: InvalidParameterException (the parameter names nothing
 *   in this account; same as a cluster ARN of another account in `clusterNameOf`).
 * - A caller (CallContext / simulator option) that is not a principal of this account:
 *   ClientException (it is who calls, not a request member, that is wrong).
 * - DeleteAccountSetting of a setting the principal has not set: InvalidParameterException
 *   naming the principal and the setting; the response shape promises the removed entry, and
 *   there is none (returning the inherited value would claim it was deleted).
 * - Disabling a long-ARN setting is accepted, as it was in 2019 (refused only from 2021).
 * - PutAccountSettingDefault with a `principalArn` member (not in its model): refused, so
 *   that a mistaken call cannot silently change the whole account's default.
 * - ListAccountSettings order: alphabetical by name (as in every AWS example).
 * - ListAccountSettings with `effectiveSettings: false` labels each entry with the principal
 *   that owns it (for a federated principal: the root); with `true`, with the queried ARN (§4.4).
 * - PutAccountSetting / DeleteAccountSetting targeting a federated principal write / remove
 *   the root's entry and report the root's ARN.
 *
 * Every request is validated in full (members, principal, authorisation) before anything is
 * written, so a rejected call changes nothing.
 */
import { ClientException, cut, InvalidParameterException } from '../../errors.js';
import { principalAccountOf, rootArn } from '../shared/arns.js';
import { optionalString, type Input } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import { callerOf, settingsPrincipal, SETTING_VALUES, type SettingName } from './settings.js';

/** A setting value of the 2019-06-06 API. */
export type SettingValue = (typeof SETTING_VALUES)[number];

/** One account setting as the simulator answers it (`Setting` of the SDK, narrowed to its 2019 names and values). */
export interface AccountSetting {
  name: SettingName;
  value: SettingValue;
  principalArn: string;
}

/** The caller, checked to be a principal of this account. */
export function checkedCaller(state: SimState, call: CallContext | undefined, operation: string): string {
  const caller = callerOf(state, call);
  const account = principalAccountOf(caller);
  if (account !== state.ctx.accountId) {
    throw new ClientException(
      `${operation}: the caller '${cut(caller)}' is not an IAM user, IAM role, root user or federated principal of account ${state.ctx.accountId}`,
    );
  }
  return caller;
}

/** The request's `principalArn`, checked for syntax and account, or undefined when absent. */
function requestedPrincipal(state: SimState, input: Input): string | undefined {
  const arn = optionalString(input, 'principalArn');
  if (arn === undefined) return undefined;
  const account = principalAccountOf(arn);
  if (account === null) {
    throw new InvalidParameterException(
      `principalArn: '${cut(arn)}' is not the ARN of an IAM user, IAM role or root user ` +
        `(arn:aws:iam::<account>:user/<name>, arn:aws:iam::<account>:role/<name>, arn:aws:iam::<account>:root) ` +
        `or of a federated principal (arn:aws:sts::<account>:assumed-role/<role>/<session>, arn:aws:sts::<account>:federated-user/<name>)`,
    );
  }
  if (account !== state.ctx.accountId) {
    throw new InvalidParameterException(`principalArn: '${cut(arn)}' is a principal of account ${account}; this account is ${state.ctx.accountId}`);
  }
  return arn;
}

/**
 * Whose settings a request is about: `queried` is the principal as named (the caller when
 * `principalArn` is omitted), `owner` the principal whose record holds its explicit settings.
 * Only the root user, or the principal itself, may name a principal.
 */
export function targetOf(state: SimState, input: Input, call: CallContext | undefined, operation: string): { queried: string; owner: string } {
  const named = requestedPrincipal(state, input);
  const caller = checkedCaller(state, call, operation);
  const queried = named ?? caller;
  const owner = settingsPrincipal(state, queried);
  if (named !== undefined && caller !== rootArn(state.ctx) && owner !== settingsPrincipal(state, caller)) {
    throw new ClientException(
      `${operation}: '${cut(caller)}' may not use the account settings of '${cut(named)}'; only the root user or the principal itself may pass principalArn`,
    );
  }
  return { queried, owner };
}

/** Sets a principal's own setting. */
export function write(state: SimState, owner: string, name: SettingName, value: SettingValue): void {
  let own = state.settings.get(owner);
  if (own === undefined) {
    own = new Map();
    state.settings.set(owner, own);
  }
  own.set(name, value);
}
