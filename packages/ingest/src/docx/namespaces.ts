/**
 * Element and attribute names of a part, as the body reader spells them. Word and most writers
 * use the prefixes w:, mc:, m:; a part that binds those namespaces to other prefixes (or to the
 * default namespace) gets its names mapped, so `<ns0:p>` reads as w:p.
 */
import { attributes, type Tag } from './xml.js';

/** Namespaces by URI → the prefix this reader's names use (transitional and strict OOXML). */
const NAMESPACES = new Map([
  ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'w'],
  ['http://purl.oclc.org/ooxml/wordprocessingml/main', 'w'],
  ['http://schemas.openxmlformats.org/markup-compatibility/2006', 'mc'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/math', 'm'],
  ['http://purl.oclc.org/ooxml/officeDocument/math', 'm'],
]);

export class PartNames {
  /** Prefix as written → ours, when the part does not use the usual prefixes (null: names are read as written). */
  prefixes: Map<string, string> | null = null;
  /** The part's own prefix for the WordprocessingML namespace, with its colon ('' for the default namespace). */
  wPrefix = 'w:';
  /** Attribute names as the part writes them. */
  readonly attr = { val: 'w:val', type: 'w:type', id: 'w:id', font: 'w:font', char: 'w:char' };

  /** Reads the root element's namespace declarations. */
  read(xml: string, root: Tag): void {
    const map = new Map<string, string>();
    let usual = true;
    for (const [name, uri] of attributes(xml, root.start, root.stop)) {
      const ours = NAMESPACES.get(uri);
      if (!ours || !(name === 'xmlns' || name.startsWith('xmlns:'))) continue;
      const prefix = name === 'xmlns' ? '' : name.slice(6);
      map.set(prefix, ours);
      if (prefix !== ours) usual = false;
    }
    if (usual) return;
    this.prefixes = map;
    const wRaw = [...map].find(([, ours]) => ours === 'w')?.[0];
    this.wPrefix = wRaw ? `${wRaw}:` : '';
    for (const key of Object.keys(this.attr) as (keyof typeof this.attr)[]) this.attr[key] = this.wPrefix + key;
  }

  /** A name as written → the name with our prefix for its namespace. */
  canonical(name: string): string {
    if (!this.prefixes) return name;
    const colon = name.indexOf(':');
    const ours = this.prefixes.get(colon < 0 ? '' : name.slice(0, colon));
    if (ours === undefined) return name;
    return `${ours}:${name.slice(colon + 1)}`;
  }
}
