// OMS's rate limit is per account and unpublished, and IO runs 2 to 10 replicas of this
// service against the same limit; a 429 tells us that all of us together passed it. The gate
// is shared by every call to one account's OMS in this process, and it paces call starts,
// spread evenly over the second (a replica that sent its second's worth at once would fill
// OMS's window before the others' calls, and starve them):
// - no pace until the first 429; then a little under what this process got admitted in the
//   second before it (its share of the limit in that second);
// - growth: each second in which the pace held the calls back and no 429 came, 3 % more (15 %
//   once 2 s have passed without a 429: a process whose share grew, as others went idle, gets
//   there soon); each 429 burst (one per second at most) cuts the pace by 10 %. Replicas doing the
//   same converge on an even share of the limit and together keep it nearly full, with few
//   429s (the classic increase/decrease rule that shares a link fairly);
// - the call told 429 waits its Retry-After (upstream/retryPolicy.ts); the others pause for a
//   moment, so the calls already waiting do not all hit the same exhausted window.

const WINDOW_MS = 1000
const FIRST_HEADROOM = 0.95
const INCREASE = 1.03
const INCREASE_WHEN_QUIET = 1.15
const QUIET_MS = 2000
const DECREASE = 0.9
/** Fewer admissions than this in the second before the first 429 tell no pace. */
const MIN_SAMPLE = 10
const MIN_PACE = 5
/** How long every call pauses after a 429 (at most the Retry-After). */
const PAUSE_AFTER_429_MS = 100
/** How far ahead of the even spacing a start may run. */
const BURST_MS = 20
/** The pace grows only when it held calls back: at least this share of it was used. */
const BUSY_SHARE = 0.9

export class RateLimitGate {
  private openAt = 0
  private readonly starts: number[] = []
  private readonly admissions: number[] = []
  /** Call starts per window we allow ourselves; undefined until the first 429. */
  private pace: number | undefined
  private lastChangeAt = 0
  private lastCutAt = -Infinity
  private nextStartAt = 0

  /** How long a call that would start at `nowMs` must wait first (0: go). */
  public waitMs(nowMs: number): number {
    if (nowMs < this.openAt) return this.openAt - nowMs
    if (this.pace === undefined) return 0
    dropOlderThan(this.starts, nowMs - WINDOW_MS)
    this.grow(nowMs)
    // Starts are spread evenly (one every 1000/pace ms, a burst of BURST_MS at most): a whole
    // second's worth at the start of OMS's window would fill it before other replicas' calls.
    const due = Math.max(this.nextStartAt, nowMs) - BURST_MS
    return due > nowMs ? Math.ceil(due - nowMs) : 0
  }

  /** A call starts now (after waitMs said 0, with nothing awaited in between). */
  public started(nowMs: number): void {
    this.starts.push(nowMs)
    if (this.pace !== undefined) this.nextStartAt = Math.max(this.nextStartAt, nowMs) + WINDOW_MS / this.pace
  }

  /** The upstream answered (anything but 429): that request counted against its limit. */
  public admitted(nowMs: number): void {
    this.admissions.push(nowMs)
    dropOlderThan(this.admissions, nowMs - WINDOW_MS)
  }

  /** The upstream answered 429. */
  public limited(nowMs: number, retryAfterMs: number): void {
    this.openAt = Math.max(this.openAt, nowMs + Math.min(retryAfterMs, PAUSE_AFTER_429_MS))
    // A burst of 429s is one signal: the calls in flight when the window filled all get one.
    if (nowMs - this.lastCutAt < WINDOW_MS) return
    dropOlderThan(this.admissions, nowMs - WINDOW_MS)
    if (this.pace === undefined) {
      if (this.admissions.length < MIN_SAMPLE) return
      this.pace = Math.max(MIN_PACE, this.admissions.length * FIRST_HEADROOM)
    } else {
      this.pace = Math.max(MIN_PACE, this.pace * DECREASE)
    }
    this.lastCutAt = nowMs
    this.lastChangeAt = nowMs
  }

  /** The pace in use (call starts per second), for tests and logs. */
  public get callsPerSecond(): number | undefined {
    return this.pace === undefined ? undefined : Math.floor(this.pace)
  }

  private grow(nowMs: number): void {
    if (this.pace === undefined || nowMs - this.lastChangeAt < WINDOW_MS) return
    // Only a pace that held calls back is raised: an idle process learns nothing about the limit.
    if (this.starts.length >= BUSY_SHARE * Math.floor(this.pace)) {
      this.pace *= nowMs - this.lastCutAt >= QUIET_MS ? INCREASE_WHEN_QUIET : INCREASE
    }
    this.lastChangeAt = nowMs
  }
}

function dropOlderThan(times: number[], cutoff: number): void {
  let drop = 0
  while (drop < times.length && times[drop] <= cutoff) drop++
  if (drop > 0) times.splice(0, drop)
}
