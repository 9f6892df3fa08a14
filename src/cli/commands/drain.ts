/**
 * `drain`: what if these instances were drained? On a fork: per service running, short and
 * stuck on the draining instances, and why; moves; utilisation before and after.
 */
import { lossCommand } from '../what-if/loss-command.js';

export const drain = lossCommand('drain');
