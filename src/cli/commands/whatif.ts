/** `whatif`: runs a scenario file (a sequence of steps, with branches on forks) and reports. */
import { atMostPositionals, DATA_OPTIONS, parseCommandArgs, UsageError } from '../args.js';
import { DATA_HELP, type Command } from '../command.js';
import { loadCluster } from '../data.js';
import { parseJson, printJson, readText } from '../io.js';
import { startProgress } from '../progress.js';
import { scenarioSummary } from '../report/summary.js';
import { writeReport } from '../report/write.js';
import { mainJobScenario } from '../scenario/main-job.js';
import { runScenario } from '../scenario/run.js';
import { FAIL_ON_SHORT_HELP, FAIL_ON_SHORT_OPTION } from '../outcome.js';
import { scenarioStatus } from '../scenario/outcome.js';
import { parseScenario } from '../scenario/validate.js';

const USAGE = 'ecs-cluster-sim whatif <scenario.json|-> [--report <file.html>] [--fail-on-short] [--data <file>] [--seed <n>] [--json] | whatif --example';

export const whatif: Command = {
  name: 'whatif',
  summary: 'run a scenario file: a sequence of steps (queries, placements, drains, ECS calls, branches on forks)',
  usage: USAGE,
  help: `Usage: ${USAGE}

Runs a scenario on a copy of the loaded cluster and prints what each step did, the service
tasks moved, the tasks that could not be placed and why, and utilisation before and after.
'-' reads the scenario from stdin. The file is checked before anything runs; errors name the
step and member (e.g. steps[3].settleSeconds).

A scenario is {"description": "...", "steps": [...]} (or just the list of steps). Steps:
  {"op": "query", "filter": "<cql>", "explain": true, "status": ["ACTIVE"]}
  {"op": "place", "taskDefinition": "web", "count": 2000, "placementStrategy": [...],
   "placementConstraints": [...], "group": "..."}          bulk placement, any count
  {"op": "drain", "filter": "<cql>", "settleSeconds": 600}  on the line: later steps see it
  {"op": "fail", "filter": "<cql>", "settleSeconds": 600}   abrupt loss (EC2 terminated), on the line
  {"op": "advance", "seconds": 60}                         run the simulated clock
  {"op": "replaceInstances", "filter": "<cql>", "settleSeconds": 600}
        instance refresh: register a replacement for each ACTIVE match (under today's account
        settings, e.g. awsvpcTrunking), drain the old ones, then deregister them
  {"op": "branches", "branches": [{"name": "a", "steps": [...]}, {"name": "b", "steps": [...]}]}
        each branch runs on its own fork of the state at this point; the line goes on unchanged
  {"op": "<ECS operation>", "request": {...}, "principalArn": "..."}
        any ECS operation the simulator answers (CreateService, UpdateService, RunTask,
        PutAccountSettingDefault, PutAttributes, UpdateContainerInstancesState, ...);
        "cluster" defaults to the loaded cluster
Every step may have a "label" for the output.

Options:
  --report <file>  also write the self-contained HTML report there
  --example        print the scenario 'npm start' runs (for the loaded data) and exit
${FAIL_ON_SHORT_HELP}
${DATA_HELP}
`,
  run(argv) {
    const { values, positionals } = parseCommandArgs('whatif', USAGE, argv, {
      ...DATA_OPTIONS,
      report: { type: 'string' },
      example: { type: 'boolean' },
      ...FAIL_ON_SHORT_OPTION,
    });
    atMostPositionals('whatif', USAGE, positionals, 1);
    if (values.example) {
      const loaded = loadCluster(values);
      printJson(mainJobScenario(loaded));
      return 0;
    }
    const file = positionals[0];
    if (file === undefined) throw new UsageError("whatif: give a scenario file, or '-' to read it from stdin (whatif --example prints one)", USAGE);
    const source = file === '-' ? 'stdin' : file;
    // The scenario is checked before the data is loaded: a mistake is reported at once.
    const scenario = parseScenario(parseJson(readText(file, 'scenario'), `scenario ${source}`), source);
    const loaded = loadCluster(values);
    const result = runScenario(scenario, loaded, startProgress('whatif'));
    if (values.json) printJson(result);
    else process.stdout.write(scenarioSummary(result));
    if (values.report !== undefined) process.stderr.write(`report: ${writeReport(values.report, result)}\n`);
    return scenarioStatus(result, values['fail-on-short']);
  },
};
