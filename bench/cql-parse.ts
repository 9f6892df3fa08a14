/**
 * CQL front-end throughput: lexing, parsing, checking and the compiled-filter cache.
 *
 *   npx tsx bench/cql-parse.ts                 (npm run bench:cql) — the TypeScript sources, as tsx runs them
 *   npx tsx bench/cql-parse.ts --impl=dist     (npm run bench:cql:dist) — the tsc build in dist/, as published
 *   npx tsx bench/cql-parse.ts --impl=<dir>    — any directory holding cql/{index,parser,check,tokens}.js
 *
 * Why two builds: tsx compiles with esbuild's `keepNames`, which wraps every named closure
 * (`{ ALT: () => … }`, `const fail = () => …`) in `__name(fn, 'ALT')` = `Object.defineProperty`.
 * Closures created on every call pay for that on every parse. Examples are Chevrotain `OR`
 * alternatives built inside a rule, or `check`'s per-leaf `fail`. Measured here: before the
 * parser cached its alternatives, parseFilter under tsx ran 2.5× slower than the tsc build of
 * the same sources. Now the gap is ~1.15×. The dist figures are the library's.
 *
 * Every row runs over the same fixed mix of realistic expressions (below), one expression per
 * benchmark operation, cycling through the mix, so ops/s = expressions/s.
 *
 * - "cold" means the expression cache of `compileFilter` is not used: `parseFilter` has no cache.
 *   The `=~` pattern cache in src/cql/patterns.ts *is* warm after the first pass over the mix
 *   (it is keyed by pattern text, and the mix repeats); the "fresh regex" row shows the cost when
 *   it misses.
 * - "compileFilter, cache miss" makes every text unique by appending
 *   ` and runningTasksCount >= N` (N a counter that never repeats), so the LRU always misses
 *   (and evicts once full). The texts are therefore longer than the mix: see the chars column.
 * - "lex only", "parse only" and "check only" use a lexer and parser built exactly as in
 *   src/cql/parse.ts, on input prepared outside the timed function, to show the split.
 * - Each row runs in a fresh child process (see "harness" below for why).
 *
 * Targets (from the issue): parse + check ≥ 200,000 expressions/s cold; cached `compileFilter`
 * ≥ 10,000,000 lookups/s.
 */
import Benchmark from 'benchmark';
import { Lexer, type IToken } from 'chevrotain';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as CheckModule from '../src/cql/check.js';
import type * as Facade from '../src/cql/index.js';
import type { Expr } from '../src/cql/index.js';
import type * as ParserModule from '../src/cql/parser.js';
import type { LeafTokens } from '../src/cql/parser.js';
import type * as TokensModule from '../src/cql/tokens.js';

// ---- the implementation under test ---------------------------------------------------------
const implArg = process.argv.find((a) => a.startsWith('--impl='))?.slice('--impl='.length) ?? 'src';
const implRoot = implArg === 'src' ? new URL('../src/', import.meta.url)
  : implArg === 'dist' ? new URL('../dist/', import.meta.url)
  : pathToFileURL(path.resolve(implArg) + '/');
const load = async <M>(file: string): Promise<M> => (await import(new URL(`cql/${file}`, implRoot).href)) as M;
const { compileFilter, parseFilter } = await load<typeof Facade>('index.js');
const { check } = await load<typeof CheckModule>('check.js');
const { CqlParser } = await load<typeof ParserModule>('parser.js');
const { lexerDefinition } = await load<typeof TokensModule>('tokens.js');
/** Whether the code under test carries esbuild keepNames wrappers (it does under tsx). */
const keepNames = String(CqlParser).includes('__name(');

// ---- the mix ----------------------------------------------------------------------------
// The ECS guide's examples, lengthened into the compound filters a placement constraint or a
// ListContainerInstances filter carries in practice: and/or/not, lists, dates, versions,
// regexes, quoted values, word operators.
export const MIX: readonly string[] = [
  // the guide's examples, as written
  'attribute:ecs.instance-type == t2.small',
  'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
  'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d',
  'task:group == service:production',
  'not(task:group == database)',
  'runningTasksCount == 1',
  "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']",
  'registeredAt < 2018-02-13',
  'attribute:ecs.os-family == WINDOWS_SERVER_2019_FULL',
  // compound filters as placement constraints and ListContainerInstances filters carry them
  'attribute:ecs.availability-zone in [us-east-1a, us-east-1b] and task:group == service:api',
  'not(task:group == database) and attribute:ecs.instance-type in [t2.small, t2.medium, m5.large]',
  "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890'] or registeredAt < 2018-02-13 and runningTasksCount < 5",
  'agentVersion >= 1.14.5 and agentConnected == true and attribute:ecs.os-type == linux',
  'registeredAt >= 2018-06-18T22:28:28+00:00 and runningTasksCount <= 10 and agentConnected == true',
  "attribute:stack == prod and (attribute:team == 'payments' or attribute:team == 'billing')",
  "attribute:ecs.cpu-architecture == arm64 && attribute:ecs.instance-type =~ '^(c6g|m6g)\\..*$'",
  "attribute:ecs.ami-id !in ['ami-0abcdef1234567890', 'ami-0123456789abcdef0'] and agentVersion >= 1.50",
  'task:group exists and not task:group in [service:batch, service:cron] and runningTasksCount < 20',
  'runningTasksCount greater_than_equal 2 and runningTasksCount less_than 8 and agentVersion not_equals 1.20',
  "attribute:ecs.instance-type matches 'm5[ad]?\\.(x|2x|4x)large' and agentConnected != false",
  'attribute:gpu exists && attribute:stack != dev || attribute:accelerator !exists',
  'registeredAt == 2020-03-15 or registeredAt > 2021-11-30T08:00:00Z and attribute:ecs.os-type == linux',
  "not (attribute:maintenance == 'true' or attribute:drain-requested exists) and agentConnected == true",
  'attribute:ecs.subnet-id in [subnet-0a1b2c3d, subnet-4e5f6a7b] and attribute:env == staging',
  "task:group != service:web and task:group !~ ^batch-.* and ec2InstanceId =~ 'i-0[0-9a-f]{16}'",
  "attribute:owner equals 'platform team' and runningTasksCount == 0 and task:group !exists",
  '(attribute:zone == a || attribute:zone == b) && (attribute:tier == web || attribute:tier == api)',
  "attribute:com.example.role in ['frontend', \"backend\", 'worker'] and attribute:stack == prod",
  'ec2InstanceId not_in [i-1111aaaa, i-2222bbbb] and attribute:ecs.os-type != windows',
  "attribute:build == '2024.05.1' and attribute:commit =~ '^[0-9a-f]{7,40}$' and attribute:dirty !exists",
  'agentVersion < 1.14.5 or agentVersion > 1.60 and registeredAt <= 2022-12-31T23:59:59',
  'not(attribute:ecs.instance-type in [t2.nano, t2.micro]) && attribute:ecs.os-type == linux',
];

/** Fails fast if the front end refuses any expression of the mix. */
function verifyMix(): void {
  for (const text of MIX) {
    try {
      parseFilter(text);
    } catch (e) {
      throw new Error(`bench mix expression refused: ${text}\n${(e as Error).message}`);
    }
  }
}

// ---- harness ----------------------------------------------------------------------------
// Each row runs in a child process of its own. Measured here: a second Chevrotain Lexer or
// CqlParser instance that has run in the same process halves parseFilter's speed afterwards,
// because V8's feedback in Chevrotain's code becomes polymorphic. The split rows need their own
// instances, so one process per row keeps every row from skewing the others. An application
// has exactly one of each, the ones in src/cql/parse.ts.
interface Row {
  id: string;
  name: string;
  hz: number;
  rme: number;
  samples: number;
  chars: number;
}

const ROWS: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'lex', name: 'lex only (tokenize)' },
  { id: 'parse', name: 'parse only (tokens → AST)' },
  { id: 'check', name: 'check only (AST → checked)' },
  { id: 'cold', name: 'parseFilter (lex+parse+check), cold' },
  { id: 'fresh-regex', name: 'parseFilter, fresh regex each time' },
  { id: 'miss', name: 'compileFilter, cache miss (unique text)' },
  { id: 'hit', name: 'compileFilter, cache hit' },
];

function average(texts: readonly string[]): number {
  return texts.reduce((n, t) => n + t.length, 0) / texts.length;
}

/** Measures one row in this process; returns it. */
function runRow(id: string): Row {
  const N = MIX.length;
  const mixChars = average(MIX);
  let i = 0;
  let sink: unknown;
  let chars = (): number => mixChars;
  let fn: () => void;

  switch (id) {
    case 'lex': {
      // Built exactly as in src/cql/parse.ts.
      const lexer = new Lexer(lexerDefinition, { positionTracking: 'onlyOffset', ensureOptimizations: false });
      fn = () => {
        sink = lexer.tokenize(MIX[i++ % N]!);
      };
      break;
    }
    case 'parse':
    case 'check': {
      const lexer = new Lexer(lexerDefinition, { positionTracking: 'onlyOffset', ensureOptimizations: false });
      const parser = new CqlParser();
      const tokens: IToken[][] = MIX.map((t) => lexer.tokenize(t).tokens);
      if (id === 'parse') {
        fn = () => {
          parser.beginParse();
          parser.input = tokens[i++ % N]!;
          sink = parser.expression();
        };
        break;
      }
      const parsed: Array<{ ast: Expr; leaves: Map<Expr, LeafTokens> }> = MIX.map((_, k) => {
        parser.beginParse();
        parser.input = tokens[k]!;
        const ast = parser.expression();
        // A copy: the parser may reuse its side table from one parse to the next.
        return { ast, leaves: new Map(parser.leafTokens) };
      });
      fn = () => {
        const k = i++ % N;
        const p = parsed[k]!;
        check(p.ast, MIX[k]!, 'filter', p.leaves);
      };
      break;
    }
    case 'cold':
      fn = () => {
        sink = parseFilter(MIX[i++ % N]!);
      };
      break;
    case 'fresh-regex': {
      // Every pattern new, so the pattern cache misses; the counter never repeats.
      const fresh = { count: 0, chars: 0 };
      chars = () => fresh.chars / fresh.count;
      fn = () => {
        const text = `attribute:ecs.instance-type =~ 'r${fresh.count++}[a-z]*\\.(x|2x)large' and attribute:env == prod`;
        fresh.chars += text.length;
        sink = parseFilter(text);
      };
      break;
    }
    case 'miss': {
      // Every text new (a clause with a counter appended), so the compiled-filter LRU misses.
      const miss = { count: 0, chars: 0 };
      chars = () => miss.chars / miss.count;
      fn = () => {
        const text = `${MIX[i++ % N]!} and runningTasksCount >= ${miss.count++}`;
        miss.chars += text.length;
        sink = compileFilter(text);
      };
      break;
    }
    case 'hit':
      for (const t of MIX) compileFilter(t); // warm the cache
      fn = () => {
        sink = compileFilter(MIX[i++ % N]!);
      };
      break;
    default:
      throw new Error(`unknown row ${id}`);
  }

  const name = ROWS.find((r) => r.id === id)!.name;
  const bench = new Benchmark(name, fn, { minSamples: 20, maxTime: 3 });
  bench.run();
  void sink;
  if (bench.error) throw bench.error as Error;
  return { id, name, hz: bench.hz, rme: bench.stats.rme, samples: bench.stats.sample.length, chars: chars() };
}

function main(): void {
  const rowArg = process.argv.find((a) => a.startsWith('--row='))?.slice('--row='.length);
  if (rowArg !== undefined) {
    // Child: one row, reported as JSON on the last line of stdout.
    console.log(JSON.stringify(runRow(rowArg)));
    return;
  }
  verifyMix();
  const mixChars = average(MIX);
  process.stderr.write(`cql-parse: ${MIX.length} expressions, ${mixChars.toFixed(1)} chars on average; ${ROWS.length} rows, one process each…\n`);
  const rows: Row[] = [];
  for (const { id } of ROWS) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, `--impl=${implArg}`, `--row=${id}`], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`row ${id} failed (exit ${child.status})`);
    const row = JSON.parse(child.stdout.trim().split('\n').pop()!) as Row;
    rows.push(row);
    process.stderr.write(`  done: ${row.name}\n`);
  }
  report(rows, MIX.length, mixChars);
}

// ---- output -----------------------------------------------------------------------------
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

function report(rows: Row[], n: number, mixChars: number): void {
  const header = ['benchmark', 'expr/s', '±%', 'µs/expr', 'chars/expr', 'samples'];
  const body = rows.map((r) => [
    r.name,
    fmtInt(r.hz),
    r.rme.toFixed(1),
    (1e6 / r.hz).toFixed(r.hz > 1e6 ? 3 : 2),
    r.chars.toFixed(0),
    String(r.samples),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join(' | ') + ' |';
  const sep = '|' + widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|';

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\nCQL parse — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${os.cpus().length} × ${cpu}`);
  console.log(`implementation: ${implArg === 'src' || implArg === 'dist' ? implArg + '/' : implArg}` +
    (keepNames ? ' (esbuild keepNames wrappers present, as under tsx: slower than the tsc build; see --impl=dist)' : ' (no keepNames wrappers)'));
  console.log(`mix: ${n} expressions, ${mixChars.toFixed(1)} chars on average\n`);
  console.log(line(header));
  console.log(sep);
  for (const b of body) console.log(line(b));

  const target = (label: string, row: string, goal: number) => {
    const r = rows.find((x) => x.name === row);
    if (!r) return;
    const ratio = r.hz / goal;
    const verdict = ratio >= 1 ? `MET (${ratio.toFixed(2)}× target, +${((ratio - 1) * 100).toFixed(0)}%)`
      : `MISSED (${ratio.toFixed(2)}× target, ${((ratio - 1) * 100).toFixed(0)}%)`;
    console.log(`target ${label} ≥ ${fmtInt(goal)}/s: ${fmtInt(r.hz)}/s — ${verdict}`);
  };
  console.log('');
  target('parse+check cold', 'parseFilter (lex+parse+check), cold', 200_000);
  target('cached compileFilter', 'compileFilter, cache hit', 10_000_000);

  const get = (name: string) => rows.find((x) => x.name.startsWith(name))?.hz;
  const lex = get('lex only'), parse = get('parse only'), chk = get('check only'), all = get('parseFilter (lex');
  if (lex && parse && chk && all) {
    const t = { lex: 1 / lex, parse: 1 / parse, check: 1 / chk, all: 1 / all };
    const pct = (x: number) => `${((x / t.all) * 100).toFixed(0)}%`;
    console.log(`rough split of parseFilter time (separate rows, so noise shows here first): lex ${pct(t.lex)}, parse ${pct(t.parse)}, check ${pct(t.check)}, rest ${pct(Math.max(0, t.all - t.lex - t.parse - t.check))}`);
  }
}

// Run only as the entry point, so the mix can be imported (e.g. by a profiling script).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
