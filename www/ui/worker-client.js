// Talks to worker.js: one request at a time per kind, the newest analysis wins, and a worker
// whose module trapped is replaced by a fresh one.

export class WorkerClient {
  /**
   * `first`: a worker already started (boot.js), what it said before this client existed, and
   * when its engine message was sent. `engine`: a promise of the compiled wasm module (or of
   * null), handed to every worker this client starts, so a replacement does not compile again.
   */
  constructor({ onReady, onFailed, onCrash, first = null, engine = null }) {
    this.onReady = onReady;
    this.onFailed = onFailed;
    this.onCrash = onCrash;
    this.engine = Promise.resolve(engine).catch(() => null);
    this.nextId = 1;
    this.pending = new Map();
    this.docxSupported = null;
    this.start(first);
  }

  start(first = null) {
    const worker = first?.worker ?? new Worker(new URL('../worker.js', import.meta.url), { type: 'module' });
    this.worker = worker;
    // A worker's first message is its engine (worker.js): requests wait until it is sent.
    this.engineSent = first?.engineSent ?? this.engine.then((module) => worker.postMessage({ op: 'engine', module }));
    this.worker.onmessage = (event) => this.receive(event.data);
    this.failure = null;
    const fail = (message) => {
      // The module could not be loaded or started: later calls fail at once instead of waiting.
      this.failure = message;
      this.failAll(this.failure);
      this.onFailed?.(this.failure);
    };
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      fail(event.message || 'the worker script could not be loaded');
    };
    if (first) {
      // Replayed once the code that created this client has run to its end, so the handlers
      // it passed can use everything it declares after the client.
      queueMicrotask(() => {
        for (const message of first.early.messages.splice(0)) this.receive(message);
        if (first.early.error) fail(first.early.error);
      });
    }
  }

  receive(message) {
    if (message.type === 'ready') {
      this.docxSupported = message.docx;
      this.onReady?.(message);
      return;
    }
    if (message.type === 'failed') {
      this.failure = message.error;
      this.failAll(message.error);
      this.onFailed?.(message.error);
      return;
    }
    const request = this.pending.get(message.id);
    if (!request) return;
    this.pending.delete(message.id);
    if (message.ok) {
      request.resolve(message.result);
      return;
    }
    const error = new Error(message.panic || message.error);
    error.code = message.code;
    error.trapped = message.trapped;
    request.reject(error);
    if (message.trapped) this.restart(error.message);
  }

  /** Replaces a worker whose module trapped: the old instance cannot be trusted any more. */
  restart(reason) {
    this.worker.terminate();
    this.failAll(reason);
    this.start();
    this.onCrash?.(reason);
  }

  failAll(reason) {
    for (const request of this.pending.values()) {
      const error = new Error(reason);
      error.trapped = !this.failure;
      request.reject(error);
    }
    this.pending.clear();
  }

  async call(op, payload, transfer = []) {
    if (this.failure) throw new Error(this.failure);
    const worker = this.worker;
    await this.engineSent;
    if (this.failure) throw new Error(this.failure);
    // Replaced while waiting (a trap): the request goes to the new worker once its engine is sent.
    if (worker !== this.worker) return this.call(op, payload, transfer);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, ...payload }, transfer);
    });
  }
}

/**
 * Keeps at most one analysis running and one waiting: a request made while another runs
 * replaces the waiting one, so a burst of edits costs two analyses, not one per keystroke.
 */
export class LatestOnly {
  constructor(run) {
    this.run = run;
    this.running = false;
    this.waiting = null;
  }

  submit(job) {
    return new Promise((resolve, reject) => {
      if (this.waiting) this.waiting.resolve({ superseded: true });
      this.waiting = { job, resolve, reject };
      this.pump();
    });
  }

  async pump() {
    if (this.running || !this.waiting) return;
    const { job, resolve, reject } = this.waiting;
    this.waiting = null;
    this.running = true;
    try {
      const result = await this.run(job);
      // A newer request is already waiting: this result is stale, do not show it.
      resolve(this.waiting ? { superseded: true } : { result });
    } catch (err) {
      if (this.waiting) resolve({ superseded: true });
      else reject(err);
    } finally {
      this.running = false;
      this.pump();
    }
  }
}
