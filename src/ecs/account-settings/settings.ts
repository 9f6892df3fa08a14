/**
 * Account settings resolution (reference §4.3): a principal's own setting, else the account
 * default (the root user's setting), else the AWS default.
 */
import { isFederatedPrincipal, rootArn } from '../shared/arns.js';
import type { CallContext, SimState } from '../state/state.js';

/** Setting names of the 2019-06-06 API. */
export const SETTING_NAMES = ['serviceLongArnFormat', 'taskLongArnFormat', 'containerInstanceLongArnFormat', 'awsvpcTrunking'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];
export const SETTING_VALUES = ['enabled', 'disabled'] as const;

/** The AWS default of a setting for this account. */
export function awsDefault(state: SimState, name: SettingName): string {
  return name === 'awsvpcTrunking' ? 'disabled' : state.options.longArnFormatDefault;
}

/** The caller's principal ARN for this call. */
export function callerOf(state: SimState, call: CallContext | undefined): string {
  return call?.principalArn ?? state.options.principalArn;
}

/** Federated (assumed-role session or federated-user) principals have no settings of their own. */
export function settingsPrincipal(state: SimState, principalArn: string): string {
  return isFederatedPrincipal(principalArn) ? rootArn(state.ctx) : principalArn;
}

/** The effective value of `name` for `principalArn`, and where it came from. */
export function effectiveSetting(state: SimState, principalArn: string, name: SettingName): { value: string; from: 'principal' | 'account' | 'aws' } {
  const principal = settingsPrincipal(state, principalArn);
  const own = state.settings.peek(principal)?.get(name);
  if (own !== undefined) return { value: own, from: principal === rootArn(state.ctx) ? 'account' : 'principal' };
  const account = state.settings.peek(rootArn(state.ctx))?.get(name);
  if (account !== undefined) return { value: account, from: 'account' };
  return { value: awsDefault(state, name), from: 'aws' };
}
