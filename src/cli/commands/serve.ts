/** `serve`: the simulator as a local ECS endpoint (ECS JSON 1.1 on POST /, control API on /_sim/*). */
import { InvalidParameterException, quote } from '../../errors.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../protocol/http-endpoint.js';
import { MAX_TIME_SCALE } from '../../protocol/wall-clock.js';
import { EcsSimulator } from '../../protocol/simulator.js';
import { atMostPositionals, integerOption, parseCommandArgs, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { seedOption } from '../data.js';
import { parseJson, readText } from '../io.js';

const USAGE = 'ecs-cluster-sim serve [--port <n>] [--host <addr>] [--region <r>] [--max-body <size>] [--data <file>] [--start-time <iso>] [--time-scale <x>] [--seed <n>] [--root-key <id>]...';

const UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/**
 * A size in bytes from `1048576`, `512kb`, `1mb`, `2MiB`, `1.5m` (units of 1024, case ignored).
 * @example byteSize('1mb', '--max-body') // 1048576
 */
export function byteSize(text: string, option: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  const bytes = m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!Number.isSafeInteger(bytes)) throw new InvalidParameterException(`${option} takes a size such as 1048576, 512kb, 1mb or 2gb; got ${quote(text, 40)}`);
  return bytes;
}

/** `--time-scale`: a number from 0 to MAX_TIME_SCALE, named as given when it is not one. */
function timeScaleOption(text: string): number {
  const scale = /^\s*\d+(?:\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!(scale <= MAX_TIME_SCALE)) throw new UsageError(`serve: --time-scale takes a number from 0 (the clock moves only with POST /_sim/advance) to ${MAX_TIME_SCALE}; got ${quote(text, 40)}`, USAGE);
  return scale;
}

/** True for an address only this machine can reach. */
function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || address === '::ffff:127.0.0.1';
}

/** What went wrong starting the server, as something the user can act on. */
function listenError(e: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (e.code) {
    case 'EADDRINUSE': return new InvalidParameterException(`--port ${port}: ${host}:${port} is already in use (another serve? pick another --port, or 0 for a free one)`);
    case 'EACCES': return new InvalidParameterException(`--port ${port}: not allowed to listen on ${host}:${port} (ports below 1024 need privileges)`);
    case 'EADDRNOTAVAIL': return new InvalidParameterException(`--host ${host}: not an address of this machine`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME': return new InvalidParameterException(`--host ${quote(host, 100)}: no such host`);
    default: return e;
  }
}

export const serve: Command = {
  name: 'serve',
  summary: 'serve an ECS endpoint on loopback (aws CLI, boto3, any SDK)',
  usage: USAGE,
  help: `Usage: ${USAGE}

Serves the simulator as an ECS endpoint: POST / speaks the ECS JSON 1.1 protocol
(X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>); /_sim/advance, /_sim/reset,
/_sim/snapshot, /_sim/restore and /_sim/agent-connection drive the simulation, and
POST /moto-api/reset resets it as moto's server does. Signatures are not checked: the access key
id names the caller ('root' is the account root, any other key K the IAM user K), and the region
of the credential scope picks the region (each region has its own state). Runs until interrupted.

Options:
  --port <n>        TCP port (default 4599; 0 picks a free one)
  --host <addr>     address to bind (default 127.0.0.1). Anything but loopback makes an endpoint
                    without authentication, whose /_sim/restore replaces everything, reachable
                    from the network: serve warns
  --region <r>      region of unsigned requests and of the control API by default (default
                    us-east-1; with --data, the region of its ARNs)
  --max-body <size> largest request body, e.g. 262144, 512kb, 4mb (default 1mb); larger ones get
                    413 RequestEntityTooLargeException. /_sim/restore takes any snapshot
  --data <file>     start with the instances (and tasks) of a DescribeContainerInstances JSON
                    response (default: start empty, as a fresh account)
  --start-time <t>  simulated start time, ISO-8601 (default 2019-06-06T00:00:00Z)
  --time-scale <x>  simulated seconds per wall-clock second (default 1: the simulated clock
                    follows the wall clock, so tasks start and waiters such as
                    'aws ecs wait tasks-running' finish; 60: a minute a second; 0: it moves only
                    with POST /_sim/advance, for harnesses that want the same answers every run)
  --seed <n>        seed of every random choice (default 1)
  --root-key <id>   another access key id that acts as the account root; repeatable
  -h, --help        this text
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('serve', USAGE, argv, {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      region: { type: 'string' },
      'max-body': { type: 'string' },
      'start-time': { type: 'string' },
      'time-scale': { type: 'string' },
      seed: { type: 'string' },
      'root-key': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    });
    atMostPositionals('serve', USAGE, positionals, 0);
    const host = values.host ?? '127.0.0.1';
    if (host.trim() === '') throw new UsageError('serve: --host is empty, which would bind every interface; give 0.0.0.0 (or ::) if that is what you mean', USAGE);
    const port = integerOption(values.port, 'port', 4599, 0, 65535);
    const maxBodyBytes = values['max-body'] === undefined ? DEFAULT_MAX_BODY_BYTES : byteSize(values['max-body'], '--max-body');
    const timeScale = values['time-scale'] === undefined ? 1 : timeScaleOption(values['time-scale']);
    const options = {
      seed: seedOption(values.seed),
      ...(values['start-time'] === undefined ? {} : { startTime: values['start-time'] }),
    };
    let sim: EcsSimulator;
    if (values.data === undefined) sim = new EcsSimulator({ ...options, ...(values.region === undefined ? {} : { region: values.region }) });
    else {
      sim = EcsSimulator.fromDescribeOutput(parseJson(readText(values.data, '--data'), `--data ${values.data}`), options);
      const dataRegion = sim.state.options.region;
      if (values.region !== undefined && values.region !== dataRegion) {
        throw new UsageError(`serve: --region ${values.region}, but the ARNs of --data ${values.data} are in ${dataRegion}; drop --region to serve them in ${dataRegion}`, USAGE);
      }
    }
    let url: string;
    try {
      ({ url } = await sim.listen({ port, host, maxBodyBytes, timeScale, rootAccessKeys: values['root-key'] ?? [] }));
    } catch (e) {
      throw listenError(e as NodeJS.ErrnoException, host, port);
    }
    const bound = new URL(url).hostname.replace(/^\[|\]$/g, '');
    if (!isLoopback(bound)) {
      process.stderr.write(`ecs-cluster-sim: WARNING: listening on ${bound}, reachable from other machines. Signatures are not checked (any access key id is accepted; 'root' acts as the account root) and the control API /_sim/* is open to anyone who can connect, /_sim/restore included, which replaces the whole state. Serve on 127.0.0.1 unless the network is yours.\n`);
    }
    process.stderr.write(`ecs-cluster-sim: ECS endpoint at ${url} (default region ${sim.state.options.region}; ${timeScale === 0 ? 'the simulated clock moves only with POST /_sim/advance' : `simulated time runs at ${timeScale}× the wall clock`}; signatures are not checked; access key 'root' acts as the account root)\n`);
    return 0;
  },
};
