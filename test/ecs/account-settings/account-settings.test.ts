import type {
  DeleteAccountSettingCommandOutput,
  ListAccountSettingsCommandOutput,
  PutAccountSettingCommandOutput,
  PutAccountSettingDefaultCommandOutput,
} from '@aws-sdk/client-ecs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  DeleteAccountSettingResponse,
  ListAccountSettingsResponse,
  PutAccountSettingDefaultResponse,
  PutAccountSettingResponse,
  SettingName,
} from '../../../src/shapes.js';
import { EcsSimulator } from '../../../src/ecs/simulator.js';
import { EcsError } from '../../../src/errors.js';

// What the simulator answers (the SDK-mirrored responses of src/shapes.ts).
type PutAccountSettingOutput = ReturnType<EcsSimulator['putAccountSetting']>;
type PutAccountSettingDefaultOutput = ReturnType<EcsSimulator['putAccountSettingDefault']>;
type DeleteAccountSettingOutput = ReturnType<EcsSimulator['deleteAccountSetting']>;
type ListAccountSettingsOutput = ReturnType<EcsSimulator['listAccountSettings']>;

const ACCOUNT = '123456789012';
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const BOB = `arn:aws:iam::${ACCOUNT}:user/engineering/bob`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/ecsInstanceRole`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/alice-session`;
const FEDERATED = `arn:aws:sts::${ACCOUNT}:federated-user/carol`;
const OTHER_ACCOUNT_USER = 'arn:aws:iam::210987654321:user/alice';

const NAMES = ['awsvpcTrunking', 'containerInstanceLongArnFormat', 'serviceLongArnFormat', 'taskLongArnFormat'] as const;

const as = (principalArn: string) => ({ principalArn });

function newSim(): EcsSimulator {
  return new EcsSimulator({ seed: 1 });
}

/** The effective value of one setting for a principal, as that principal sees it. */
function effective(sim: EcsSimulator, principalArn: string, name: SettingName): string | undefined {
  return sim.listAccountSettings({ effectiveSettings: true, name }, as(principalArn)).settings![0]?.value;
}

/** Everything observable about the principals' settings: effective and explicit listings. */
function observe(sim: EcsSimulator, principals: readonly string[]) {
  return principals.map((p) => ({
    effective: sim.listAccountSettings({ effectiveSettings: true }, as(p)),
    explicit: sim.listAccountSettings({}, as(p)),
  }));
}

/** Runs `fn`, expects an EcsError named `name` whose message matches `message`, and that nothing observable changed. */
function expectRejected(sim: EcsSimulator, fn: () => unknown, name: string, message: RegExp, principals: readonly string[] = [ROOT, ALICE, BOB, ROLE, SESSION]) {
  const before = observe(sim, principals);
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(EcsError);
  expect((error as EcsError).name).toBe(name);
  expect((error as EcsError).message).toMatch(message);
  expect(observe(sim, principals)).toEqual(before);
}

/** A simulator where root, Alice and the role each have an explicit setting. */
function populated(): EcsSimulator {
  const sim = newSim();
  sim.putAccountSettingDefault({ name: 'serviceLongArnFormat', value: 'disabled' });
  sim.putAccountSetting({ name: 'taskLongArnFormat', value: 'disabled' }, as(ALICE));
  sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'enabled' }, as(ALICE));
  sim.putAccountSetting({ name: 'containerInstanceLongArnFormat', value: 'disabled', principalArn: ROLE });
  return sim;
}

describe('response types', () => {
  it('are assignable to the @aws-sdk/client-ecs command outputs (without $metadata)', () => {
    expectTypeOf<PutAccountSettingOutput>().toExtend<Omit<PutAccountSettingCommandOutput, '$metadata'>>();
    expectTypeOf<PutAccountSettingDefaultOutput>().toExtend<Omit<PutAccountSettingDefaultCommandOutput, '$metadata'>>();
    expectTypeOf<DeleteAccountSettingOutput>().toExtend<Omit<DeleteAccountSettingCommandOutput, '$metadata'>>();
    expectTypeOf<ListAccountSettingsOutput>().toExtend<Omit<ListAccountSettingsCommandOutput, '$metadata'>>();

    // The op functions' outputs are the SDK-shaped responses with every member present.
    expectTypeOf<PutAccountSettingOutput>().toExtend<PutAccountSettingResponse>();
    expectTypeOf<PutAccountSettingDefaultOutput>().toExtend<PutAccountSettingDefaultResponse>();
    expectTypeOf<DeleteAccountSettingOutput>().toExtend<DeleteAccountSettingResponse>();
    expectTypeOf<ListAccountSettingsOutput>().toExtend<ListAccountSettingsResponse>();

    // The simulator's methods return exactly the response types of src/shapes.ts.
    const sim = newSim();
    const put: Omit<PutAccountSettingCommandOutput, '$metadata'> = sim.putAccountSetting({ name: 'taskLongArnFormat', value: 'enabled' });
    const def: Omit<PutAccountSettingDefaultCommandOutput, '$metadata'> = sim.putAccountSettingDefault({ name: 'taskLongArnFormat', value: 'enabled' });
    const list: Omit<ListAccountSettingsCommandOutput, '$metadata'> = sim.listAccountSettings();
    const del: Omit<DeleteAccountSettingCommandOutput, '$metadata'> = sim.deleteAccountSetting({ name: 'taskLongArnFormat' });
    expectTypeOf(sim.putAccountSetting).returns.toEqualTypeOf<PutAccountSettingResponse>();
    expectTypeOf(sim.listAccountSettings).returns.toEqualTypeOf<ListAccountSettingsResponse>();
    expect([put, def, list, del].every((r) => typeof r === 'object')).toBe(true);
  });
});

describe('PutAccountSetting', () => {
  it("stores the caller's own setting when principalArn is omitted and returns it under the caller's ARN", () => {
    const sim = newSim();
    const out = sim.putAccountSetting({ name: 'serviceLongArnFormat', value: 'disabled' }, as(ALICE));
    expect(out).toEqual({ setting: { name: 'serviceLongArnFormat', value: 'disabled', principalArn: ALICE } });
    expect(sim.listAccountSettings({}, as(ALICE)).settings).toEqual([out.setting]);
    expect(effective(sim, ALICE, 'serviceLongArnFormat')).toBe('disabled');
    expect(effective(sim, BOB, 'serviceLongArnFormat')).toBe('enabled');
  });

  it('lets the root user set the setting of a named IAM user or role', () => {
    const sim = newSim();
    expect(sim.putAccountSetting({ name: 'taskLongArnFormat', value: 'disabled', principalArn: ROLE })).toEqual({
      setting: { name: 'taskLongArnFormat', value: 'disabled', principalArn: ROLE },
    });
    expect(effective(sim, ROLE, 'taskLongArnFormat')).toBe('disabled');
    expect(effective(sim, ROOT, 'taskLongArnFormat')).toBe('enabled');
  });

  it('lets a principal name itself in principalArn', () => {
    const sim = newSim();
    const out = sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'enabled', principalArn: BOB }, as(BOB));
    expect(out.setting).toEqual({ name: 'awsvpcTrunking', value: 'enabled', principalArn: BOB });
    expect(effective(sim, BOB, 'awsvpcTrunking')).toBe('enabled');
  });

  it("as (or for) the root user writes the account default that principals without a setting inherit", () => {
    const sim = newSim();
    expect(sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'enabled' }).setting!.principalArn).toBe(ROOT);
    expect(effective(sim, ALICE, 'awsvpcTrunking')).toBe('enabled');
    sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'disabled', principalArn: ROOT });
    expect(effective(sim, ALICE, 'awsvpcTrunking')).toBe('disabled');
    expect(sim.listAccountSettings({}, as(ROOT)).settings).toEqual([{ name: 'awsvpcTrunking', value: 'disabled', principalArn: ROOT }]);
  });

  it('overwrites a previous value of the same principal', () => {
    const sim = newSim();
    sim.putAccountSetting({ name: 'taskLongArnFormat', value: 'disabled' }, as(ALICE));
    sim.putAccountSetting({ name: 'taskLongArnFormat', value: 'enabled' }, as(ALICE));
    expect(sim.listAccountSettings({}, as(ALICE)).settings).toEqual([{ name: 'taskLongArnFormat', value: 'enabled', principalArn: ALICE }]);
  });

  it('accepts disabling the long-ARN settings (still allowed in 2019)', () => {
    const sim = newSim();
    for (const name of ['serviceLongArnFormat', 'taskLongArnFormat', 'containerInstanceLongArnFormat'] as const) {
      expect(sim.putAccountSetting({ name, value: 'disabled' }).setting!.value).toBe('disabled');
      expect(effective(sim, ALICE, name)).toBe('disabled');
    }
  });

  it('rejects a name outside the 2019 model, naming the member and the allowed names', () => {
    const sim = populated();
    for (const name of ['containerInsights', 'dualStackIPv6', 'ServiceLongArnFormat', '']) {
      expectRejected(sim, () => sim.putAccountSetting({ name, value: 'enabled' } as never, as(ALICE)), 'InvalidParameterException',
        /^name must be one of serviceLongArnFormat, taskLongArnFormat, containerInstanceLongArnFormat, awsvpcTrunking\b/);
    }
    expectRejected(sim, () => sim.putAccountSetting({ name: 7, value: 'enabled' } as never, as(ALICE)), 'SerializationException', /^name must be a string/);
  });

  it('rejects a value other than enabled/disabled, naming the member and the allowed values', () => {
    const sim = populated();
    for (const value of ['Enabled', 'on', 'enhanced', 'true', '']) {
      expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking', value }, as(ALICE)), 'InvalidParameterException',
        /^value must be one of enabled, disabled; got/);
    }
    expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking', value: true } as never, as(ALICE)), 'SerializationException', /^value must be a string/);
  });

  it('rejects a request without name or without value', () => {
    const sim = populated();
    expectRejected(sim, () => sim.putAccountSetting({ value: 'enabled' } as never, as(ALICE)), 'InvalidParameterException', /^name is required/);
    expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking' } as never, as(ALICE)), 'InvalidParameterException', /^value is required/);
    expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking', value: null } as never, as(ALICE)), 'InvalidParameterException', /^value is required/);
    expectRejected(sim, () => sim.putAccountSetting(undefined as never, as(ALICE)), 'InvalidParameterException', /^name is required/);
    expectRejected(sim, () => sim.putAccountSetting('awsvpcTrunking=enabled' as never, as(ALICE)), 'SerializationException', /request must be an object/);
  });

  it('rejects a principalArn that is not an IAM user, role, root or federated principal ARN', () => {
    const sim = populated();
    for (const principalArn of [
      'alice',
      '',
      'arn:aws:iam::12345678901:user/alice',
      `arn:aws:iam::${ACCOUNT}:group/admins`,
      `arn:aws:iam::${ACCOUNT}:user/`,
      `arn:aws:iam::${ACCOUNT}:user/al ice`,
      `arn:aws:iam::${ACCOUNT}:Root`,
      `arn:aws:iam:us-east-1:${ACCOUNT}:root`,
      `arn:aws:sts::${ACCOUNT}:root`,
      `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/c`,
      'arn:aws:s3:::bucket',
    ]) {
      expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'enabled', principalArn }), 'InvalidParameterException', /^principalArn: .* is not the ARN of an IAM user, IAM role or root user/);
    }
  });

  it('rejects a principalArn of another account with InvalidParameterException', () => {
    const sim = populated();
    expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'enabled', principalArn: OTHER_ACCOUNT_USER }), 'InvalidParameterException',
      /^principalArn: 'arn:aws:iam::210987654321:user\/alice' is a principal of account 210987654321; this account is 123456789012/);
  });

  it('rejects with ClientException a caller that is neither the root user nor the named principal', () => {
    const sim = populated();
    const denied = /^PutAccountSetting: '.*' may not use the account settings of '.*'; only the root user or the principal itself may pass principalArn/;
    expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'disabled', principalArn: BOB }, as(ALICE)), 'ClientException', denied);
    expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'disabled', principalArn: ROOT }, as(ALICE)), 'ClientException', denied);
    expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'disabled', principalArn: SESSION }, as(ROLE)), 'ClientException', denied);
    // A federated caller stands for the root's record, never for an IAM user's.
    expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'disabled', principalArn: ALICE }, as(SESSION)), 'ClientException', denied);
  });

  it('rejects with ClientException a caller that is not a principal of this account', () => {
    const sim = populated();
    expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'disabled' }, as(OTHER_ACCOUNT_USER)), 'ClientException',
      /^PutAccountSetting: the caller 'arn:aws:iam::210987654321:user\/alice' is not an IAM user, IAM role, root user or federated principal of account 123456789012/);
    expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'disabled' }, as('alice')), 'ClientException', /the caller 'alice' is not/);
  });

  it('validates the members before the principal: a bad value with an unauthorised principal is an InvalidParameterException', () => {
    const sim = populated();
    expectRejected(sim, () => sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'maybe', principalArn: BOB }, as(ALICE)), 'InvalidParameterException', /^value must be one of/);
  });
});

describe('PutAccountSettingDefault', () => {
  it('sets the account default, returning the root ARN, whoever calls it', () => {
    const sim = newSim();
    expect(sim.putAccountSettingDefault({ name: 'containerInstanceLongArnFormat', value: 'disabled' }, as(ALICE))).toEqual({
      setting: { name: 'containerInstanceLongArnFormat', value: 'disabled', principalArn: ROOT },
    });
    expect(effective(sim, BOB, 'containerInstanceLongArnFormat')).toBe('disabled');
    // Alice has no setting of her own: her explicit list stays empty although she set the default.
    expect(sim.listAccountSettings({}, as(ALICE)).settings).toEqual([]);
    expect(sim.listAccountSettings({}, as(ROOT)).settings).toEqual([{ name: 'containerInstanceLongArnFormat', value: 'disabled', principalArn: ROOT }]);
  });

  it("writes the same record as PutAccountSetting by the root user", () => {
    const sim = newSim();
    sim.putAccountSettingDefault({ name: 'awsvpcTrunking', value: 'enabled' });
    sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'disabled' }, as(ROOT));
    expect(sim.listAccountSettings({}, as(ROOT)).settings).toEqual([{ name: 'awsvpcTrunking', value: 'disabled', principalArn: ROOT }]);
    sim.putAccountSettingDefault({ name: 'awsvpcTrunking', value: 'enabled' });
    expect(effective(sim, ALICE, 'awsvpcTrunking')).toBe('enabled');
  });

  it('does not touch principals that have their own setting', () => {
    const sim = newSim();
    sim.putAccountSetting({ name: 'serviceLongArnFormat', value: 'enabled' }, as(ALICE));
    sim.putAccountSettingDefault({ name: 'serviceLongArnFormat', value: 'disabled' });
    expect(effective(sim, ALICE, 'serviceLongArnFormat')).toBe('enabled');
    expect(effective(sim, BOB, 'serviceLongArnFormat')).toBe('disabled');
  });

  it('rejects bad or missing name and value', () => {
    const sim = populated();
    expectRejected(sim, () => sim.putAccountSettingDefault({ name: 'containerInsights', value: 'enabled' }), 'InvalidParameterException', /^name must be one of serviceLongArnFormat, taskLongArnFormat, containerInstanceLongArnFormat, awsvpcTrunking/);
    expectRejected(sim, () => sim.putAccountSettingDefault({ name: 'awsvpcTrunking', value: 'enhanced' }), 'InvalidParameterException', /^value must be one of enabled, disabled/);
    expectRejected(sim, () => sim.putAccountSettingDefault({ value: 'enabled' } as never), 'InvalidParameterException', /^name is required/);
    expectRejected(sim, () => sim.putAccountSettingDefault({ name: 'awsvpcTrunking' } as never), 'InvalidParameterException', /^value is required/);
  });

  it('ignores a principalArn member, which its model does not have (members the model does not know never reach an operation)', () => {
    const sim = populated();
    sim.putAccountSettingDefault({ name: 'awsvpcTrunking', value: 'disabled', principalArn: ALICE } as never);
    expect(sim.listAccountSettings({ name: 'awsvpcTrunking', principalArn: sim.rootArn }).settings?.[0]?.value).toBe('disabled');
  });

  it('rejects a caller that is not a principal of this account', () => {
    const sim = populated();
    expectRejected(sim, () => sim.putAccountSettingDefault({ name: 'awsvpcTrunking', value: 'enabled' }, as(OTHER_ACCOUNT_USER)), 'ClientException', /^PutAccountSettingDefault: the caller/);
  });
});

describe('DeleteAccountSetting', () => {
  it("removes the caller's setting, returns the removed value and restores inheritance", () => {
    const sim = newSim();
    sim.putAccountSettingDefault({ name: 'taskLongArnFormat', value: 'disabled' });
    sim.putAccountSetting({ name: 'taskLongArnFormat', value: 'enabled' }, as(ALICE));
    expect(effective(sim, ALICE, 'taskLongArnFormat')).toBe('enabled');
    expect(sim.deleteAccountSetting({ name: 'taskLongArnFormat' }, as(ALICE))).toEqual({
      setting: { name: 'taskLongArnFormat', value: 'enabled', principalArn: ALICE },
    });
    expect(effective(sim, ALICE, 'taskLongArnFormat')).toBe('disabled');
    expect(sim.listAccountSettings({}, as(ALICE)).settings).toEqual([]);
  });

  it("lets the root user delete a named principal's setting, leaving its other settings", () => {
    const sim = populated();
    expect(sim.deleteAccountSetting({ name: 'awsvpcTrunking', principalArn: ALICE })).toEqual({
      setting: { name: 'awsvpcTrunking', value: 'enabled', principalArn: ALICE },
    });
    expect(sim.listAccountSettings({}, as(ALICE)).settings).toEqual([{ name: 'taskLongArnFormat', value: 'disabled', principalArn: ALICE }]);
    expect(effective(sim, ALICE, 'awsvpcTrunking')).toBe('disabled');
  });

  it("deleting the root user's setting resets the account default to the AWS default", () => {
    const sim = populated();
    expect(effective(sim, BOB, 'serviceLongArnFormat')).toBe('disabled');
    expect(sim.deleteAccountSetting({ name: 'serviceLongArnFormat', principalArn: ROOT })).toEqual({
      setting: { name: 'serviceLongArnFormat', value: 'disabled', principalArn: ROOT },
    });
    expect(effective(sim, BOB, 'serviceLongArnFormat')).toBe('enabled');
    expect(effective(sim, ROOT, 'serviceLongArnFormat')).toBe('enabled');
  });

  it('rejects deleting a setting the principal has not set, naming principal and setting', () => {
    const sim = populated();
    expectRejected(sim, () => sim.deleteAccountSetting({ name: 'serviceLongArnFormat' }, as(ALICE)), 'InvalidParameterException',
      /^DeleteAccountSetting: 'arn:aws:iam::123456789012:user\/alice' has no serviceLongArnFormat setting of its own to delete; its effective value 'disabled' is inherited/);
    expectRejected(sim, () => sim.deleteAccountSetting({ name: 'taskLongArnFormat', principalArn: BOB }), 'InvalidParameterException', /user\/engineering\/bob' has no taskLongArnFormat setting/);
  });

  it('rejects a bad or missing name, a bad principalArn and an unauthorised caller', () => {
    const sim = populated();
    expectRejected(sim, () => sim.deleteAccountSetting({} as never, as(ALICE)), 'InvalidParameterException', /^name is required/);
    expectRejected(sim, () => sim.deleteAccountSetting({ name: 'fargateFIPSMode' }, as(ALICE)), 'InvalidParameterException', /^name must be one of serviceLongArnFormat, taskLongArnFormat, containerInstanceLongArnFormat, awsvpcTrunking/);
    expectRejected(sim, () => sim.deleteAccountSetting({ name: 'taskLongArnFormat', principalArn: 'user/alice' }), 'InvalidParameterException', /^principalArn: 'user\/alice' is not the ARN/);
    expectRejected(sim, () => sim.deleteAccountSetting({ name: 'taskLongArnFormat', principalArn: OTHER_ACCOUNT_USER }), 'InvalidParameterException', /is a principal of account 210987654321/);
    expectRejected(sim, () => sim.deleteAccountSetting({ name: 'taskLongArnFormat', principalArn: ALICE }, as(BOB)), 'ClientException', /^DeleteAccountSetting: '.*bob' may not use the account settings of '.*alice'/);
    expectRejected(sim, () => sim.deleteAccountSetting({ name: 'serviceLongArnFormat', principalArn: ROOT }, as(ALICE)), 'ClientException', /may not use the account settings/);
  });
});

describe('ListAccountSettings', () => {
  it("without effectiveSettings lists only the principal's explicit settings, alphabetically", () => {
    const sim = populated();
    expect(sim.listAccountSettings({}, as(ALICE))).toEqual({
      settings: [
        { name: 'awsvpcTrunking', value: 'enabled', principalArn: ALICE },
        { name: 'taskLongArnFormat', value: 'disabled', principalArn: ALICE },
      ],
    });
    expect(sim.listAccountSettings({ effectiveSettings: false }, as(BOB))).toEqual({ settings: [] });
    expect(sim.listAccountSettings({}, as(ROOT)).settings).toEqual([{ name: 'serviceLongArnFormat', value: 'disabled', principalArn: ROOT }]);
  });

  it("defaults principalArn to the caller, and lets the root user or the principal itself name one", () => {
    const sim = populated();
    expect(sim.listAccountSettings()).toEqual(sim.listAccountSettings({}, as(ROOT)));
    expect(sim.listAccountSettings({ principalArn: ALICE })).toEqual(sim.listAccountSettings({}, as(ALICE)));
    expect(sim.listAccountSettings({ principalArn: ALICE }, as(ALICE))).toEqual(sim.listAccountSettings({}, as(ALICE)));
  });

  it('with effectiveSettings gives every setting its effective value, labelled with the queried principal', () => {
    const sim = populated();
    // Alice: own awsvpcTrunking and taskLongArnFormat, account serviceLongArnFormat, AWS containerInstanceLongArnFormat.
    expect(sim.listAccountSettings({ effectiveSettings: true, principalArn: ALICE })).toEqual({
      settings: [
        { name: 'awsvpcTrunking', value: 'enabled', principalArn: ALICE },
        { name: 'containerInstanceLongArnFormat', value: 'enabled', principalArn: ALICE },
        { name: 'serviceLongArnFormat', value: 'disabled', principalArn: ALICE },
        { name: 'taskLongArnFormat', value: 'disabled', principalArn: ALICE },
      ],
    });
    expect(sim.listAccountSettings({ effectiveSettings: true }, as(ROOT)).settings).toEqual([
      { name: 'awsvpcTrunking', value: 'disabled', principalArn: ROOT },
      { name: 'containerInstanceLongArnFormat', value: 'enabled', principalArn: ROOT },
      { name: 'serviceLongArnFormat', value: 'disabled', principalArn: ROOT },
      { name: 'taskLongArnFormat', value: 'enabled', principalArn: ROOT },
    ]);
    expect(sim.listAccountSettings({ effectiveSettings: true }, as(ROLE)).settings!.map((s) => [s.name, s.value, s.principalArn])).toEqual([
      ['awsvpcTrunking', 'disabled', ROLE],
      ['containerInstanceLongArnFormat', 'disabled', ROLE],
      ['serviceLongArnFormat', 'disabled', ROLE],
      ['taskLongArnFormat', 'enabled', ROLE],
    ]);
  });

  it('filters by name, and by value together with name', () => {
    const sim = populated();
    expect(sim.listAccountSettings({ name: 'taskLongArnFormat' }, as(ALICE)).settings).toEqual([{ name: 'taskLongArnFormat', value: 'disabled', principalArn: ALICE }]);
    expect(sim.listAccountSettings({ name: 'serviceLongArnFormat' }, as(ALICE)).settings).toEqual([]);
    expect(sim.listAccountSettings({ name: 'serviceLongArnFormat', effectiveSettings: true }, as(ALICE)).settings).toEqual([{ name: 'serviceLongArnFormat', value: 'disabled', principalArn: ALICE }]);
    expect(sim.listAccountSettings({ name: 'taskLongArnFormat', value: 'disabled' }, as(ALICE)).settings).toHaveLength(1);
    expect(sim.listAccountSettings({ name: 'taskLongArnFormat', value: 'enabled' }, as(ALICE)).settings).toEqual([]);
    expect(sim.listAccountSettings({ name: 'containerInstanceLongArnFormat', value: 'enabled', effectiveSettings: true }, as(ALICE)).settings).toEqual([
      { name: 'containerInstanceLongArnFormat', value: 'enabled', principalArn: ALICE },
    ]);
    expect(sim.listAccountSettings({ name: 'containerInstanceLongArnFormat', value: 'disabled', effectiveSettings: true }, as(ALICE)).settings).toEqual([]);
  });

  it('rejects value without name, and bad name, value or effectiveSettings', () => {
    const sim = populated();
    expectRejected(sim, () => sim.listAccountSettings({ value: 'enabled' }, as(ALICE)), 'InvalidParameterException', /^value: a value filter can only be used together with name/);
    expectRejected(sim, () => sim.listAccountSettings({ name: 'containerInsights' }, as(ALICE)), 'InvalidParameterException', /^name must be one of serviceLongArnFormat, taskLongArnFormat, containerInstanceLongArnFormat, awsvpcTrunking/);
    expectRejected(sim, () => sim.listAccountSettings({ name: 'awsvpcTrunking', value: 'on' }, as(ALICE)), 'InvalidParameterException', /^value must be one of enabled, disabled/);
    expectRejected(sim, () => sim.listAccountSettings({ effectiveSettings: 'true' } as never, as(ALICE)), 'SerializationException', /^effectiveSettings must be a boolean/);
  });

  it('rejects maxResults outside 1..10 or not an integer', () => {
    const sim = populated();
    for (const maxResults of [0, 11, -1, 100]) {
      expectRejected(sim, () => sim.listAccountSettings({ maxResults }, as(ALICE)), 'InvalidParameterException', /^maxResults must be between 1 and 10/);
    }
    for (const maxResults of [1.5, '5', Number.NaN]) {
      expectRejected(sim, () => sim.listAccountSettings({ maxResults } as never, as(ALICE)), 'SerializationException', /^maxResults must be a 32-bit integer/);
    }
    expect(sim.listAccountSettings({ maxResults: 10, effectiveSettings: true }, as(ALICE)).settings).toHaveLength(4);
    expect(sim.listAccountSettings({ maxResults: 1, effectiveSettings: true }, as(ALICE)).settings).toHaveLength(1);
  });

  it('pages with maxResults 1 through every setting to the end', () => {
    const sim = populated();
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = sim.listAccountSettings({ effectiveSettings: true, maxResults: 1, ...(nextToken === undefined ? {} : { nextToken }) }, as(ALICE));
      expect(page.settings).toHaveLength(1);
      seen.push(page.settings![0]!.name!);
      nextToken = page.nextToken;
      pages++;
    } while (nextToken !== undefined && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toEqual([...NAMES]);
  });

  it('pages explicit settings, and a page after a change neither repeats nor skips a surviving setting', () => {
    const sim = newSim();
    for (const name of NAMES) sim.putAccountSetting({ name, value: 'disabled' }, as(BOB));
    const first = sim.listAccountSettings({ maxResults: 2 }, as(BOB));
    expect(first.settings!.map((s) => s.name)).toEqual(['awsvpcTrunking', 'containerInstanceLongArnFormat']);
    expect(first.nextToken).toEqual(expect.any(String));
    sim.deleteAccountSetting({ name: 'awsvpcTrunking' }, as(BOB));
    const second = sim.listAccountSettings({ maxResults: 2, nextToken: first.nextToken }, as(BOB));
    expect(second).toEqual({
      settings: [
        { name: 'serviceLongArnFormat', value: 'disabled', principalArn: BOB },
        { name: 'taskLongArnFormat', value: 'disabled', principalArn: BOB },
      ],
    });
  });

  it('rejects a forged, edited or foreign nextToken', () => {
    const sim = populated();
    const { nextToken } = sim.listAccountSettings({ effectiveSettings: true, maxResults: 1 }, as(ALICE));
    expect(nextToken).toBeDefined();
    const token = nextToken!;
    const invalid = /^nextToken is invalid/;
    expectRejected(sim, () => sim.listAccountSettings({ effectiveSettings: true, nextToken: 'forged' }, as(ALICE)), 'InvalidParameterException', invalid);
    const [payload, mac] = token.split('.');
    const edited = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), k: 2 })).toString('base64url');
    expectRejected(sim, () => sim.listAccountSettings({ effectiveSettings: true, nextToken: `${edited}.${mac}` }, as(ALICE)), 'InvalidParameterException', invalid);
    expectRejected(sim, () => sim.listAccountSettings({ effectiveSettings: true, nextToken: `${token}x` }, as(ALICE)), 'InvalidParameterException', invalid);
    // A token continues only the query that produced it.
    expectRejected(sim, () => sim.listAccountSettings({ effectiveSettings: true, nextToken: token }, as(BOB)), 'InvalidParameterException', invalid);
    expectRejected(sim, () => sim.listAccountSettings({ effectiveSettings: false, nextToken: token }, as(ALICE)), 'InvalidParameterException', invalid);
    // Another simulator's token.
    const other = new EcsSimulator({ seed: 2 });
    const foreign = other.listAccountSettings({ effectiveSettings: true, maxResults: 1 }, as(ALICE)).nextToken!;
    expectRejected(sim, () => sim.listAccountSettings({ effectiveSettings: true, nextToken: foreign }, as(ALICE)), 'InvalidParameterException', invalid);
    expectRejected(sim, () => sim.listAccountSettings({ effectiveSettings: true, nextToken: 42 } as never, as(ALICE)), 'SerializationException', /^nextToken must be a string/);
    // The genuine token still works.
    expect(sim.listAccountSettings({ effectiveSettings: true, nextToken: token }, as(ALICE)).settings![0]!.name).toBe('containerInstanceLongArnFormat');
  });

  it("rejects listing another principal's settings unless the caller is the root user", () => {
    const sim = populated();
    expectRejected(sim, () => sim.listAccountSettings({ principalArn: ALICE }, as(BOB)), 'ClientException', /^ListAccountSettings: '.*bob' may not use the account settings of '.*alice'/);
    expectRejected(sim, () => sim.listAccountSettings({ principalArn: 'arn:aws:iam::123456789012:user' }), 'InvalidParameterException', /^principalArn: .* is not the ARN/);
    expectRejected(sim, () => sim.listAccountSettings({ principalArn: OTHER_ACCOUNT_USER }), 'InvalidParameterException', /is a principal of account 210987654321/);
  });
});

describe('precedence: principal, then account default (root), then AWS default', () => {
  it('resolves per principal under two IAM users', () => {
    const sim = newSim();
    // Nothing set: the AWS default (long ARNs enabled for this account, trunking disabled).
    expect(effective(sim, ALICE, 'containerInstanceLongArnFormat')).toBe('enabled');
    expect(effective(sim, BOB, 'awsvpcTrunking')).toBe('disabled');

    sim.putAccountSetting({ name: 'containerInstanceLongArnFormat', value: 'enabled' }, as(ALICE));
    expect(effective(sim, BOB, 'containerInstanceLongArnFormat')).toBe('enabled');

    // Root changes the account default: Bob (no setting of his own) follows, Alice keeps hers.
    sim.putAccountSetting({ name: 'containerInstanceLongArnFormat', value: 'disabled' }, as(ROOT));
    expect(effective(sim, BOB, 'containerInstanceLongArnFormat')).toBe('disabled');
    expect(effective(sim, ALICE, 'containerInstanceLongArnFormat')).toBe('enabled');
    expect(effective(sim, ROOT, 'containerInstanceLongArnFormat')).toBe('disabled');

    // Root removes the default: Bob is back on the AWS default.
    sim.deleteAccountSetting({ name: 'containerInstanceLongArnFormat' }, as(ROOT));
    expect(effective(sim, BOB, 'containerInstanceLongArnFormat')).toBe('enabled');
  });

  it('takes the AWS default of the long-ARN settings from longArnFormatDefault; awsvpcTrunking defaults to disabled', () => {
    const sim = new EcsSimulator({ seed: 1, longArnFormatDefault: 'disabled' });
    expect(sim.listAccountSettings({ effectiveSettings: true }, as(ALICE)).settings!.map((s) => [s.name, s.value])).toEqual([
      ['awsvpcTrunking', 'disabled'],
      ['containerInstanceLongArnFormat', 'disabled'],
      ['serviceLongArnFormat', 'disabled'],
      ['taskLongArnFormat', 'disabled'],
    ]);
    sim.putAccountSettingDefault({ name: 'taskLongArnFormat', value: 'enabled' });
    expect(effective(sim, ALICE, 'taskLongArnFormat')).toBe('enabled');
  });

  it("resolves federated principals (assumed-role sessions, federated users) to the root user's settings", () => {
    const sim = populated();
    const rootView = sim.listAccountSettings({ effectiveSettings: true }, as(ROOT)).settings!.map((s) => s.value);
    for (const p of [SESSION, FEDERATED]) {
      const view = sim.listAccountSettings({ effectiveSettings: true }, as(p)).settings!;
      expect(view.map((s) => s.value)).toEqual(rootView);
      expect(view.every((s) => s.principalArn === p)).toBe(true); // labelled with the queried ARN
      // Their explicit settings are the root's, labelled with the root ARN that owns them.
      expect(sim.listAccountSettings({}, as(p)).settings).toEqual([{ name: 'serviceLongArnFormat', value: 'disabled', principalArn: ROOT }]);
    }
    // The root user may query a federated principal too.
    expect(sim.listAccountSettings({ effectiveSettings: true, principalArn: FEDERATED }).settings!.map((s) => s.value)).toEqual(rootView);
  });

  it('a federated caller writing its own setting writes the account default', () => {
    const sim = newSim();
    expect(sim.putAccountSetting({ name: 'taskLongArnFormat', value: 'disabled' }, as(SESSION))).toEqual({
      setting: { name: 'taskLongArnFormat', value: 'disabled', principalArn: ROOT },
    });
    expect(effective(sim, BOB, 'taskLongArnFormat')).toBe('disabled');
    // A federated caller may name itself or the root (both are the root's record).
    sim.putAccountSetting({ name: 'awsvpcTrunking', value: 'enabled', principalArn: ROOT }, as(FEDERATED));
    expect(effective(sim, ALICE, 'awsvpcTrunking')).toBe('enabled');
    expect(sim.deleteAccountSetting({ name: 'taskLongArnFormat', principalArn: SESSION }, as(SESSION))).toEqual({
      setting: { name: 'taskLongArnFormat', value: 'disabled', principalArn: ROOT },
    });
    expect(effective(sim, BOB, 'taskLongArnFormat')).toBe('enabled');
  });
});

describe('container instance ARN format at registration', () => {
  const LONG = /^arn:aws:ecs:us-east-1:123456789012:container-instance\/c\/[0-9a-f]{32}$/;
  const SHORT = /^arn:aws:ecs:us-east-1:123456789012:container-instance\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  function register(sim: EcsSimulator, principalArn: string): string {
    return sim.registerContainerInstance({ cluster: 'c' }, { principalArn }).containerInstance!.containerInstanceArn!;
  }

  it("follows the registering principal's effective containerInstanceLongArnFormat", () => {
    const sim = newSim();
    sim.createCluster({ clusterName: 'c' });
    sim.putAccountSetting({ name: 'containerInstanceLongArnFormat', value: 'disabled', principalArn: ROLE });
    expect(register(sim, ROLE)).toMatch(SHORT);
    expect(register(sim, ALICE)).toMatch(LONG); // inherits the AWS default (enabled)

    sim.putAccountSettingDefault({ name: 'containerInstanceLongArnFormat', value: 'disabled' });
    sim.putAccountSetting({ name: 'containerInstanceLongArnFormat', value: 'enabled' }, as(ALICE));
    expect(register(sim, BOB)).toMatch(SHORT); // inherits the account default (disabled)
    expect(register(sim, ALICE)).toMatch(LONG); // her own setting wins
    expect(register(sim, SESSION)).toMatch(SHORT); // federated: the root's setting
  });

  it('never changes the format of a registered instance when the setting changes later', () => {
    const sim = newSim();
    sim.createCluster({ clusterName: 'c' });
    const long = register(sim, ROLE);
    sim.putAccountSetting({ name: 'containerInstanceLongArnFormat', value: 'disabled', principalArn: ROLE });
    const short = register(sim, ROLE);
    expect(long).toMatch(LONG);
    expect(short).toMatch(SHORT);
    sim.putAccountSetting({ name: 'containerInstanceLongArnFormat', value: 'enabled', principalArn: ROLE });
    sim.deleteAccountSetting({ name: 'containerInstanceLongArnFormat', principalArn: ROLE });
    sim.putAccountSettingDefault({ name: 'containerInstanceLongArnFormat', value: 'disabled' });
    expect(sim.listContainerInstances({ cluster: 'c' }).containerInstanceArns).toEqual([long, short]);
  });
});
