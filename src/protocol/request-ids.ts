/** Request ids in UUID form, from a counter: deterministic, unique per handler. */
export class RequestIds {
  private n = 0;

  next(): string {
    const hex = (this.n++).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${hex}`;
  }
}
