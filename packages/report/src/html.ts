/** Small HTML helpers: every text from a document passes through `esc`. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A page of the report; `root` is the way back to the report folder (`..` from docs/). */
export function page(title: string, root: string, body: string, scripts: string[] = []): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><link rel="stylesheet" href="${root}/style.css"></head>
<body>
${body}
${scripts.map((s) => `<script src="${root}/${s}"></script>`).join('\n')}
</body></html>
`;
}

/** The document's file name in docs/: the first 16 hex digits of its id (unique within any real run). */
export function docFile(documentId: string): string {
  const hex = documentId.replace(/^sha256:/, '');
  return `${/^[0-9a-f]{16}/.test(hex) ? hex.slice(0, 16) : hex.replace(/[^0-9a-zA-Z_-]/g, '_').slice(0, 64)}.html`;
}

export function formatYuan(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
