import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';

/** Calls one person may start per minute (every device and process together): enough to redial, not to ring someone's phones for ever. */
export const RINGS_PER_MINUTE = 12;

/** Counts call starts per person, in Redis when set so that every process counts the same ones. */
export class RingLimits {
  private readonly limiter: RateLimiterAbstract;

  constructor(ctx: AppContext) {
    this.limiter = ctx.redis
      ? new RateLimiterRedis({
          storeClient: ctx.redis,
          points: RINGS_PER_MINUTE,
          duration: 60,
          keyPrefix: `${ctx.config.redisPrefix}:call-ring`,
        })
      : new RateLimiterMemory({ points: RINGS_PER_MINUTE, duration: 60, keyPrefix: 'call-ring' });
  }

  async consume(personId: string): Promise<void> {
    try {
      await this.limiter.consume(personId);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new AppError(429, 'too_many_calls', `You are starting calls too often; try again in ${seconds} s.`, {
        retryAfterSeconds: seconds,
      });
    }
  }
}
