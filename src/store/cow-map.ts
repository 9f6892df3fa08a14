/** Moved to `src/collections/cow-map.ts`; this re-export keeps older imports working until they move. */
export { CowMap } from '../collections/cow-map.js';
