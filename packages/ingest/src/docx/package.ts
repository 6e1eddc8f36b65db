/**
 * The parts of a DOCX package: finds the main document part the way Word does (the package
 * relationship of type officeDocument, then the content-type override, then word/document.xml)
 * and inflates a part's bytes to text. The zip's entries come from zip/central-directory.ts,
 * whose directory checks (entry count, total size, ratio) have already run; each part opened is
 * expanded there too (expandEntry: capped at its declared size, checksummed).
 */
import { expandEntry, type ZipEntry } from '../zip/central-directory.js';
import { attributes } from './xml.js';

const RELATIONSHIP_TYPE = /\/(officeDocument|footnotes|endnotes)$/;
const MAIN_CONTENT_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  'application/vnd.ms-word.document.macroEnabled.main+xml',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
]);

export class DocxPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    entries: ZipEntry[],
  ) {
    for (const entry of entries) {
      this.byName.set(entry.name, entry);
      this.byLowerName.set(entry.name.toLowerCase(), entry);
    }
  }

  /** The entry of a part; part names are case-insensitive in a package (OPC), so that is the fallback. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  /** A part's text (UTF-8, or UTF-16 with a BOM), or null when the package has no such part. */
  text(name: string): string | null {
    const entry = this.entry(name);
    if (!entry) return null;
    return decodeXml(this.inflate(entry));
  }

  private inflate(entry: ZipEntry): Uint8Array {
    if (entry.method !== 0 && entry.method !== 8)
      throw new Error(`zip entry ${entry.name} uses compression method ${entry.method}, which DOCX files do not use`);
    const expanded = expandEntry(this.bytes, entry);
    if ('problem' in expanded) throw new Error(`zip ${expanded.message}`);
    return expanded.data;
  }

  /** Path of the main document part, or null when the package has none. */
  mainDocument(): string | null {
    const related = this.related('', 'officeDocument');
    if (related) return related;
    const types = this.text('[Content_Types].xml');
    if (types) {
      for (const tag of tags(types, 'Override')) {
        const part = stripSlash(tag.get('PartName') ?? '');
        if (MAIN_CONTENT_TYPES.has(tag.get('ContentType') ?? '') && this.entry(part)) return this.entry(part)!.name;
      }
    }
    return this.entry('word/document.xml')?.name ?? null;
  }

  /** The part a relationship of `type` (officeDocument, footnotes, endnotes) of `source` points to, if it exists. */
  related(source: string, type: 'officeDocument' | 'footnotes' | 'endnotes'): string | null {
    const folder = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
    const file = source.slice(folder.length);
    const rels = this.text(`${folder}_rels/${file}.rels`);
    if (!rels) return null;
    for (const tag of tags(rels, 'Relationship')) {
      if (tag.get('TargetMode') === 'External') continue;
      if (RELATIONSHIP_TYPE.exec(tag.get('Type') ?? '')?.[1] !== type) continue;
      const target = tag.get('Target') ?? '';
      const path = target.startsWith('/') ? stripSlash(target) : resolvePath(folder, target);
      const entry = this.entry(path);
      if (entry) return entry.name;
    }
    return null;
  }
}

/** The attributes of every <name ...> (any namespace prefix) in a small XML part. */
function tags(xml: string, name: string): Map<string, string>[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*)>`, 'g');
  const out: Map<string, string>[] = [];
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) out.push(attributes(m[1], 0, m[1].length));
  return out;
}

function stripSlash(path: string): string {
  return path.replace(/^\/+/, '');
}

/** `target` relative to `folder` ("word/"), with "." and ".." steps resolved. */
function resolvePath(folder: string, target: string): string {
  const out: string[] = [];
  for (const step of (folder + target).split('/')) {
    if (step === '..') out.pop();
    else if (step !== '.' && step !== '') out.push(step);
  }
  return out.join('/');
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
