#!/usr/bin/env node
/**
 * Rebuilds packages/ingest/src/archives/fixtures: archives holding some of the generated samples
 * (../shared/samples/docs), the way county sites serve sets of tables.
 *
 * - samples.zip: a PDF under a GBK name (no UTF-8 flag, as zips made on Chinese Windows have),
 *   an XLSX in a folder, a nested zip holding a text and another zip, a zip-bomb member (8 MiB of
 *   zeros), a member whose bytes were damaged after its checksum was taken, macOS metadata;
 * - samples.7z (7-Zip, p7zip-full): a DOCX under a Chinese name, a text, and the nested zip;
 * - samples.rar: a RAR 4 archive written here (store method; no free tool writes RAR) with a
 *   text and a web page.
 *
 *   node scripts/make-archive-fixtures.mjs [samples-folder]    (needs 7z for samples.7z)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const samples = process.argv[2] ?? join(root, '..', 'shared', 'samples', 'docs');
const out = join(root, 'packages/ingest/src/archives/fixtures');
mkdirSync(out, { recursive: true });
const sample = (name) => readFileSync(join(samples, name));

/** A zip of { name (string, or raw bytes with utf8: false), data, store, damage } entries. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const flags = typeof e.name === 'string' && /[^\x00-\x7f]/.test(e.name) ? 0x800 : 0;
    const data = Buffer.from(e.data);
    const packed = Buffer.from(e.store ? data : deflateRawSync(data, { level: 9 }));
    const crc = crc32(data);
    if (e.damage) for (let i = 100; i < packed.length; i += 97) packed[i] ^= 0x5a;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(flags, 6);
    head.writeUInt16LE(e.store ? 0 : 8, 8);
    head.writeUInt32LE(0x00210000, 10); // 1980-01-01, fixed so the bytes are reproducible
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    head.copy(central, 8, 6, 26);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** GBK bytes of a name, from the inverse of Node's own decoder (no iconv needed). */
function gbk(text) {
  const decoder = new TextDecoder('gbk');
  const table = new Map();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(Uint8Array.of(hi, lo));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch))));
}

const deeper = zip([{ name: 'doc011.txt', data: sample('doc011.txt') }]);
const inner = zip([
  { name: 'doc005.txt', data: sample('doc005.txt') },
  { name: 'deeper.zip', data: deeper, store: true },
]);
writeFileSync(
  join(out, 'samples.zip'),
  zip([
    { name: gbk('2023年部门决算/收入支出决算总表.pdf'), data: sample('doc002.pdf') },
    { name: 'tables/doc000.xlsx', data: sample('doc000.xlsx') },
    { name: 'inner.zip', data: inner },
    { name: 'bomb.pdf', data: Buffer.alloc(8 * 1024 * 1024) },
    { name: 'damaged.txt', data: sample('doc017.txt'), damage: true },
    { name: '__MACOSX/._doc000.xlsx', data: Buffer.from('metadata') },
  ]),
);

// 7z: from a folder, with fixed times so a rebuild gives the same bytes.
const work = mkdtempSync(join(tmpdir(), 'archives-'));
try {
  mkdirSync(join(work, '表格'));
  writeFileSync(join(work, '表格', '部门预算.docx'), sample('doc007.docx'));
  writeFileSync(join(work, 'doc023.txt'), sample('doc023.txt'));
  writeFileSync(join(work, 'inner.zip'), inner);
  for (const f of ['表格/部门预算.docx', 'doc023.txt', 'inner.zip', '表格'])
    execFileSync('touch', ['-d', '2024-01-01T00:00:00Z', join(work, f)]);
  rmSync(join(out, 'samples.7z'), { force: true });
  execFileSync(
    '7z',
    ['a', '-t7z', '-mx=9', '-mtc=off', '-mta=off', join(out, 'samples.7z'), '表格', 'doc023.txt', 'inner.zip'],
    { cwd: work, stdio: 'ignore' },
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** A RAR 4 archive, store method: marker, archive header, a header + data per file, end block. */
function rar(files) {
  const block = (type, flags, body, extra = Buffer.alloc(0)) => {
    const head = Buffer.alloc(7 + body.length);
    head.writeUInt8(type, 2);
    head.writeUInt16LE(flags, 3);
    head.writeUInt16LE(7 + body.length, 5);
    body.copy(head, 7);
    head.writeUInt16LE(crc32(head.subarray(2)) & 0xffff, 0);
    return Buffer.concat([head, extra]);
  };
  const parts = [Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00]), block(0x73, 0, Buffer.alloc(6))];
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, 'latin1');
    const body = Buffer.alloc(25 + nameBytes.length);
    body.writeUInt32LE(data.length, 0); // packed size
    body.writeUInt32LE(data.length, 4); // unpacked size
    body.writeUInt8(2, 8); // host OS: Windows
    body.writeUInt32LE(crc32(data), 9);
    body.writeUInt32LE(0x00210000, 13); // DOS time
    body.writeUInt8(20, 17); // version needed: 2.0
    body.writeUInt8(0x30, 18); // method: store
    body.writeUInt16LE(nameBytes.length, 19);
    body.writeUInt32LE(0x20, 21); // attributes: archive
    nameBytes.copy(body, 25);
    parts.push(block(0x74, 0x8000, body, data));
  }
  parts.push(block(0x7b, 0x4000, Buffer.alloc(0)));
  return Buffer.concat(parts);
}
writeFileSync(
  join(out, 'samples.rar'),
  rar([
    { name: 'doc023.txt', data: sample('doc023.txt') },
    { name: 'pages\\doc004.html', data: sample('doc004.html') },
  ]),
);
console.log(`archives written to ${out}`);
