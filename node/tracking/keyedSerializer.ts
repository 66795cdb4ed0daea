// Runs tasks that share a key one after another, in the order they were submitted; tasks
// with different keys run side by side. This is what keeps two MERGE writes to one invoice
// from reading the same list and dropping each other's event (within one process; across
// replicas, the verify-after-write in updateTracking.ts catches it).
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>()

  public run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const result = previous.then(task, task)
    const tail = result.catch(() => undefined)
    this.tails.set(key, tail)
    // Forget the key once its queue drains, so the map does not grow with every invoice seen.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return result
  }

  public get pendingKeys(): number {
    return this.tails.size
  }
}

/** At most `limit` tasks at once; the rest wait in submission order. */
export class ConcurrencyLimiter {
  private running = 0
  private readonly waiting: Array<() => void> = []

  constructor(private readonly limit: number) {}

  public async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so a newcomer can never
    // slip in between and exceed the limit.
    if (this.running >= this.limit) await new Promise<void>(resolve => this.waiting.push(resolve))
    else this.running++
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.running--
    }
  }
}
