#!/usr/bin/env node
// A small static file server for the demo and the browser tests (no dependencies).
//   node scripts/serve.mjs [DIR]     serves DIR (default www/) on http://127.0.0.1:8080
// PORT and HOST override the address. Text and wasm go out compressed (brotli, else gzip, as the
// browser accepts) with an ETag; `Cache-Control: no-cache` makes the browser ask again on every
// load, so a rebuilt pkg/ is picked up, but an unchanged file costs a 304 and no body. An HTML
// page's scripts and stylesheets are the exception: the page is sent with their URLs versioned
// (`?v=` and the file's ETag, and an import map for the modules they import), and a versioned URL
// never changes content, so the browser keeps it without asking (docs/performance.md, "Cold
// start"). Files are compressed off the event loop, and once at start-up, so the first visit
// does not wait for it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
/** Types worth compressing (PNG and icons are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|wasm)|image\/svg)/;
/** Smaller bodies are sent as they are: the headers would cost more than the saving. */
const MIN_COMPRESS = 512;
/**
 * Brotli's best quality takes seconds for the wasm, where quality 5 takes milliseconds for about
 * a tenth more bytes (docs/performance.md): large files get 5 so that a rebuilt wasm is not held up.
 */
const BROTLI_BEST_BELOW = 64 * 1024;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const ENCODERS = {
  br: (data) =>
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: data.length < BROTLI_BEST_BELOW ? 11 : 5,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gzip: (data) => gzip(data, { level: 9 }),
};
/** Files a page's URLs carry a version for: its modules (through an import map) and stylesheets. */
const VERSIONED = /\.(m?js|css)$/;
const MODULE = /\.m?js$/;
/** For a URL whose version is the file's ETag: the bytes behind it never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The warm-up compresses at most this many files, each at most this large, found among this many entries. */
const WARM_FILES = 200;
const WARM_ENTRIES = 5000;
const WARM_SKIP = new Set(['node_modules', 'target']);
const WARM_MAX_BYTES = 8 * 1024 * 1024;
const WARM_ORDER = ['.html', '.css', '.js', '.mjs', '.wasm', '.json'];

/**
 * The encoding to send for an Accept-Encoding header: brotli, then gzip, else none ("").
 * A coding with q=0 is refused.
 * @param {string | undefined} header
 */
export function chooseEncoding(header) {
  const accepted = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ['br', 'gzip'].find(ok) ?? '';
}

/**
 * Reads files and keeps each one's bytes, ETag and compressed forms until its size or
 * modification time changes.
 */
class FileCache {
  constructor() {
    /** @type {Map<string, { key: string, data: Buffer, etag: string, encoded: Map<string, Buffer> }>} */
    this.entries = new Map();
  }

  get(file, stat) {
    const key = `${stat.size}:${stat.mtimeMs}`;
    let entry = this.entries.get(file);
    if (!entry || entry.key !== key) {
      const data = fs.readFileSync(file);
      entry = { key, data, etag: digest(data), encoded: new Map() };
      this.entries.set(file, entry);
    }
    return entry;
  }

  /** The entry for bytes made from a file (a page with versioned URLs), kept while they are the same. */
  made(name, data) {
    const etag = digest(data);
    let entry = this.entries.get(name);
    if (!entry || entry.etag !== etag) {
      entry = { key: etag, data, etag, encoded: new Map() };
      this.entries.set(name, entry);
    }
    return entry;
  }

  /** The ETag of a file, or null when it is not a readable file. */
  version(file) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? this.get(file, stat).etag : null;
  }

  /**
   * An HTML page as sent: each script and stylesheet under the page's folder named with its
   * version, and an import map, ahead of the first link or script (an import map after a module
   * load has begun is ignored), sending every module of that folder to its versioned URL, so
   * that an import finds the same URL as the page's `modulepreload`. Files outside the folder
   * keep their URLs: a module must not load under two URLs.
   * @param {string} file  the page
   * @param {string} base  the served folder
   */
  page(file, base) {
    const dir = path.dirname(file);
    const urlOf = (f) => `/${path.relative(base, f).split(path.sep).join('/')}`;
    const inside = (f) => f.startsWith(dir + path.sep);
    const imports = {};
    for (const module of listFiles(dir).filter((f) => MODULE.test(f))) {
      const version = this.version(module);
      if (version) imports[urlOf(module)] = `${urlOf(module)}?v=${version}`;
    }
    const html = this.get(file, fs.statSync(file)).data.toString('utf8');
    const linked = html.replace(/\b(href|src)="([^"?#:]+)"/g, (whole, attr, ref) => {
      const target = path.join(ref.startsWith('/') ? base : dir, ref);
      // A module only with its import-map entry (the list of files is bounded).
      const listed = MODULE.test(ref) ? urlOf(target) in imports : VERSIONED.test(ref);
      const version = listed && inside(target) ? this.version(target) : null;
      return version ? `${attr}="${ref}?v=${version}"` : whole;
    });
    const at = linked.search(/<(link|script)\b/i);
    const map = `<script type="importmap">${JSON.stringify({ imports })}</script>\n`;
    const text = at < 0 ? linked : `${linked.slice(0, at)}${map}${linked.slice(at)}`;
    return this.made(`${file}#page`, Buffer.from(text));
  }

  /** The body for an encoding ("" = identity), compressed once (a promise while it runs). */
  body(entry, encoding) {
    if (!encoding) return entry.data;
    if (!entry.encoded.has(encoding)) entry.encoded.set(encoding, ENCODERS[encoding](entry.data));
    return entry.encoded.get(encoding);
  }

  /**
   * Compresses the files under `dir` in brotli, one at a time, ahead of the first request: what
   * a page loads first (HTML, CSS, scripts, wasm) before the rest.
   */
  async warm(dir) {
    const rank = (file) => {
      const i = WARM_ORDER.indexOf(path.extname(file).toLowerCase());
      return i < 0 ? WARM_ORDER.length : i;
    };
    for (const file of listFiles(dir).sort((a, b) => rank(a) - rank(b))) {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile() || stat.size < MIN_COMPRESS || stat.size > WARM_MAX_BYTES) continue;
      await this.body(this.get(file, stat), 'br');
    }
  }
}

/** A file's ETag: the first 27 characters of its SHA-256 in base64url. */
function digest(data) {
  return crypto.createHash('sha256').update(data).digest('base64url').slice(0, 27);
}

/**
 * The compressible files under `dir`, breadth first, without hidden folders, node_modules or
 * target, and at most WARM_FILES of them: a large tree is not walked for a warm-up.
 */
function listFiles(dir) {
  const files = [];
  const queue = [dir];
  let seen = 0;
  while (queue.length && files.length < WARM_FILES && seen < WARM_ENTRIES) {
    const current = queue.shift();
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      seen += 1;
      const full = path.join(current, entry.name);
      // A linked folder (the tests link pkg/) counts; the entry bound stops a loop of links.
      const folder = entry.isDirectory() || (entry.isSymbolicLink() && fs.statSync(full, { throwIfNoEntry: false })?.isDirectory());
      if (folder && !entry.name.startsWith('.') && !WARM_SKIP.has(entry.name)) queue.push(full);
      else if (entry.isFile() && COMPRESSIBLE.test(TYPES[path.extname(entry.name).toLowerCase()] ?? '')) files.push(full);
    }
  }
  return files.slice(0, WARM_FILES);
}

/** Whether an If-None-Match header names this ETag (or `*`). */
function matches(header, etag) {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/**
 * Starts serving `root`; resolves to the listening `http.Server` (port 0 picks a free port).
 * `warm`: compress the files ahead of the first request (`make demo` and the admin-form tests).
 * @param {string} root
 * @param {{ port?: number, host?: string, log?: boolean, warm?: boolean }} [options]
 * @returns {Promise<http.Server>}
 */
export function serve(root, { port = 8080, host = '127.0.0.1', log = false, warm = false } = {}) {
  const base = fs.realpathSync(root);
  const cache = new FileCache();
  const server = http.createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let pathname;
    let sent;
    let version;
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // As sent, still percent-encoded, and one leading slash: a Location header (`//x` is another host).
      sent = `/${url.pathname.replace(/^\/+/, '')}`;
      pathname = decodeURIComponent(url.pathname);
      version = url.searchParams.get('v');
    } catch {
      return send(400, 'bad request\n');
    }
    let file = path.join(base, path.normalize(pathname));
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, 'forbidden\n');
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${sent}/`, 'Cache-Control': 'no-store' });
        return res.end();
      }
      file = path.join(file, 'index.html');
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    if (!stat?.isFile()) return send(404, 'not found\n');
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    let entry;
    try {
      entry = type.startsWith('text/html') ? cache.page(file, base) : cache.get(file, stat);
    } catch {
      return send(500, 'cannot read the file\n');
    }
    const compressible = COMPRESSIBLE.test(type) && entry.data.length >= MIN_COMPRESS;
    const encoding = compressible ? chooseEncoding(req.headers['accept-encoding']) : '';
    // One ETag per representation: a cache must not answer a gzip request with brotli bytes.
    const etag = `"${entry.etag}${encoding ? `-${encoding}` : ''}"`;
    const headers = { ETag: etag, 'Cache-Control': version === entry.etag ? IMMUTABLE : 'no-cache' };
    if (compressible) headers.Vary = 'Accept-Encoding';
    if (matches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      if (log) console.log(`304 ${req.method} ${req.url}`);
      return res.end();
    }
    let body;
    try {
      body = await cache.body(entry, encoding);
    } catch {
      return send(500, 'compression failed\n');
    }
    if (encoding) headers['Content-Encoding'] = encoding;
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
    if (log) console.log(`200 ${req.method} ${req.url}${encoding ? ` (${encoding}, ${body.length} bytes)` : ''}`);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      // Errors here (a file removed meanwhile) only mean that file is compressed on request.
      if (warm) cache.warm(base).catch(() => {});
      resolve(server);
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const root = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'www');
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = await serve(root, { port, host, log: true, warm: true });
  const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`serving ${path.resolve(root)} on http://${host}:${actual}/ (Ctrl-C stops)`);
}
