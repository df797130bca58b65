import request from 'supertest';

/** Collects a response body as bytes whatever its content type (a .docx, .xlsx or .csv export). */
function binary(res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** GET an export with the bearer token (none: anonymous); the body is a Buffer. */
export function download(baseUrl: string, path: string, token?: string): request.Test {
  const r = request(baseUrl).get(path).buffer(true).parse(binary as never);
  return token ? r.set('authorization', `Bearer ${token}`) : r;
}

/** The visible text of a Word document's body: the runs of word/document.xml with the markup taken out. */
export function docxText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}
