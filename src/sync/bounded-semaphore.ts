import { UsageError } from "../core/errors";
import { Semaphore } from "./semaphore";

/** A Semaphore that refuses to be released more often than it was acquired. */
export class BoundedSemaphore extends Semaphore {
  _bound: number;

  constructor(value?: number) {
    super(value);
    this._bound = this._value;
  }

  override release(): void {
    if (this._value + this._handed.length >= this._bound) {
      throw new UsageError("E_SEMAPHORE_OVERFLOW", "BoundedSemaphore released more times than acquired (its value is " + this._bound + ")");
    }
    super.release();
  }
}
