import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';

/**
 * A small web site for the browser tests, served on 127.0.0.1: a form whose fields come in a
 * different order on every load, a table, a slow element, an upload form, a download, tabs and a
 * frame. It records what the browser sent.
 */
export type TestSite = {
  url: string;
  /** Every form the browser submitted, in order. */
  submissions: Record<string, string>[];
  uploads: { field: string; fileName: string; text: string }[];
  close(): Promise<void>;
};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Field ids change every load too, so only the labels can find them. */
function formPage(): string {
  const id = () => `f${Math.random().toString(36).slice(2, 8)}`;
  const fields = [
    (i = id()) => `<p><label for="${i}">Full name</label> <input id="${i}" name="name"></p>`,
    (i = id()) => `<p><label for="${i}">Email</label> <input id="${i}" name="email" type="email"></p>`,
    (i = id()) => `<p><label for="${i}">Age</label> <input id="${i}" name="age" type="number"></p>`,
    (i = id()) =>
      `<p><label for="${i}">City</label> <select id="${i}" name="city"><option value="">—</option><option value="msk">Moscow</option><option value="spb">Saint Petersburg</option></select></p>`,
    (i = id()) => `<p><input id="${i}" name="subscribe" type="checkbox" value="yes"> <label for="${i}">Subscribe</label></p>`,
  ];
  return page('Person', `<form method="post" action="/submit">${shuffle(fields).map((f) => f()).join('')}<button type="submit">Send</button></form>`);
}

const tablePage = page(
  'Table',
  `<table id="prices"><thead><tr><th>Item</th><th>Price</th><th></th></tr></thead>
   <tbody><tr><td>Tea</td><td>120</td><td>hot</td></tr><tr><td>Coffee</td><td>180</td><td>hot</td></tr>
   <tr><td colspan="2">Water</td><td>cold</td></tr></tbody></table><div id="not-a-table">x</div>`,
);

const slowPage = page(
  'Slow',
  `<div id="status">loading…</div><script>setTimeout(() => { const d = document.createElement('div');
   d.id = 'ready'; d.textContent = 'Data is ready'; d.dataset.count = '42'; document.body.append(d);
   document.getElementById('status').remove(); }, 600);</script>`,
);

const uploadPage = page(
  'Upload',
  `<form method="post" action="/upload" enctype="multipart/form-data"><label for="doc">Document</label>
   <input id="doc" name="doc" type="file"><button type="submit">Upload</button></form>`,
);

const tabsPage = page(
  'Tabs',
  `<a id="open" href="/table" target="_blank">Open table</a>
   <iframe id="inner" src="/inner"></iframe>`,
);

const innerPage = page('Inner', `<button id="hello" onclick="this.textContent='Clicked'">Say hello</button>`);

function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((done) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => done(Object.fromEntries(new URLSearchParams(body))));
  });
}

export async function startTestSite(): Promise<TestSite> {
  const submissions: TestSite['submissions'] = [];
  const uploads: TestSite['uploads'] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = (body: string, status = 200) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    if (req.method === 'POST' && path === '/submit') {
      void readForm(req).then((form) => {
        submissions.push(form);
        res.writeHead(303, { location: `/thanks?n=${submissions.length}` });
        res.end();
      });
      return;
    }
    if (req.method === 'POST' && path === '/upload') {
      const bb = busboy({ headers: req.headers });
      bb.on('file', (field, stream, info) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => uploads.push({ field, fileName: info.filename ?? '', text: Buffer.concat(chunks).toString('utf8') }));
      });
      bb.on('close', () => html(page('Uploaded', '<p id="done">Uploaded</p>')));
      req.pipe(bb);
      return;
    }
    switch (path) {
      case '/form':
        return html(formPage());
      case '/thanks':
        return html(page('Thanks', '<h1>Thank you</h1>'));
      case '/table':
        return html(tablePage);
      case '/slow':
        return html(slowPage);
      case '/upload':
        return html(uploadPage);
      case '/tabs':
        return html(tabsPage);
      case '/inner':
        return html(innerPage);
      case '/download':
        return html(page('Download', '<a id="get" href="/report.csv">Get report</a>'));
      case '/report.csv':
        res.writeHead(200, { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="report.csv"' });
        return res.end('name;total\nAnna;10\n');
      default:
        return html(page('Missing', 'not found'), 404);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    submissions,
    uploads,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
