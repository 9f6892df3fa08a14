/**
 * Writes `grammar/diagram.html`: the railroad (syntax) diagram of the CQL grammar, drawn by
 * Chevrotain's diagram scripts from the serialized grammar of the parser itself.
 *
 *   npm run grammar:diagram
 *
 * `test/cql/grammar.test.ts` fails when the file no longer matches the parser.
 *
 * Offline use: `createSyntaxDiagramsCode` links its scripts and style sheet from unpkg.com
 * unless given `resourceBase` and `css`. We point both at the copies Chevrotain ships in
 * `node_modules/chevrotain/diagrams/`, relative to this folder, so the page works without a
 * network from a checkout after `npm install` (nothing is inlined). From an installed package
 * (`node_modules/ecs-cluster-sim/grammar/`) that relative path does not resolve; regenerate
 * there, or open the checkout's copy.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSyntaxDiagramsCode, type ISerializedGast } from 'chevrotain';
import { CqlParser } from '../src/cql/parser.js';

/** Where the page is written. */
export const DIAGRAM_PATH = fileURLToPath(new URL('./diagram.html', import.meta.url));

/** Chevrotain's diagram scripts (`vendor/`, `src/`) and CSS, relative to `grammar/`. */
export const DIAGRAM_RESOURCES = '../node_modules/chevrotain/diagrams/';

const GENERATED_BANNER = '<!-- This is a generated file -->';
const OUR_BANNER =
  '<!-- Generated from src/cql/parser.ts by grammar/generate-diagram.ts (npm run grammar:diagram); do not edit. -->';

/** The parser's grammar, as the diagram (and the test) read it. */
export function serializedGrammar(): ISerializedGast[] {
  return new CqlParser().getSerializedGastProductions();
}

/** The full text of `diagram.html` for a serialized grammar. */
export function diagramHtml(grammar: ISerializedGast[] = serializedGrammar()): string {
  const html = createSyntaxDiagramsCode(grammar, {
    resourceBase: DIAGRAM_RESOURCES,
    css: `${DIAGRAM_RESOURCES}diagrams.css`,
  });
  return html.replace(GENERATED_BANNER, OUR_BANNER);
}

/**
 * The serialized grammar embedded in a `diagram.html` text (Chevrotain writes it as
 * `window.serializedGrammar = <JSON>;`), or `null` if there is none.
 */
export function embeddedGrammar(html: string): unknown {
  const m = /window\.serializedGrammar = ([\s\S]*?);\s*<\/script>/.exec(html);
  return m ? JSON.parse(m[1]!) : null;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(DIAGRAM_PATH, diagramHtml());
  console.log(`wrote ${DIAGRAM_PATH}`);
}
