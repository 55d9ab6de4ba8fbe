// Parses one file in a worker thread (started by extract.ts, which enforces the time limit by
// terminating this thread). Plain JavaScript on purpose: a worker does not inherit tsx's loader, and
// this file imports only npm packages. Protocol: workerData = { kind: 'pdf' | 'zip', bytes, limits },
// one message back: { ok: true, text, truncated } | { ok: false, reason }.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Unzip, UnzipInflate } from 'fflate';
import { SaxesParser } from 'saxes';

/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1,032×, so one step
 *  can never produce more than a few MB before the unpacked total is checked again. */
const ZIP_STEP = 4096;
const MAX_ZIP_ENTRIES = 10_000;

/** Thrown from XML callbacks once the text cap is reached: the rest of the part is not parsed. */
const FULL = Symbol('full');

class Stop extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

/** Collects text up to a cap, so a huge document never builds a huge string. */
class TextSink {
  constructor(cap) {
    this.cap = cap;
    this.parts = [];
    this.length = 0;
    this.full = false;
  }
  add(s) {
    if (this.full || !s) return;
    const room = this.cap - this.length;
    if (s.length > room) {
      this.parts.push(s.slice(0, room));
      this.length = this.cap;
      this.full = true;
      return;
    }
    this.parts.push(s);
    this.length += s.length;
  }
  text() {
    return this.parts.join('');
  }
}

// ---------- PDF ----------

async function extractPdf(bytes, sink) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: bytes,
    // Everything pdf.js could fetch is local: predefined CMaps (CJK text) and the standard fonts.
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  // Without a callback pdf.js rejects with a PasswordException; with one it would wait forever.
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    if (err && err.name === 'PasswordException') throw new Stop('encrypted');
    throw new Stop('corrupt');
  }
  try {
    for (let n = 1; n <= doc.numPages && !sink.full; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (typeof item.str !== 'string') continue;
        sink.add(item.str);
        if (item.hasEOL) sink.add('\n');
      }
      sink.add('\n\n');
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
}

// ---------- OOXML (zip + XML) ----------

const WANTED = [/^word\/document\.xml$/, /^xl\/sharedStrings\.xml$/, /^xl\/worksheets\/sheet\d+\.xml$/, /^ppt\/slides\/slide\d+\.xml$/];

/**
 * Inflates the entries that hold text, counting the bytes actually produced (declared sizes are
 * not trusted): past maxUnpackedBytes it stops with 'too_large'. Returns the names seen and the
 * inflated chunks of the wanted entries.
 */
function unpack(bytes, maxUnpackedBytes) {
  const names = new Set();
  const parts = new Map();
  let unpacked = 0;
  let failure = null;
  const unzip = new Unzip((file) => {
    names.add(file.name);
    if (names.size > MAX_ZIP_ENTRIES) throw new Stop('too_large');
    if (!WANTED.some((re) => re.test(file.name))) return;
    if (file.compression !== 0 && file.compression !== 8) throw new Stop('corrupt');
    const chunks = [];
    parts.set(file.name, chunks);
    file.ondata = (err, data) => {
      if (err) {
        failure ??= new Stop('corrupt');
        return;
      }
      unpacked += data.length;
      if (unpacked > maxUnpackedBytes) {
        failure ??= new Stop('too_large');
        file.terminate();
        return;
      }
      if (data.length) chunks.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += ZIP_STEP) {
      unzip.push(bytes.subarray(at, at + ZIP_STEP), at + ZIP_STEP >= bytes.length);
      if (failure) throw failure;
    }
  } catch (err) {
    if (err instanceof Stop) throw err;
    throw new Stop('corrupt');
  }
  if (failure) throw failure;
  if (names.size === 0) throw new Stop('corrupt');
  return { names, parts };
}

/** Streams XML chunks through saxes; `on` gets open/close/text events with local names. */
function parseXml(chunks, on) {
  const parser = new SaxesParser({ xmlns: false });
  const local = (name) => name.slice(name.indexOf(':') + 1);
  parser.on('opentag', (tag) => on.open?.(local(tag.name), tag.attributes));
  parser.on('closetag', (tag) => on.close?.(local(tag.name)));
  parser.on('text', (t) => on.text?.(t));
  parser.on('cdata', (t) => on.text?.(t));
  const decoder = new TextDecoder('utf-8');
  try {
    for (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode()).close();
  } catch (err) {
    if (err === FULL) return;
    if (err instanceof Stop) throw err;
    throw new Stop('corrupt');
  }
}

/** Paragraph text of WordprocessingML or DrawingML: <t> runs, tabs, breaks, paragraph ends. */
function paragraphs(chunks, sink) {
  let inText = 0;
  parseXml(chunks, {
    open(name) {
      if (name === 't') inText++;
      else if (name === 'tab') sink.add('\t');
      else if (name === 'br' || name === 'cr') sink.add('\n');
    },
    close(name) {
      if (name === 't') inText--;
      else if (name === 'p') sink.add('\n');
    },
    text(t) {
      if (inText > 0) sink.add(t);
      if (sink.full) throw FULL;
    },
  });
}

function sharedStrings(chunks) {
  const strings = [];
  let current = null;
  let inText = 0;
  let inPhonetic = 0;
  parseXml(chunks, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 't') inText++;
      else if (name === 'rPh') inPhonetic++;
    },
    close(name) {
      if (name === 'si') {
        strings.push((current ?? []).join(''));
        current = null;
      } else if (name === 't') inText--;
      else if (name === 'rPh') inPhonetic--;
    },
    text(t) {
      if (current && inText > 0 && inPhonetic === 0) current.push(t);
    },
  });
  return strings;
}

function worksheet(chunks, strings, sink) {
  let type = null;
  let capture = false;
  let value = [];
  let cellsInRow = 0;
  parseXml(chunks, {
    open(name, attrs) {
      if (name === 'c') {
        type = attrs.t ?? null;
        value = [];
      } else if (name === 'v' || (name === 't' && type === 'inlineStr')) capture = true;
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'c') {
        const raw = value.join('');
        const text = type === 's' ? (strings[Number(raw)] ?? '') : raw;
        if (text) sink.add((cellsInRow++ ? '\t' : '') + text);
        if (sink.full) throw FULL;
        type = null;
      } else if (name === 'row') {
        if (cellsInRow) sink.add('\n');
        cellsInRow = 0;
      }
    },
    text(t) {
      if (capture) value.push(t);
    },
  });
  sink.add('\n');
}

const byNumber = (a, b) => Number(a.match(/(\d+)\.xml$/)[1]) - Number(b.match(/(\d+)\.xml$/)[1]);

function extractOoxml(bytes, limits, sink) {
  const { names, parts } = unpack(bytes, limits.maxUnpackedBytes);
  const entries = (re) => [...parts.keys()].filter((n) => re.test(n)).sort(byNumber);
  if (names.has('word/document.xml')) {
    paragraphs(parts.get('word/document.xml') ?? [], sink);
  } else if (names.has('xl/workbook.xml')) {
    const strings = sharedStrings(parts.get('xl/sharedStrings.xml') ?? []);
    for (const name of entries(/^xl\/worksheets\/sheet\d+\.xml$/)) {
      if (sink.full) break;
      worksheet(parts.get(name), strings, sink);
    }
  } else if (names.has('ppt/presentation.xml')) {
    for (const name of entries(/^ppt\/slides\/slide\d+\.xml$/)) {
      if (sink.full) break;
      paragraphs(parts.get(name), sink);
      sink.add('\n');
    }
  } else {
    throw new Stop(limits.claimsOoxml ? 'corrupt' : 'unsupported');
  }
}

// ---------- entry ----------

async function run() {
  const { kind, bytes, limits } = workerData;
  const sink = new TextSink(limits.maxRawChars);
  try {
    if (kind === 'pdf') await extractPdf(bytes, sink);
    else extractOoxml(bytes, limits, sink);
    return { ok: true, text: sink.text(), truncated: sink.full };
  } catch (err) {
    if (err instanceof Stop) return { ok: false, reason: err.reason };
    return { ok: false, reason: 'corrupt' };
  }
}

parentPort.postMessage(await run());
