/** Files for the benchmarks: listing a folder, telling PDFs by their bytes, and byte-distinct copies. */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * `k` copies of every file, each with different bytes but the same content: a PDF gets a comment
 * after %%EOF, a zip (DOCX/XLSX) a zip comment, HTML an HTML comment, anything else blank lines.
 */
export function makeCopies(files, dir, k) {
  let made = 0;
  for (const [n, file] of files.entries()) {
    const bytes = readFileSync(file);
    if (!bytes.length || /^(truth\.jsonl|manifest\.json|fetch-log\.jsonl)$/.test(basename(file))) continue;
    for (let i = 0; i < k; i++) {
      const tag = Buffer.from(`copy ${i}`);
      let out;
      const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      if (isPdf(file)) out = Buffer.concat([bytes, Buffer.from(`\n%${tag}\n`)]);
      else if (bytes[0] === 0x50 && bytes[1] === 0x4b && eocd >= 0 && eocd + 22 <= bytes.length) {
        const head = Buffer.from(bytes.subarray(0, eocd + 22));
        head.writeUInt16LE(tag.length, eocd + 20);
        out = Buffer.concat([head, tag]);
      } else if (/<html|<table|<body/i.test(bytes.subarray(0, 4096).toString('latin1')))
        out = Buffer.concat([bytes, Buffer.from(`\n<!-- ${tag} -->\n`)]);
      else out = Buffer.concat([bytes, Buffer.from('\n'.repeat(i + 1))]);
      writeFileSync(join(dir, `${i}-${n}-${basename(file)}`), out);
      made++;
    }
  }
  return made;
}

export function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) =>
      e.name.startsWith('.') ? [] : e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
    );
}

export function isPdf(path) {
  const head = Buffer.alloc(1024);
  const fd = openSync(path, 'r');
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    return statSync(path).size > 0 && head.subarray(0, n).toString('latin1').includes('%PDF-');
  } finally {
    closeSync(fd);
  }
}
