import { Worker } from 'node:worker_threads';
import { decodeText, normalizeText, truncateText } from './extract-text.js';
import { sniffFormat } from './extract-sniff.js';

/**
 * Text of an uploaded file for full-text search. PDF and OOXML (DOCX, XLSX, PPTX) are parsed in a
 * worker thread with memory limits, terminated when it runs past `timeoutMs`, so a pathological
 * file can neither block the event loop nor hold a thread; plain text is decoded here (linear and
 * bounded by `maxInputBytes`). The format comes from the bytes; mime and name are only hints.
 */

export interface ExtractLimits {
  maxInputBytes: number;
  maxOutputChars: number;
  maxUnpackedBytes: number;
  timeoutMs: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxInputBytes: 25 * 2 ** 20,
  maxOutputChars: 200_000,
  maxUnpackedBytes: 100 * 2 ** 20,
  timeoutMs: 10_000,
};

export type ExtractResult =
  { ok: true; text: string; truncated: boolean } | { ok: false; reason: 'unsupported' | 'encrypted' | 'corrupt' | 'too_large' | 'timeout' };

type Failure = Extract<ExtractResult, { ok: false }>;

/** Raw text the worker may collect before normalising: generous, since whitespace collapses. */
const RAW_CHARS_FACTOR = 4;

const WORKER_URL = new URL('./extract-worker.mjs', import.meta.url);

/** Never throws for bad input: every failure is a reason. */
export async function extractText(
  bytes: Uint8Array,
  mime: string,
  fileName: string,
  limits?: Partial<ExtractLimits>,
): Promise<ExtractResult> {
  const l: ExtractLimits = { ...DEFAULT_EXTRACT_LIMITS, ...limits };
  if (bytes.length > l.maxInputBytes) return fail('too_large');
  const format = sniffFormat(bytes, mime, fileName);
  switch (format.kind) {
    case 'text': {
      const text = decodeText(bytes);
      return text === null ? fail('unsupported') : finish(text, false, l.maxOutputChars);
    }
    case 'pdf':
    case 'zip':
      return runWorker(format.kind, bytes, format.claimsOoxml, l);
    default:
      return fail(format.kind);
  }
}

function fail(reason: Failure['reason']): Failure {
  return { ok: false, reason };
}

function finish(raw: string, cut: boolean, maxChars: number): ExtractResult {
  const { text, truncated } = truncateText(normalizeText(raw), maxChars);
  return { ok: true, text, truncated: truncated || cut };
}

type WorkerReply = { ok: true; text: string; truncated: boolean } | Failure;

function runWorker(kind: 'pdf' | 'zip', bytes: Uint8Array, claimsOoxml: boolean, l: ExtractLimits): Promise<ExtractResult> {
  return new Promise((resolve) => {
    let settled = false;
    let worker: Worker;
    const settle = (result: ExtractResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Terminating an exited worker is harmless; the promise only says when the thread is gone.
      worker.terminate().catch(() => undefined);
      resolve(result);
    };
    const timer = setTimeout(() => settle(fail('timeout')), l.timeoutMs);
    try {
      worker = new Worker(WORKER_URL, {
        workerData: {
          kind,
          bytes,
          limits: { maxUnpackedBytes: l.maxUnpackedBytes, maxRawChars: l.maxOutputChars * RAW_CHARS_FACTOR, claimsOoxml },
        },
        // Worker heap limits: inflated parts are bounded by maxUnpackedBytes; this bounds the rest
        // (pdf.js objects, parser state). Exceeding them ends the worker with ERR_WORKER_OUT_OF_MEMORY.
        resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
        stdout: true,
        stderr: true,
      });
    } catch {
      clearTimeout(timer);
      resolve(fail('corrupt'));
      return;
    }
    // pdf.js may print; nothing of a parsed file belongs in the server's log.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.once('message', (reply: WorkerReply) => {
      settle(reply.ok ? finish(reply.text, reply.truncated, l.maxOutputChars) : reply);
    });
    worker.once('error', (err: Error & { code?: string }) => {
      settle(fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too_large' : 'corrupt'));
    });
    worker.once('exit', () => settle(fail('corrupt')));
  });
}
