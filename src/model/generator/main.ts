/**
 * `npm run model:generate`: stage 1 (botocore's ECS model → `ecs-model.json`, only where botocore
 * is installed) then stage 2 (`ecs-model.json` → the generated TypeScript). `--check` writes
 * nothing and fails if a generated file differs from what the committed data gives.
 *
 * BOTOCORE_ECS_MODEL names another botocore `data/ecs/2014-11-13/service-2.json`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFiles } from './generate.js';
import type { ModelData } from './model-data.js';
import { trimModelFiles } from './trim-model.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The committed data file, relative to the repository root. */
export const MODEL_DATA_FILE = 'src/model/generator/ecs-model.json';
const BOTOCORE_MODEL = process.env['BOTOCORE_ECS_MODEL'] ?? '/usr/lib/python3/dist-packages/botocore/data/ecs/2014-11-13/service-2.json';
const SDK_DIR = path.join(ROOT, 'node_modules/@aws-sdk/client-ecs');

function stage1(): void {
  if (!fs.existsSync(BOTOCORE_MODEL)) {
    console.log(`stage 1 skipped: no botocore ECS model at ${BOTOCORE_MODEL} (install python3-botocore or set BOTOCORE_ECS_MODEL);`);
    console.log(`generating from the committed ${MODEL_DATA_FILE}`);
    return;
  }
  const init = fs.readFileSync(path.resolve(path.dirname(BOTOCORE_MODEL), '../../../__init__.py'), 'utf8');
  const botocoreVersion = /__version__ = '([^']+)'/.exec(init)?.[1] ?? 'unknown';
  const data = trimModelFiles(BOTOCORE_MODEL, botocoreVersion, SDK_DIR);
  fs.writeFileSync(path.join(ROOT, MODEL_DATA_FILE), `${JSON.stringify(data, null, 2)}\n`);
  console.log(`stage 1: ${MODEL_DATA_FILE} from botocore ${botocoreVersion} (${Object.keys(data.shapes).length} shapes)`);
}

function stage2(check: boolean): boolean {
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, MODEL_DATA_FILE), 'utf8')) as ModelData;
  let current = true;
  for (const [file, text] of Object.entries(generateFiles(data))) {
    const target = path.join(ROOT, file);
    const same = fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text;
    if (check) {
      if (!same) console.log(`${file} is not what ${MODEL_DATA_FILE} generates; run npm run model:generate`);
    } else if (!same) {
      fs.writeFileSync(target, text);
      console.log(`stage 2: wrote ${file}`);
    }
    current &&= same;
  }
  return current;
}

const check = process.argv.includes('--check');
if (!check) stage1();
if (!stage2(check) && check) process.exitCode = 1;
