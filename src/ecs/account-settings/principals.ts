/**
 * Account settings (reference §4): PutAccountSetting, PutAccountSettingDefault,
 * DeleteAccountSetting and ListAccountSettings of the 2019-06-06 API.
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
import { ClientException, InvalidParameterException } from '../../errors.js';
import { rootArn } from '../shared/arns.js';
import { pageOf } from '../shared/pagination.js';
import { callerOf, effectiveSetting, settingsPrincipal, SETTING_NAMES, SETTING_VALUES, type SettingName } from './settings.js';
import type { CallContext, SimState } from '../state/state.js';
import { optionalBoolean, optionalEnum, optionalInteger, optionalString, requestObject, requiredEnum, type Input } from '../shared/validate.js';

/** A setting value of the 2019-06-06 API. */
export type SettingValue = (typeof SETTING_VALUES)[number];

/** One account setting, as ECS returns it (`Setting` in `@aws-sdk/client-ecs`, without the later `type`). */
export interface AccountSetting {
  name: SettingName;
  value: SettingValue;
  principalArn: string;
}

/** PutAccountSetting response (`PutAccountSettingCommandOutput` without `$metadata`). */
export interface PutAccountSettingOutput {
  setting: AccountSetting;
}

/** PutAccountSettingDefault response (`PutAccountSettingDefaultCommandOutput` without `$metadata`). */
export interface PutAccountSettingDefaultOutput {
  setting: AccountSetting;
}

/** DeleteAccountSetting response: the entry that was removed (`DeleteAccountSettingCommandOutput` without `$metadata`). */
export interface DeleteAccountSettingOutput {
  setting: AccountSetting;
}

/** ListAccountSettings response (`ListAccountSettingsCommandOutput` without `$metadata`). */
export interface ListAccountSettingsOutput {
  settings: AccountSetting[];
  nextToken?: string;
}

/** Setting names in listing order (alphabetical); a name's index is its page key. */
const LISTING_ORDER: readonly SettingName[] = [...SETTING_NAMES].sort();

// IAM names: letters, digits and `+=,.@_-`; paths: `/` or `/segment/.../` of printable ASCII.
const IAM_RESOURCE = /^(?:root|(?:user|role)\/(?:[\x21-\x2e\x30-\x7e]+\/)*[\w+=,.@-]{1,64})$/;
const STS_RESOURCE = /^(?:assumed-role\/[\w+=,.@-]{1,64}\/[\w+=,.@-]{2,64}|federated-user\/[\w+=,.@-]{2,32})$/;
const PRINCIPAL_ARN = /^arn:aws:(iam|sts)::(\d{12}):(.+)$/;

/** The account of a syntactically valid principal ARN, or null if it is not one. */
function principalAccount(arn: string): string | null {
  const m = PRINCIPAL_ARN.exec(arn);
  if (m === null) return null;
  const resource = m[3]!;
  return (m[1] === 'iam' ? IAM_RESOURCE : STS_RESOURCE).test(resource) ? m[2]! : null;
}

/** The caller, checked to be a principal of this account. */
function checkedCaller(state: SimState, call: CallContext | undefined, operation: string): string {
  const caller = callerOf(state, call);
  const account = principalAccount(caller);
  if (account !== state.ctx.accountId) {
    throw new ClientException(
      `${operation}: the caller '${caller}' is not an IAM user, IAM role, root user or federated principal of account ${state.ctx.accountId}`,
    );
  }
  return caller;
}

/** The request's `principalArn`, checked for syntax and account, or undefined when absent. */
function requestedPrincipal(state: SimState, input: Input): string | undefined {
  const arn = optionalString(input, 'principalArn');
  if (arn === undefined) return undefined;
  const account = principalAccount(arn);
  if (account === null) {
    throw new InvalidParameterException(
      `principalArn: '${arn}' is not the ARN of an IAM user, IAM role or root user ` +
        `(arn:aws:iam::<account>:user/<name>, arn:aws:iam::<account>:role/<name>, arn:aws:iam::<account>:root) ` +
        `or of a federated principal (arn:aws:sts::<account>:assumed-role/<role>/<session>, arn:aws:sts::<account>:federated-user/<name>)`,
    );
  }
  if (account !== state.ctx.accountId) {
    throw new InvalidParameterException(`principalArn: '${arn}' is a principal of account ${account}; this account is ${state.ctx.accountId}`);
  }
  return arn;
}

/**
 * Whose settings a request is about: `queried` is the principal as named (the caller when
 * `principalArn` is omitted), `owner` the principal whose record holds its explicit settings.
 * Only the root user, or the principal itself, may name a principal.
 */
function targetOf(state: SimState, input: Input, call: CallContext | undefined, operation: string): { queried: string; owner: string } {
  const named = requestedPrincipal(state, input);
  const caller = checkedCaller(state, call, operation);
  const queried = named ?? caller;
  const owner = settingsPrincipal(state, queried);
  if (named !== undefined && caller !== rootArn(state.ctx) && owner !== settingsPrincipal(state, caller)) {
    throw new ClientException(
      `${operation}: '${caller}' may not use the account settings of '${named}'; only the root user or the principal itself may pass principalArn`,
    );
  }
  return { queried, owner };
}

function write(state: SimState, owner: string, name: SettingName, value: SettingValue): void {
  let own = state.settings.get(owner);
  if (own === undefined) {
    own = new Map();
    state.settings.set(owner, own);
  }
  own.set(name, value);
}

/**
 * PutAccountSetting: sets `name` to `value` for the caller, or for `principalArn` (only the root
 * user or that principal itself may pass it). The root user's setting is the account default.
 *
 * @example
 * sim.putAccountSetting({ name: 'containerInstanceLongArnFormat', value: 'disabled' }, { principalArn: 'arn:aws:iam::123456789012:role/ecsInstanceRole' });
 * // → { setting: { name: 'containerInstanceLongArnFormat', value: 'disabled', principalArn: 'arn:aws:iam::123456789012:role/ecsInstanceRole' } }
 */
export function putAccountSetting(state: SimState, request: unknown, call?: CallContext): PutAccountSettingOutput {
  const input = requestObject(request, 'PutAccountSetting');
  const name = requiredEnum(input, 'name', SETTING_NAMES);
  const value = requiredEnum(input, 'value', SETTING_VALUES);
  const { owner } = targetOf(state, input, call, 'PutAccountSetting');
  write(state, owner, name, value);
  return { setting: { name, value, principalArn: owner } };
}

/**
 * PutAccountSettingDefault: sets the account default (the root user's setting), which applies to
 * every IAM user and role without a setting of its own. Any principal of the account may call it.
 *
 * @example
 * sim.putAccountSettingDefault({ name: 'awsvpcTrunking', value: 'enabled' });
 * // → { setting: { name: 'awsvpcTrunking', value: 'enabled', principalArn: 'arn:aws:iam::123456789012:root' } }
 */
export function putAccountSettingDefault(state: SimState, request: unknown, call?: CallContext): PutAccountSettingDefaultOutput {
  const input = requestObject(request, 'PutAccountSettingDefault');
  const name = requiredEnum(input, 'name', SETTING_NAMES);
  const value = requiredEnum(input, 'value', SETTING_VALUES);
  if (input['principalArn'] !== undefined && input['principalArn'] !== null) {
    throw new InvalidParameterException('principalArn: PutAccountSettingDefault has no principalArn; it always sets the account default (use PutAccountSetting for one principal)');
  }
  checkedCaller(state, call, 'PutAccountSettingDefault');
  const root = rootArn(state.ctx);
  write(state, root, name, value);
  return { setting: { name, value, principalArn: root } };
}

/**
 * DeleteAccountSetting: removes the explicit setting `name` of the caller, or of `principalArn`,
 * and returns the removed entry; the principal then inherits the account default (or, for the
 * root user, the AWS default). InvalidParameterException if that principal has no such setting.
 *
 * @example
 * sim.deleteAccountSetting({ name: 'serviceLongArnFormat', principalArn: 'arn:aws:iam::123456789012:user/alice' });
 * // → { setting: { name: 'serviceLongArnFormat', value: 'disabled', principalArn: 'arn:aws:iam::123456789012:user/alice' } }
 */
export function deleteAccountSetting(state: SimState, request: unknown, call?: CallContext): DeleteAccountSettingOutput {
  const input = requestObject(request, 'DeleteAccountSetting');
  const name = requiredEnum(input, 'name', SETTING_NAMES);
  const { queried, owner } = targetOf(state, input, call, 'DeleteAccountSetting');
  const own = state.settings.get(owner);
  const value = own?.get(name);
  if (own === undefined || value === undefined) {
    const whose = queried === owner ? `'${owner}'` : `'${queried}' (whose settings are those of '${owner}')`;
    throw new InvalidParameterException(
      `DeleteAccountSetting: ${whose} has no ${name} setting of its own to delete; its effective value '${effectiveSetting(state, queried, name).value}' is inherited`,
    );
  }
  own.delete(name);
  if (own.size === 0) state.settings.delete(owner);
  return { setting: { name, value: value as SettingValue, principalArn: owner } };
}

/**
 * ListAccountSettings: the explicit settings of the caller or of `principalArn`, or with
 * `effectiveSettings: true` the effective value of every setting (each labelled with the
 * queried principal's ARN). `name` filters to one setting, `value` (only with `name`) by value.
 * Alphabetical by name; pages of `maxResults` (1–10, default 10) with signed `nextToken`s.
 *
 * @example
 * sim.listAccountSettings({ effectiveSettings: true, maxResults: 2 });
 * // → { settings: [{ name: 'awsvpcTrunking', … }, { name: 'containerInstanceLongArnFormat', … }], nextToken: '…' }
 */
export function listAccountSettings(state: SimState, request: unknown, call?: CallContext): ListAccountSettingsOutput {
  const input = requestObject(request, 'ListAccountSettings');
  const name = optionalEnum(input, 'name', SETTING_NAMES);
  const value = optionalEnum(input, 'value', SETTING_VALUES);
  if (value !== undefined && name === undefined) throw new InvalidParameterException('value: a value filter can only be used together with name');
  const effective = optionalBoolean(input, 'effectiveSettings') ?? false;
  const maxResults = optionalInteger(input, 'maxResults', 1, 10) ?? 10;
  const nextToken = optionalString(input, 'nextToken');
  const { queried, owner } = targetOf(state, input, call, 'ListAccountSettings');

  const entries: { key: number; setting: AccountSetting }[] = [];
  LISTING_ORDER.forEach((n, key) => {
    if (name !== undefined && n !== name) return;
    const v = effective ? effectiveSetting(state, queried, n).value : state.settings.get(owner)?.get(n);
    if (v === undefined || (value !== undefined && v !== value)) return;
    entries.push({ key, setting: { name: n, value: v as SettingValue, principalArn: effective ? queried : owner } });
  });
  // Pages continue after the last name returned, so settings changing between pages never repeat one.
  const query = JSON.stringify([queried, name ?? null, value ?? null, effective]);
  const page = pageOf(state, 'ListAccountSettings', query, entries, (e) => e.setting, maxResults, nextToken, (e) => e.key);
  return page.nextToken === undefined ? { settings: page.items } : { settings: page.items, nextToken: page.nextToken };
}
