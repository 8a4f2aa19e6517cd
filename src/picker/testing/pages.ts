import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Pages for the picker and recorder tests (unit and e2e), served on 127.0.0.1: a form whose
 * labels sit beside their fields (no `for`), buttons with and without test ids, an iframe with a
 * button, a widget in an open shadow root, and a page that says what the form sent.
 */
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:15px system-ui,sans-serif;margin:24px} .row{margin:10px 0} label{display:inline-block;width:130px}</style></head><body>${body}</body></html>`;

const formPage = page(
  'Form',
  `<h1>Order</h1>
<form method="get" action="/sent">
  <div class="row"><label>First Name</label><input name="first"></div>
  <div class="row"><label>Last Name</label><input name="last"></div>
  <div class="row"><label for="em">Email</label><input id="em" name="email" type="email" placeholder="you@example.com"></div>
  <div class="row"><label>Country</label><select name="country"><option value="">—</option><option value="cl">Chile</option><option value="pe">Peru</option></select></div>
  <div class="row"><label><input type="checkbox" name="news" value="yes"> Send me news</label></div>
  <div class="row"><input name="note" placeholder="A note for the courier"></div>
  <div class="row"><button type="button" class="btn">Help</button> <button type="button" class="btn">Help</button></div>
  <div class="row"><button type="submit" data-testid="send-order">Send order</button></div>
</form>
<iframe id="pay" src="/frame" style="width:420px;height:90px"></iframe>
<shop-widget></shop-widget>
<script>
customElements.define('shop-widget', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<p><button id="inside" onclick="this.textContent = \\'Added\\'">Add to cart</button></p>';
  }
});
</script>`,
);

/** A form whose note field exists only after "Add a note" is clicked (never in the page's HTML). */
const revealPage = page(
  'Delivery',
  `<h1>Delivery</h1>
<form method="get" action="/sent">
  <div class="row" id="extra"></div>
  <div class="row"><button type="button" id="add-note" onclick="document.getElementById('extra').innerHTML = '<label>Note</label><input name=note>'; this.remove()">Add a note</button></div>
  <div class="row"><button type="submit">Send</button></div>
</form>`,
);

const framePage = page('Frame', `<button onclick="this.textContent = 'Paid'">Pay now</button>`);

export type PickerSite = {
  url: string;
  /** Every form the browser sent, in order (the query of /sent). */
  sent: Record<string, string>[];
  close(): Promise<void>;
};

export async function startPickerSite(): Promise<PickerSite> {
  const sent: PickerSite['sent'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const html = (body: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    if (url.pathname === '/frame') return html(framePage);
    if (url.pathname === '/reveal') return html(revealPage);
    if (url.pathname === '/sent') {
      sent.push(Object.fromEntries(url.searchParams));
      const items = [...url.searchParams].map(([k, v]) => `<li data-field="${k}">${k}=${v.replace(/</g, '&lt;')}</li>`).join('');
      return html(page('Sent', `<h1>Order sent</h1><ul id="sent">${items}</ul>`));
    }
    return html(formPage);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
