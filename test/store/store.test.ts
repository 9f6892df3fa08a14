import { InstanceStore } from '../../src/store/store.js';
import { NaiveInstanceStore } from '../../src/store/naive.js';
import { storeSpec } from './store-spec.js';

storeSpec('naive store (reference evaluator)', () => new NaiveInstanceStore());
storeSpec('indexed store', () => new InstanceStore());
