/**
 * Renders the what-if report in a real browser and writes PNG screenshots, so a change to the
 * report is looked at, not only tested: `npm run report:screenshot [-- --data <file>] [-- --out <dir>]`.
 *
 * Runs the main job (as `npm start` does; default data the bundled medium dataset), writes
 * `<out>/report.html` — or, with `--html <file>`, takes a report already written (the benchmark's:
 * `benchmark --report bench.html`) — then takes screenshots of the top of the page, of each section alone (a
 * copy of the page that hides the others) and of the whole page, with Debian's chromium in headless mode
 * (`apt-get install -y chromium`; another binary with CHROMIUM=<path>), in a fresh profile.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCluster } from '../data.js';
import { writeReport } from './write.js';
import { mainJobScenario } from '../scenario/main-job.js';
import { runScenario } from '../scenario/run.js';
import { parseScenario } from '../scenario/validate.js';

const WIDTH = 1280;
const SECTION_HEIGHT = 1100;
const PAGE_HEIGHT = 9000;

const { values } = parseArgs({ options: { data: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, html: { type: 'string' } } });
const browser = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
if (!existsSync(browser)) {
  process.stderr.write(`report:screenshot: no browser at ${browser}; install Debian's with 'apt-get install -y chromium' (or set CHROMIUM=<path>)\n`);
  process.exit(2);
}

const out = resolve(values.out ?? 'report-screenshots');
mkdirSync(out, { recursive: true });
function mainJobReport(): string {
  const loaded = loadCluster({ data: values.data, seed: values.seed });
  const result = runScenario(parseScenario(mainJobScenario(loaded), 'main job'), loaded, { update() {}, finish() {} });
  return writeReport(join(out, 'report.html'), result);
}
const report = values.html === undefined ? mainJobReport() : resolve(values.html);
const url = pathToFileURL(report).href;

function screenshot(file: string, target: string, height: number): void {
  const profile = mkdtempSync(join(tmpdir(), 'report-screenshot-'));
  try {
    const r = spawnSync(browser, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--hide-scrollbars', `--user-data-dir=${profile}`,
      `--window-size=${WIDTH},${height}`, `--screenshot=${file}`, target,
    ], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0 || !existsSync(file)) throw new Error(`chromium failed (${r.status ?? r.signal}) for ${target}:\n${r.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const html = readFileSync(report, 'utf8');
const sections = [...html.matchAll(/<section id="([\w-]+)">/g)].map((m) => m[1]!);
const written: string[] = [];
const shot = (name: string, target: string, height: number) => {
  const file = join(out, `report-${name}.png`);
  screenshot(file, target, height);
  written.push(file);
};
shot('top', url, SECTION_HEIGHT);
for (const id of sections) {
  // The section alone: everything else in <main> hidden, so it starts at the top of the shot.
  const only = join(out, `section-${id}.html`);
  writeFileSync(only, html.replace('</style>', `main > *:not(#${id}) { display: none; }</style>`));
  shot(id, pathToFileURL(only).href, SECTION_HEIGHT);
  rmSync(only);
}
shot('page', url, PAGE_HEIGHT);
process.stdout.write(`${report}\n${written.join('\n')}\n`);
