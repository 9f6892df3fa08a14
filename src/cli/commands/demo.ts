/**
 * `demo`, the main job (`npm start`): the what-if tour on the bundled medium cluster, printed as
 * a summary and written as a self-contained HTML report.
 */
import { atMostPositionals, DATA_OPTIONS, parseCommandArgs } from '../args.js';
import { DATA_HELP, type Command } from '../command.js';
import { loadCluster } from '../data.js';
import { printJson } from '../io.js';
import { startProgress } from '../progress.js';
import { scenarioSummary } from '../report/summary.js';
import { writeReport } from '../report/write.js';
import { mainJobScenario, SERVICE_TASKS } from '../scenario/main-job.js';
import { runScenario } from '../scenario/run.js';
import { FAIL_ON_SHORT_HELP, FAIL_ON_SHORT_OPTION } from '../outcome.js';
import { scenarioStatus } from '../scenario/outcome.js';
import { parseScenario } from '../scenario/validate.js';

const USAGE = 'ecs-cluster-sim demo [--out <file.html>] [--fail-on-short] [--data <file>] [--seed <n>] [--json]';

export const demo: Command = {
  name: 'demo',
  summary: 'the main job (npm start): queries, a service, a drain and trunking off vs on, with an HTML report',
  usage: USAGE,
  help: `Usage: ${USAGE}

Loads the cluster (default: the bundled medium dataset, 5,000 instances) and runs, on copies of
it: a few CQL queries with their plans; a ${SERVICE_TASKS}-task service placed with spread(AZ) +
binpack(memory); draining one Availability Zone; and an awsvpc workload with ENI trunking as
registered versus turned on (awsvpcTrunking enabled, then an instance refresh, since only
instances registered after opting in get trunk ENIs). Prints a summary and writes a
self-contained HTML report. 'whatif --example' prints the same steps as a scenario file.

Options:
  --out <file>     where to write the HTML report (default report.html in the current directory)
${FAIL_ON_SHORT_HELP}
${DATA_HELP}
`,
  run(argv) {
    const { values, positionals } = parseCommandArgs('demo', USAGE, argv, { ...DATA_OPTIONS, out: { type: 'string' }, ...FAIL_ON_SHORT_OPTION });
    atMostPositionals('demo', USAGE, positionals, 0);
    const started = Date.now();
    const loaded = loadCluster(values);
    const document = mainJobScenario(loaded);
    const result = runScenario(parseScenario(document, 'main job'), loaded, startProgress('demo'));
    const path = writeReport(values.out ?? 'report.html', result);
    if (values.json) printJson(result);
    else process.stdout.write(`${scenarioSummary(result)}\nreport: ${path}  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    return scenarioStatus(result, values['fail-on-short']);
  },
};
