/**
 * The worst single filters we could construct, over 5,000 instances whose stored strings are at
 * ECS's limits: 10 custom attributes an instance, each value 128 characters and distinct (so the
 * planner, which tests each distinct value once, must test 5,000 per column), 19-character
 * ec2InstanceIds, and 3 task groups of 255 characters per instance. Target: every filter under
 * 100 ms (issue #12), or refused. Queries run as the simulator's API runs them: with the work
 * budget of src/store/work-meter.ts (`--unmetered` runs them without, to see what it prevents).
 *
 *   node --import tsx bench/worst-filter.ts            (npm run bench:worst-filter)
 *   … --reps 3                                        timed runs per filter (default 3)
 *
 * Each run uses a new filter text (a never-true `or runningTasksCount == 1000000+k` appended), so the
 * plan and its per-value memo are new: the time is a first query's, as an attacker sending fresh
 * filters gets. The `=~` pattern itself is compiled once (its cache is by pattern), and that
 * compile time is reported apart. Reported: median and max of the runs, in ms, and the pattern's
 * compiled size. Refused filters are listed with the error CQL gives.
 */
import { parseFilter } from '../src/cql/index.js';
import { translateJavaRegex } from '../src/java-regex/index.js';
import { RE2JS } from 're2js';
import { SeededRandom } from '../src/sim/random.js';
import { InstanceStore } from '../src/store/store.js';
import { FILTER_WORK_BUDGET } from '../src/store/work-meter.js';
import os from 'node:os';

const at = process.argv.indexOf('--reps');
const REPS = at < 0 ? 3 : Number(process.argv[at + 1]);
const budget = process.argv.includes('--unmetered') ? {} : { workBudget: FILTER_WORK_BUDGET };
const INSTANCES = 5000;
const ATTRIBUTES = 10;
const VALUE_LENGTH = 128;
const GROUP_LENGTH = 255;

const random = new SeededRandom(1);
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._';
const text = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(random.next() * ALPHABET.length)];
  return s;
};

const store = new InstanceStore();
for (let i = 0; i < INSTANCES; i++) {
  store.register({
    containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/worst/${random.hex(32)}`,
    ec2InstanceId: `i-${random.hex(17)}`,
    status: 'ACTIVE',
    agentConnected: true,
    versionInfo: { agentVersion: '1.29.0' },
    attributes: Array.from({ length: ATTRIBUTES }, (_, a) => ({ name: `a${a}`, value: text(VALUE_LENGTH) })),
  }, [text(GROUP_LENGTH), text(GROUP_LENGTH), text(GROUP_LENGTH)]);
}

const THRASH = '.*(?:a.{10}|b.{20}|c.{40}).*z';
const THRASH5 = '.*(?:a.{40}|b.{40}|c.{40}|d.{40}|e.{40}).*z';
const FILTERS: readonly (readonly [string, string])[] = [
  ['baseline: equality', "attribute:a0 == 'x'"],
  ["`.*` (every value matches)", "attribute:a0 =~ '.*'"],
  ['`.*foo.*`', "attribute:a0 =~ '.*foo.*'"],
  ['DFA-thrashing, 82 instructions', `attribute:a0 =~ '${THRASH}'`],
  ['DFA-thrashing, 216 instructions', `attribute:a0 =~ '${THRASH5}'`],
  ['largest nested count accepted', "attribute:a0 =~ '(?:.{1,10}){1,24}'"],
  ['ten columns, `.*foo.*` on each', Array.from({ length: ATTRIBUTES }, (_, a) => `attribute:a${a} =~ '.*foo.*'`).join(' or ')],
  ['task:group =~ DFA-thrashing', `task:group =~ '${THRASH}'`],
  ['ec2InstanceId =~', "ec2InstanceId =~ 'i-.*(?:a.{5}|b.{10}).*'"],
  ['`in` list of 1,000 values', `attribute:a0 in [${Array.from({ length: 1000 }, (_, k) => `v${k}`).join(', ')}]`],
  ['refused: nested counts (1,000 × 1,000)', "attribute:a0 =~ '(a{1,1000}){1,1000}'"],
  ['refused: 2,001 instructions', "attribute:a0 =~ '(?:[\\p{L}\\p{N}]{1,100}){1,10}'"],
];

function programSize(filter: string): string {
  const m = /=~ '(.*)'$/.exec(filter);
  if (m === null || filter.includes(' or ')) return '';
  const t = translateJavaRegex(m[1]!);
  return t.ok ? String(RE2JS.compile(t.source).programSize()) : '';
}

console.log(`worst-filter bench: ${INSTANCES} instances, ${ATTRIBUTES} attributes of ${VALUE_LENGTH} characters each (distinct), 3 task groups of ${VALUE_LENGTH}; node ${process.version}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('| filter | program size | compile ms | query ms, median | query ms, max | under 100 ms |');
console.log('|---|---:|---:|---:|---:|---|');
let k = 0;
for (const [name, filter] of FILTERS) {
  const c0 = performance.now();
  try {
    parseFilter(filter);
  } catch (error) {
    console.log(`| ${name} | — | — | refused: ${(error as Error).message.slice(0, 140)}… | | |`);
    continue;
  }
  const compileMs = performance.now() - c0;
  const times: number[] = [];
  let refused = '';
  for (let r = 0; r < REPS; r++) {
    const fresh = `(${filter}) or runningTasksCount == ${1_000_000 + ++k}`;
    const t0 = performance.now();
    try {
      store.querySlots(fresh, budget);
    } catch (error) {
      refused = (error as Error).message;
    }
    times.push(performance.now() - t0);
  }
  if (refused !== '') {
    console.log(`| ${name} | ${programSize(filter)} | ${compileMs.toFixed(1)} | refused in ${Math.max(...times).toFixed(1)} ms: ${refused.slice(0, 110)}… | | yes |`);
    continue;
  }
  times.sort((a, b) => a - b);
  const max = times[times.length - 1]!;
  console.log(`| ${name} | ${programSize(filter)} | ${compileMs.toFixed(1)} | ${times[times.length >> 1]!.toFixed(1)} | ${max.toFixed(1)} | ${max < 100 ? 'yes' : '**no**'} |`);
}
