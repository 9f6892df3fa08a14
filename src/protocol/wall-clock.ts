/**
 * Simulated time that follows the wall clock, for an endpoint real clients talk to: before each
 * request, every region's clock moves by the wall time since the previous request times
 * `timeScale`, so tasks start and stop and services settle as clients wait for them (the aws
 * CLI's `wait tasks-running`, boto3's waiters). `/_sim/advance` still moves it further. The
 * library's endpoint keeps the clock still (`timeScale` 0) unless asked: harnesses want the same
 * answers on every run; `serve` follows the wall clock unless `--time-scale 0`.
 */
import { InvalidParameterException, quote } from '../errors.js';

/** The largest `timeScale`: about 2.8 simulated hours per wall second. */
export const MAX_TIME_SCALE = 10_000;

/**
 * Checks a time scale (simulated ms per wall ms).
 * @example checkTimeScale(60, 'timeScale') // 60: a simulated minute per wall second
 */
export function checkTimeScale(scale: unknown, member: string): number {
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < 0 || scale > MAX_TIME_SCALE) {
    throw new InvalidParameterException(`${member} must be a number from 0 (the clock moves only with /_sim/advance) to ${MAX_TIME_SCALE}; got ${quote(scale, 40)}`);
  }
  return scale;
}

/**
 * How far simulated time moves at each request: the wall time since the last one, scaled, in
 * whole milliseconds (the fraction is carried, so many quick requests lose nothing).
 *
 * @example
 * const follower = new WallClockFollower(1);
 * const ms = follower.take(); // wall ms since the follower was made (or since the last take)
 */
export class WallClockFollower {
  private last: number;
  private carry = 0;

  constructor(private readonly timeScale: number, private readonly wallMs: () => number = () => performance.now()) {
    checkTimeScale(timeScale, 'timeScale');
    this.last = wallMs();
  }

  /** Whole simulated milliseconds to advance now. */
  take(): number {
    const now = this.wallMs();
    const ms = Math.max(0, now - this.last) * this.timeScale + this.carry;
    this.last = now;
    const whole = Math.floor(ms);
    this.carry = ms - whole;
    return whole;
  }
}
