/**
 * Peak memory of a benchmark run: the process's peak resident set as the
 * OS reports it, and the peak V8 heap per phase, sampled by the caller.
 */

const MB = 1024 * 1024;

/** Tracks the peak heap of the current phase and the process's peak RSS. */
export class MemoryPeak {
  private phasePeak = 0;

  /** Starts a new phase; its heap peak starts from the heap now. */
  startPhase(): void {
    this.phasePeak = process.memoryUsage().heapUsed;
  }

  /** Records the heap as it is now. */
  sample(): void {
    this.phasePeak = Math.max(this.phasePeak, process.memoryUsage().heapUsed);
  }

  /** The highest heap seen in this phase, in MB. */
  phasePeakHeapMb(): number {
    return Math.round(this.phasePeak / MB);
  }

  /** The process's peak resident set so far, in MB. */
  peakRssMb(): number {
    return Math.round((process.resourceUsage().maxRSS * 1024) / MB);
  }
}
