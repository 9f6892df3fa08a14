/**
 * `fail`: what if these instances were lost abruptly (their EC2 instances terminated)? On a fork:
 * per service running and short, and why; standalone tasks lost; utilisation before and after.
 */
import { lossCommand } from '../what-if/loss-command.js';

export const fail = lossCommand('fail');
