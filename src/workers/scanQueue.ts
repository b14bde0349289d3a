/** Requests waiting for a worker: visible ones newest first, then background ones oldest first. */
export interface ScanQueue<T extends object> {
  /** Queues `item` as visible, or moves it to the front of the visible ones. */
  visible(item: T): void;
  /** Queues `item` behind the background ones, unless it is queued there already. */
  background(item: T): void;
  /** Removes and returns the next item to start, or undefined when none waits. */
  take(): T | undefined;
  /** Keeps the visible items `keep` accepts; returns the others that are not queued at all now. */
  keepVisible(keep: (item: T) => boolean): T[];
  clear(): void;
}

/** An empty queue. An item is queued at most once per priority; taking it removes it from both. */
export function createScanQueue<T extends object>(): ScanQueue<T> {
  let stack: T[] = [];
  // A FIFO read from `head`; items taken through the visible stack are skipped when reached.
  let fifo: T[] = [];
  let head = 0;
  const inStack = new Set<T>();
  const inFifo = new Set<T>();

  function compact(): void {
    if (head === fifo.length) {
      fifo = [];
      head = 0;
    } else if (head > 1024 && head * 2 > fifo.length) {
      fifo = fifo.slice(head);
      head = 0;
    }
  }

  return {
    visible(item) {
      if (inStack.has(item)) stack.splice(stack.lastIndexOf(item), 1);
      stack.push(item);
      inStack.add(item);
    },

    background(item) {
      if (inFifo.has(item)) return;
      fifo.push(item);
      inFifo.add(item);
    },

    take() {
      const top = stack.pop();
      if (top !== undefined) {
        inStack.delete(top);
        inFifo.delete(top);
        return top;
      }
      while (head < fifo.length) {
        const item = fifo[head++];
        if (item === undefined || !inFifo.delete(item)) continue;
        compact();
        return item;
      }
      compact();
      return undefined;
    },

    keepVisible(keep) {
      const gone: T[] = [];
      stack = stack.filter((item) => {
        if (keep(item)) return true;
        inStack.delete(item);
        if (!inFifo.has(item)) gone.push(item);
        return false;
      });
      return gone;
    },

    clear() {
      stack = [];
      fifo = [];
      head = 0;
      inStack.clear();
      inFifo.clear();
    },
  };
}
