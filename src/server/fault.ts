// A test-only fault switch for /api/v1/submissions: makes a share of requests fail the ways real networks do.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem } from '../core/protocol/problems';

export interface FaultConfig {
  /** Share of requests that fail, 0..1. */
  rate: number;
  /** How long a hanging request waits before it answers. */
  hangMs: number;
}

type FaultKind = 'error' | 'drop' | 'hang';
export interface FaultPlan {
  kind: FaultKind;
  /** Whether the batch is stored before the fault strikes (the tablet sees a failure for a stored batch). */
  when: 'before-write' | 'after-write';
}

/** Reads HAILONG_FAULT_RATE / HAILONG_FAULT_HANG_MS; off (null) unless a positive rate is set. */
export function faultFromEnv(env: NodeJS.ProcessEnv): FaultConfig | null {
  const rate = Number(env.HAILONG_FAULT_RATE ?? '');
  if (!Number.isFinite(rate) || rate <= 0) return null;
  const hangText = env.HAILONG_FAULT_HANG_MS?.trim();
  const hang = hangText ? Number(hangText) : NaN;
  return { rate: Math.min(rate, 1), hangMs: Number.isFinite(hang) && hang >= 0 ? hang : 20_000 };
}

export function planFault(config: FaultConfig | null, random: () => number): FaultPlan | null {
  if (!config || random() >= config.rate) return null;
  const kinds: FaultKind[] = ['error', 'drop', 'hang'];
  return { kind: kinds[Math.min(2, Math.floor(random() * 3))], when: random() < 0.5 ? 'before-write' : 'after-write' };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Applies the fault at its moment. Returns normally for a hang (the caller then answers late), and
 * throws or destroys the connection otherwise.
 */
export async function strike(plan: FaultPlan, config: FaultConfig, request: FastifyRequest, reply: FastifyReply): Promise<'answer' | 'gone'> {
  request.log.warn({ fault: plan }, 'injected fault');
  switch (plan.kind) {
    case 'error':
      throw problem.injectedFault({ when: plan.when });
    case 'drop':
      reply.hijack();
      request.raw.socket.destroy();
      return 'gone';
    case 'hang':
      await sleep(config.hangMs);
      return 'answer';
  }
}
