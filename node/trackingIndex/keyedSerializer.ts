// Runs tasks that share a key one after another, in the order they were submitted; tasks
// with different keys run side by side (the index's documents: one upsert per invoice at a time).
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>()

  public run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const result = previous.then(task, task)
    const tail = result.catch(() => undefined)
    this.tails.set(key, tail)
    // Forget the key once its queue drains, so the map does not grow with every key seen.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return result
  }
}
