import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';

/**
 * Sign-in throttles: per client address and per account, counted over 15 minutes. In memory on one
 * process, in Redis when scaled out so every process counts the same attempts.
 */
export class SignInLimits {
  private readonly perIp: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;
  private readonly resetsPerAccount: RateLimiterAbstract;
  private readonly guessFailures: RateLimiterAbstract;
  private readonly guessBudget: number;

  constructor(opts: { perIp: number; perAccount: number; redis?: Redis | undefined; prefix: string }) {
    const make = (points: number, keyPrefix: string, duration = 900): RateLimiterAbstract =>
      opts.redis
        ? new RateLimiterRedis({ storeClient: opts.redis, points, duration, keyPrefix: `${opts.prefix}:${keyPrefix}` })
        : new RateLimiterMemory({ points, duration, keyPrefix });
    this.perIp = make(opts.perIp, 'signin-ip');
    this.perAccount = make(opts.perAccount, 'signin-account');
    // Reset mails: a few an hour per address, so the form cannot be used to flood someone's inbox.
    this.resetsPerAccount = make(5, 'reset-account', 3600);
    this.guessBudget = opts.perAccount;
    this.guessFailures = make(opts.perAccount, 'guess-failures');
  }

  /** Counts one attempt; throws 429 with the wait when either budget is spent. */
  async consume(ip: string, accountKey: string): Promise<void> {
    await Promise.all([take(this.perIp, ip), take(this.perAccount, accountKey)]);
  }

  /** Counts one password-reset request against the address's and the account's budgets. */
  async consumeReset(ip: string, accountKey: string): Promise<void> {
    await Promise.all([take(this.perIp, ip), take(this.resetsPerAccount, accountKey, 'password reset requests')]);
  }

  /**
   * Guesses at short secrets (access codes, authenticator codes) count only when wrong, so a whole
   * shop onboarding from one address is not slowed, while guessing is: `keys` are e.g. the address
   * and the person. Throws 429 once any key has used its budget of failures.
   */
  async assertGuessesLeft(keys: string[]): Promise<void> {
    for (const key of keys) {
      const res = await this.guessFailures.get(key);
      if (res && res.consumedPoints >= this.guessBudget) {
        const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw new AppError(429, 'too_many_attempts', `Too many wrong codes. Try again in ${seconds} s.`, { retryAfterSeconds: seconds });
      }
    }
  }

  async countWrongGuess(keys: string[]): Promise<void> {
    for (const key of keys) await this.guessFailures.penalty(key, 1);
  }

  /** A successful sign-in forgives that account's failures (not the address's). */
  async reset(accountKey: string): Promise<void> {
    await this.perAccount.delete(accountKey);
  }
}

async function take(limiter: RateLimiterAbstract, key: string, what = 'sign-in attempts'): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (res) {
    if (res instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new AppError(429, 'too_many_attempts', `Too many ${what}. Try again in ${seconds} s.`, {
        retryAfterSeconds: seconds,
      });
    }
    throw res;
  }
}

/**
 * Chat flooding: each person may send `perTenSeconds` messages per 10 s window (a burst of that many
 * is fine), counted in Redis when set so every process counts the same sends. Other people have
 * their own budgets.
 */
export class ChatSendLimits {
  private readonly limiter: RateLimiterAbstract;

  constructor(opts: { perTenSeconds: number; redis?: Redis | undefined; prefix: string }) {
    this.limiter = opts.redis
      ? new RateLimiterRedis({ storeClient: opts.redis, points: opts.perTenSeconds, duration: 10, keyPrefix: `${opts.prefix}:chat-send` })
      : new RateLimiterMemory({ points: opts.perTenSeconds, duration: 10, keyPrefix: 'chat-send' });
  }

  /** Counts one send; throws 429 with the wait when the person's budget is spent. */
  async consume(personId: string): Promise<void> {
    try {
      await this.limiter.consume(personId);
    } catch (res) {
      if (res instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw new AppError(429, 'too_many_messages', `You are sending messages too fast; try again in ${seconds} s.`, {
          retryAfterSeconds: seconds,
        });
      }
      throw res;
    }
  }
}
