/** One line that says what a step did, shared by the text summary and the HTML report. */
import type { StepResult } from '../scenario/results.js';
import { count } from '../table.js';

function ecsHeadline(operation: string, response: unknown): string {
  const r = (response ?? {}) as Record<string, Record<string, unknown> | undefined>;
  switch (operation) {
    case 'RegisterTaskDefinition':
      return `registered ${String(r['taskDefinition']?.['taskDefinitionArn'] ?? '').split('/').pop()}`;
    case 'CreateService':
    case 'UpdateService':
      return `service ${String(r['service']?.['serviceName'])}: desired count ${String(r['service']?.['desiredCount'])}`;
    case 'PutAccountSetting':
    case 'PutAccountSettingDefault':
      return `${String(r['setting']?.['name'])} = ${String(r['setting']?.['value'])}`;
    default:
      return 'done';
  }
}

export function headline(r: StepResult): string {
  switch (r.op) {
    case 'query':
      return `${count(r.count)} instances`;
    case 'place':
      return `placed ${count(r.placed)} of ${count(r.requested)}${r.unplaced > 0 ? `; ${count(r.unplaced)} could not be placed (${r.reason ?? 'no instance'})` : ''}`;
    case 'drain':
    case 'fail': {
      const missing = r.services.reduce((n, s) => n + s.missing, 0);
      const stuck = r.stuck.reduce((n, s) => n + s.tasks, 0);
      return `${count(r.instances)} instances ${r.op === 'drain' ? 'drained' : 'lost'}; ${count(r.moved)} service tasks moved; ${count(missing)} could not be placed; ${count(stuck)} stuck on them; ` +
        (r.op === 'drain' ? `${count(r.standaloneLeft)} standalone tasks left on them` : `${count(r.standaloneLost)} standalone tasks lost`);
    }
    case 'advance': {
      if (r.services.length === 0) return 'no services';
      const sum = (k: 'running' | 'pending' | 'desired') => r.services.reduce((n, s) => n + s[k], 0);
      const short = r.services.filter((s) => s.running + s.pending < s.desired);
      const named = short.slice(0, 3).map((s) => `${s.service} ${count(s.running + s.pending)} of ${count(s.desired)}`).join(', ');
      return `${count(r.services.length)} services: ${count(sum('running'))} tasks running, ${count(sum('pending'))} pending, of ${count(sum('desired'))} desired${short.length > 0 ? `; short: ${named}${short.length > 3 ? `, and ${short.length - 3} more` : ''}` : ''}`;
    }
    case 'replaceInstances': {
      const missing = r.services.reduce((n, s) => n + s.missing, 0);
      return `${count(r.replaced)} instances replaced, ${count(r.trunked)} replacements with a trunk ENI${r.registrationFailed > 0 ? `, ${count(r.registrationFailed)} failed to register` : ''}; ${count(r.moved)} service tasks moved, ${count(missing)} could not be placed; ${count(r.standaloneStopped)} standalone tasks stopped`;
    }
    case 'ecs':
      return ecsHeadline(r.operation, r.response);
    case 'branches':
      return r.branches.map((b) => b.name).join(' | ');
  }
}
