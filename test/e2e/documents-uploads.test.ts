// R5: bad uploads get a 4xx with a clear code, and leave no file and no row behind.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signUpAndLogin, type SignedInMember } from '../support/member-client.js';
import { stackConfig, startApi } from '../support/stack.js';

const MiB = 1024 * 1024;
const INQUIRIES = '/api/v1/support/inquiries';
const fixture = (name: string) => fs.readFileSync(path.resolve('test/fixtures', name));

interface Part {
  readonly name: string;
  readonly value?: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly bytes?: Buffer;
}

/** A multipart/form-data body written by hand, so file names and framing are exactly what the test says. */
function multipart(parts: readonly Part[], boundary = `----e2e${randomBytes(8).toString('hex')}`): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.filename === undefined ? `form-data; name="${part.name}"` : `form-data; name="${part.name}"; filename="${part.filename}"`;
    const headers = [`Content-Disposition: ${disposition}`, ...(part.filename === undefined ? [] : [`Content-Type: ${part.contentType ?? 'application/pdf'}`])];
    chunks.push(
      Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`, 'utf8'),
      part.bytes ?? Buffer.from(part.value ?? '', 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const TEXT: Part[] = [
  { name: 'category', value: 'REQUIRED_INFO' },
  { name: 'title', value: 'Proof documents' },
  { name: 'body', value: 'Attached.' },
];

const file = (bytes: Buffer, filename = 'proof.pdf', contentType = 'application/pdf'): Part => ({ name: 'attachments', filename, contentType, bytes });

function pdfOfSize(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
}

function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe('bad uploads (R5)', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let dataSource: DataSource;
  let member: SignedInMember;
  const documentsDir = () => stackConfig().documentsDir;

  async function leftovers(): Promise<{ documents: number; inquiries: number; files: number }> {
    const [[documents], [inquiries]] = await Promise.all([
      dataSource.query('SELECT COUNT(*) AS count FROM documents'),
      dataSource.query('SELECT COUNT(*) AS count FROM inquiries'),
    ]);
    return { documents: Number(documents.count), inquiries: Number(inquiries.count), files: filesUnder(documentsDir()).length };
  }

  const post = (parts: readonly Part[]) => {
    const { body, contentType } = multipart(parts);
    return request(http).post(INQUIRIES).auth(member.token, { type: 'bearer' }).set('Content-Type', contentType).send(body);
  };

  /** Sends the request, expects the refusal, and checks that nothing at all was kept. */
  async function expectRefused(send: () => request.Test, status: number, code: string): Promise<Record<string, unknown>> {
    const before = await leftovers();
    const res = await send().expect(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
    expect(await leftovers()).toEqual(before);
    return res.body as Record<string, unknown>;
  }

  beforeAll(async () => {
    app = await startApi();
    http = app.getHttpServer();
    dataSource = app.get(DataSource);
    member = await signUpAndLogin(app);
  });
  afterAll(async () => app.close());

  it('stores a good request (the baseline the refusals are compared with)', async () => {
    const before = await leftovers();
    await post([...TEXT, file(fixture('valid/proof.pdf')), file(fixture('valid/proof.jpg'), 'photo.jpg', 'image/jpeg')]).expect(201);
    expect(await leftovers()).toEqual({ documents: before.documents + 2, inquiries: before.inquiries + 1, files: before.files + 2 });
  });

  it.each([
    ['plain text named .png', 'invalid/plain-text.png', 'notes.png', 'image/png'],
    ['a Linux executable renamed .pdf', 'invalid/renamed-linux-executable.pdf', 'contract.pdf', 'application/pdf'],
    ['a Windows executable renamed .pdf', 'invalid/renamed-windows-executable.pdf', 'contract.pdf', 'application/pdf'],
  ])('refuses %s as UNSUPPORTED_DOCUMENT_TYPE (422)', async (_case, name, filename, contentType) => {
    const body = await expectRefused(() => post([...TEXT, file(fixture(name), filename, contentType)]), 422, 'UNSUPPORTED_DOCUMENT_TYPE');
    expect(body.field).toBe('attachments.0');
  });

  it('refuses the whole request when one of several files is bad: the good ones are not kept', async () => {
    await expectRefused(
      () =>
        post([
          ...TEXT,
          file(fixture('valid/proof.pdf')),
          file(fixture('valid/proof.png'), 'a.png', 'image/png'),
          file(fixture('invalid/renamed-linux-executable.pdf')),
        ]),
      422,
      'UNSUPPORTED_DOCUMENT_TYPE',
    );
  });

  it('refuses a file over 10 MiB as DOCUMENT_TOO_LARGE (413) and accepts one of exactly 10 MiB', async () => {
    const body = await expectRefused(() => post([...TEXT, file(pdfOfSize(10 * MiB + 1))]), 413, 'DOCUMENT_TOO_LARGE');
    expect(body.maxBytes).toBe(10 * MiB);
    await expectRefused(() => post([...TEXT, file(fixture('valid/proof.pdf')), file(pdfOfSize(12 * MiB))]), 413, 'DOCUMENT_TOO_LARGE');

    const before = await leftovers();
    await post([...TEXT, file(pdfOfSize(10 * MiB))]).expect(201);
    expect((await leftovers()).files).toBe(before.files + 1);
  });

  it('refuses more than 5 files as VALIDATION_FAILED', async () => {
    const six = Array.from({ length: 6 }, (_, i) => file(fixture('valid/proof.pdf'), `p${i}.pdf`));
    const body = await expectRefused(() => post([...TEXT, ...six]), 422, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ field: 'attachments', rules: ['maxFiles'] }]);
  });

  it('refuses an empty file as VALIDATION_FAILED', async () => {
    const body = await expectRefused(
      () => post([...TEXT, file(fixture('valid/proof.pdf')), file(fixture('invalid/empty.pdf'), 'empty.pdf')]),
      422,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toEqual([{ field: 'attachments.1', rules: ['notEmpty'] }]);
  });

  it('refuses a file in a field the endpoint does not take', async () => {
    const body = await expectRefused(() => post([...TEXT, { ...file(fixture('valid/proof.pdf')), name: 'avatar' }]), 422, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ field: 'avatar', rules: ['unexpectedFile'] }]);
  });

  it('refuses a truncated multipart body and one that is not form-data, never with a 500', async () => {
    await expectRefused(
      () => {
        const { body, contentType } = multipart([...TEXT, file(fixture('valid/proof.pdf'))]);
        return request(http)
          .post(INQUIRIES)
          .auth(member.token, { type: 'bearer' })
          .set('Content-Type', contentType)
          .send(body.subarray(0, body.length - 40));
      },
      400,
      'VALIDATION_FAILED',
    );
    await expectRefused(
      () => request(http).post(INQUIRIES).auth(member.token, { type: 'bearer' }).set('Content-Type', 'multipart/form-data').send('no boundary'),
      400,
      'VALIDATION_FAILED',
    );
    await expectRefused(
      () => request(http).post(INQUIRIES).auth(member.token, { type: 'bearer' }).set('Content-Type', 'multipart/mixed; boundary=x').send('--x--\r\n'),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses bad text fields before storing any file', async () => {
    await expectRefused(() => post([{ name: 'category', value: 'NOPE' }, ...TEXT.slice(1), file(fixture('valid/proof.pdf'))]), 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['../../../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\Windows\\win.ini.pdf', 'win.ini.pdf'],
    ['/var/documents/../x.pdf', 'x.pdf'],
    ['..', 'document'],
  ])('stores a traversal name %p safely, under a generated key, showing only %p', async (filename, shown) => {
    const before = await leftovers();
    const res = await post([...TEXT, file(fixture('valid/proof.pdf'), filename)]).expect(201);
    expect(await leftovers()).toEqual({ documents: before.documents + 1, inquiries: before.inquiries + 1, files: before.files + 1 });
    const [row] = await dataSource.query('SELECT original_name, storage_key FROM documents WHERE inquiry_id = ?', [res.body.id]);
    expect(row.original_name).toBe(shown);
    expect(row.storage_key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Every stored file lives inside DOCUMENTS_DIR under a generated name, never the client's.
    expect(filesUnder(documentsDir()).every((name) => /^[0-9a-f-]{36}$/.test(name))).toBe(true);
    if (shown !== 'document') expect(fs.existsSync(path.resolve(documentsDir(), filename))).toBe(false);
  });
});
