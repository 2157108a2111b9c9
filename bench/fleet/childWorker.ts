/*
 * The benchmark's side of a child process (worker.ts): one request at a
 * time over Node's IPC channel, answered with the child's own measurements.
 */
import type { RunBoundedResult } from '@internal/plugin-ccc-backend/src/jobs/runBounded';
import type { Knex } from 'knex';
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { LoadBounds, LoadSummary } from './load';

/** What the benchmark asks of a child. */
export type WorkerRequest =
  | {
      type: 'open-replica';
      db: Knex.Config;
      deviceUrlTemplate: string;
      /** Indexes of the slices this replica runs, of `shardCount`. */
      shards: number[];
      shardCount: number;
      /** Devices at a time per slice (the status poll's default is 8). */
      concurrency: number;
    }
  | { type: 'round' }
  | { type: 'plain-gets'; urls: string[]; concurrency: number }
  | { type: 'http-load'; url: string; headers: Record<string, string>; bounds: LoadBounds }
  | { type: 'exit' };

/** What a child answers. */
export type WorkerReply =
  | { type: 'ok' }
  | { type: 'round'; seconds: number; cpuSeconds: number; result: RunBoundedResult; firstWarning?: string }
  | { type: 'plain-gets'; seconds: number; cpuSeconds: number; failures: number }
  | { type: 'http-load'; summary: LoadSummary }
  | { type: 'error'; message: string };

type ReplyOf<T extends WorkerReply['type']> = Extract<WorkerReply, { type: T }>;

/** A child process running worker.ts. */
export class ChildWorker {
  #pending?: { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void };

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: WorkerReply) => {
      const pending = this.#pending;
      this.#pending = undefined;
      if (reply.type === 'error') pending?.reject(new Error(`Benchmark child failed: ${reply.message}`));
      else pending?.resolve(reply);
    });
    child.on('exit', code => {
      this.#pending?.reject(new Error(`Benchmark child exited with code ${code}`));
      this.#pending = undefined;
    });
  }

  /** Forks a child (with the TypeScript loader this process runs under) and waits until it is listening. */
  static async start(): Promise<ChildWorker> {
    const child = fork(join(__dirname, 'worker.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const worker = new ChildWorker(child);
    await new Promise<WorkerReply>((resolve, reject) => {
      worker.#pending = { resolve, reject };
    });
    return worker;
  }

  /** Sends one request and waits for its answer. */
  async ask<T extends WorkerReply['type']>(request: WorkerRequest, expected: T): Promise<ReplyOf<T>> {
    if (this.#pending) throw new Error('The benchmark child is busy');
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.child.send(request);
    });
    if (reply.type !== expected) throw new Error(`Benchmark child answered ${reply.type}, expected ${expected}`);
    return reply as ReplyOf<T>;
  }

  /** Lets the child close its database pool and exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>(resolve => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'exit' } satisfies WorkerRequest);
    await exited;
  }
}
