/**
 * Members of a 7z archive with 7z-wasm (7-Zip compiled to WebAssembly), in its in-memory file
 * system: list with sizes first (limits checked before expanding), then extract the members
 * allowed. Each archive gets its own module instance, so nothing leaks from one archive to the next.
 */
import { createRequire } from 'node:module';
import type { SevenZipModule, SevenZipModuleFactory } from '7z-wasm';
import { cleanName, isDocumentName, type Budget, type RawMember } from './members.js';

interface Listed {
  path: string;
  size: number;
  packed: number;
  folder: boolean;
  encrypted: boolean;
}

let factory: SevenZipModuleFactory | undefined;

export async function sevenZipMembers(bytes: Uint8Array, budget: Budget): Promise<RawMember[] | string> {
  factory ??= createRequire(import.meta.url)('7z-wasm') as SevenZipModuleFactory;
  const out: string[] = [];
  let exit = 0;
  const zip: SevenZipModule = await factory({
    print: (line: string) => out.push(line),
    printErr: (line: string) => out.push(line),
    stdin: () => null as unknown as number,
    quit: (code: number) => {
      exit = code;
    },
  });
  zip.FS.writeFile('/in.7z', bytes);
  const run = (args: string[]): number => {
    exit = 0;
    out.length = 0;
    try {
      // callMain returns 7-Zip's exit code where the runtime stays alive, else quit() gets it.
      const code = (zip.callMain as (a: string[]) => unknown)(args);
      if (typeof code === 'number') exit ||= code;
    } catch {
      exit ||= 2;
    }
    if (out.some((line) => /^(ERROR|ERRORS):/.test(line.trim()))) exit ||= 2;
    return exit;
  };
  if (run(['l', '-slt', '-ba', '-sccUTF-8', '-p', '/in.7z']) !== 0)
    return `the 7z archive cannot be opened (${summary(out)})`;
  const listed = parseListing(out);
  const members: RawMember[] = [];
  const wanted: { name: string; path: string }[] = [];
  for (const item of listed) {
    const name = cleanName(item.path);
    if (item.folder || !isDocumentName(name)) continue;
    const problem = item.encrypted
      ? {
          rule: 'document.password' as const,
          message:
            'the member is password-protected in the 7z archive: extract it with its password and give it on its own',
        }
      : (budget.ratio(name, item.size, item.packed) ?? budget.take(item.size));
    members.push(problem ? { name, problem } : { name });
    if (!problem) wanted.push({ name, path: item.path });
  }
  if (wanted.length === 0) return members;
  zip.FS.mkdir('/out');
  const status = run(['x', '-y', '-p', '-sccUTF-8', '-o/out', '/in.7z', ...wanted.map((w) => w.path)]);
  const failed = status !== 0 ? summary(out) : '';
  for (const member of members) {
    if (member.problem) continue;
    const item = wanted.find((w) => w.name === member.name)!;
    const data = readFile(zip, `/out/${item.path}`);
    const size = listed.find((l) => l.path === item.path)?.size ?? 0;
    const damaged = failed && out.some((line) => line.includes(item.path));
    if (!data || damaged)
      member.problem = {
        rule: 'document.unreadable',
        message: `the member could not be extracted: the 7z archive is damaged (${failed || 'no data'}); download it again`,
      };
    else if (data.byteLength !== size)
      member.problem = {
        rule: 'document.unreadable',
        message: `the member expanded to ${data.byteLength} bytes, not the ${size} its archive declares; download it again`,
      };
    else member.data = data;
  }
  return members;
}

/** `7zz l -slt -ba`: blocks of `Key = value` lines, one block per item. */
function parseListing(lines: string[]): Listed[] {
  const items: Listed[] = [];
  let item: Partial<Listed> & { path?: string } = {};
  const flush = () => {
    if (item.path !== undefined)
      items.push({
        path: item.path,
        size: item.size ?? 0,
        packed: item.packed ?? 0,
        folder: item.folder ?? false,
        encrypted: item.encrypted ?? false,
      });
    item = {};
  };
  for (const line of lines) {
    const eq = line.indexOf(' = ');
    const key = eq < 0 ? line.trim() : line.slice(0, eq);
    const value = eq < 0 ? '' : line.slice(eq + 3);
    if (key === 'Path') {
      flush();
      item.path = value;
    } else if (key === 'Size') item.size = Number(value) || 0;
    else if (key === 'Packed Size') item.packed = Number(value) || 0;
    else if (key === 'Folder') item.folder = value === '+';
    else if (key === 'Attributes') item.folder ||= value.startsWith('D');
    else if (key === 'Encrypted') item.encrypted = value === '+';
  }
  flush();
  return items;
}

function readFile(zip: SevenZipModule, path: string): Uint8Array | null {
  try {
    return zip.FS.readFile(path) as Uint8Array;
  } catch {
    return null;
  }
}

function summary(lines: string[]): string {
  const errors = lines.filter((l) => /error|cannot|unsupported|wrong|crc|data/i.test(l)).map((l) => l.trim());
  return (errors.length ? errors : lines.filter((l) => l.trim()).slice(-2)).slice(0, 3).join('; ') || 'unknown reason';
}
