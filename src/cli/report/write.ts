/** Writes the HTML report and answers its absolute path (what the user is told to open). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidParameterException } from '../../errors.js';
import type { ScenarioResult } from '../scenario/results.js';
import { htmlReport } from './html.js';

export function writeReport(path: string, result: ScenarioResult): string {
  const full = resolve(path);
  try {
    writeFileSync(full, htmlReport(result));
  } catch (e) {
    throw new InvalidParameterException(`cannot write the report to '${path}': ${(e as Error).message}`);
  }
  return full;
}
