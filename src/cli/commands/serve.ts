/** `serve`: the simulator as a local ECS endpoint (ECS JSON 1.1 on POST /, control API on /_sim/*). */
import { EcsSimulator } from '../../protocol/simulator.js';
import { atMostPositionals, integerOption, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { seedOption } from '../data.js';
import { parseJson, readText } from '../io.js';

const USAGE = 'ecs-cluster-sim serve [--port <n>] [--host <addr>] [--data <file>] [--start-time <iso>] [--seed <n>] [--root-key <id>]...';

export const serve: Command = {
  name: 'serve',
  summary: 'serve an ECS endpoint on loopback (aws CLI, boto3, any SDK)',
  usage: USAGE,
  help: `Usage: ${USAGE}

Serves the simulator as an ECS endpoint: POST / speaks the ECS JSON 1.1 protocol
(X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>); /_sim/advance, /_sim/reset,
/_sim/snapshot, /_sim/restore and /_sim/agent-connection drive the simulation. Signatures are
not checked: the access key id names the caller ('root' is the account root, any other key K
the IAM user K). Runs until interrupted.

Options:
  --port <n>       TCP port (default 4599; 0 picks a free one)
  --host <addr>    address to bind (default 127.0.0.1)
  --data <file>    start with the instances (and tasks) of a DescribeContainerInstances JSON
                   response (default: start empty, as a fresh account)
  --start-time <t> simulated start time, ISO-8601 (default 2019-06-06T00:00:00Z)
  --seed <n>       seed of every random choice (default 1)
  --root-key <id>  another access key id that acts as the account root; repeatable
  -h, --help       this text
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('serve', USAGE, argv, {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'start-time': { type: 'string' },
      seed: { type: 'string' },
      'root-key': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    });
    atMostPositionals('serve', USAGE, positionals, 0);
    const options = {
      seed: seedOption(values.seed),
      ...(values['start-time'] === undefined ? {} : { startTime: values['start-time'] }),
    };
    const sim = values.data === undefined
      ? new EcsSimulator(options)
      : EcsSimulator.fromDescribeOutput(parseJson(readText(values.data, '--data'), `--data ${values.data}`), options);
    const { url } = await sim.listen({
      port: integerOption(values.port, 'port', 4599, 0, 65535),
      host: values.host ?? '127.0.0.1',
      rootAccessKeys: values['root-key'] ?? [],
    });
    process.stderr.write(`ecs-cluster-sim: ECS endpoint at ${url} (signatures are not checked; access key 'root' acts as the account root)\n`);
    return 0;
  },
};
