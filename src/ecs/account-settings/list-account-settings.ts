/**
 * ListAccountSettings (reference §4.4): a principal's own settings, or every effective one.
 */
import { InvalidParameterException } from '../../errors.js';
import type { ListAccountSettingsRequest, ListAccountSettingsResponse } from '../../shapes.js';
import { operation } from '../operation.js';
import { pageOf } from '../shared/pagination.js';
import { optionalBoolean, optionalEnum, optionalInteger, optionalString, requestObject } from '../shared/validate.js';
import type { CallContext, SimState } from '../state/state.js';
import { targetOf, type AccountSetting, type SettingValue } from './principals.js';
import { effectiveSetting, SETTING_NAMES, SETTING_VALUES, type SettingName } from './settings.js';

/** Setting names in listing order (alphabetical); a name's index is its page key. */
const LISTING_ORDER: readonly SettingName[] = [...SETTING_NAMES].sort();

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
export const listAccountSettings = operation({ name: 'ListAccountSettings', mutates: false, handler });

function handler(state: SimState, request: ListAccountSettingsRequest, call: CallContext | undefined): ListAccountSettingsResponse {
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
    const v = effective ? effectiveSetting(state, queried, n).value : state.settings.peek(owner)?.get(n);
    if (v === undefined || (value !== undefined && v !== value)) return;
    entries.push({ key, setting: { name: n, value: v as SettingValue, principalArn: effective ? queried : owner } });
  });
  // Pages continue after the last name returned, so settings changing between pages never repeat one.
  const query = JSON.stringify([queried, name ?? null, value ?? null, effective]);
  const page = pageOf(state, 'ListAccountSettings', query, entries, (e) => e.setting, maxResults, nextToken, (e) => e.key);
  return page.nextToken === undefined ? { settings: page.items } : { settings: page.items, nextToken: page.nextToken };
}
