import 'server-only';
import type { TApplyStep, TLastApply } from '@/lib/schemas/aws';
import { errorSummary } from '../aws/aws-error-kind';
import { AppError } from '../errors';

// What an apply (or delete) did in AWS, step by step, so the record can say exactly what exists
// there now — also when AWS refused half-way. A failed step stops the run; the planned steps after
// it are listed as skipped, and a retry picks up where it stopped (every step is idempotent).

export interface PlannedStep {
  action: string;
  target: string;
  detail?: string;
  work: () => Promise<unknown>;
}

export class StepLog {
  readonly steps: TApplyStep[] = [];
  failure: AppError | null = null;

  /** Runs one AWS step; on failure records it (and throws the AppError on). */
  async run<T>(action: string, target: string, work: () => Promise<T>, outcome: (value: T) => { status: 'done' | 'unchanged'; detail?: string } = () => ({ status: 'done' })): Promise<T> {
    try {
      const value = await work();
      const { status, detail } = outcome(value);
      this.steps.push({ action, target, status, ...(detail ? { detail } : {}) });
      return value;
    } catch (error) {
      if (error instanceof AppError) {
        this.failure = error;
        this.steps.push({ action, target, status: 'failed', error: errorSummary(error) });
      }
      throw error;
    }
  }

  /** Runs planned steps in order; after a failure the rest are listed as skipped and the failure is thrown. */
  async runPlan(plan: readonly PlannedStep[]): Promise<void> {
    for (let i = 0; i < plan.length; i++) {
      const step = plan[i] as PlannedStep;
      try {
        await this.run(step.action, step.target, step.work, () => ({ status: 'done', ...(step.detail ? { detail: step.detail } : {}) }));
      } catch (error) {
        for (const rest of plan.slice(i + 1)) this.skipped(rest.action, rest.target, 'Not attempted: an earlier step failed.');
        throw error;
      }
    }
  }

  /** One sentence for the record: what happened, and on failure where it stopped and what was done before. */
  summary(ok: string): string {
    if (!this.failure) return ok;
    const failed = this.steps.find((s) => s.status === 'failed');
    const done = this.steps.filter((s) => s.status === 'done').map((s) => `${s.action} ${s.target}`);
    return `Stopped at ${failed?.action ?? 'a step'} (${failed?.target ?? ''}): ${this.failure.message} ${done.length > 0 ? `Done in AWS before that: ${done.join('; ')}.` : 'Nothing was changed in AWS.'} Apply again to finish.`;
  }

  unchanged(action: string, target: string, detail?: string): void {
    this.steps.push({ action, target, status: 'unchanged', ...(detail ? { detail } : {}) });
  }

  skipped(action: string, target: string, detail?: string): void {
    this.steps.push({ action, target, status: 'skipped', ...(detail ? { detail } : {}) });
  }

  outcome(operation: TLastApply['operation'], at: Date, summary: { result?: TLastApply['result']; message: string; extra?: TLastApply['extra'] }): TLastApply {
    return {
      at: at.toISOString(),
      operation,
      ok: this.failure === null,
      ...(summary.result && this.failure === null ? { result: summary.result } : {}),
      message: summary.message,
      steps: this.steps,
      extra: summary.extra ?? {},
      ...(this.failure ? { error: errorSummary(this.failure) } : {}),
    };
  }
}

/** Runs the AWS part of an apply: AppErrors become the log's failure (the caller stores it); anything else propagates. */
export async function runSteps(log: StepLog, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof AppError) || log.failure !== error) throw error;
  }
}
