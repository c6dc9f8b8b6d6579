// lovefund's receipt verification page (issue 16 §3). Runs offline in the browser:
// the payload comes from the address after `#` (a phone's camera opening the QR
// code) or from the text box, and never leaves the page. The payload format is
// `ledger::signature` (README "How donors verify a receipt"); this file follows it
// field for field. Ed25519 is checked by noble-ed25519, inlined above this file.
const DATA = JSON.parse(document.getElementById('lf-data').textContent);
const W = DATA.words;

// Decodes what a browser percent-encodes in an address's fragment (non-ASCII,
// spaces, quotes), keeping the payload's own escapes %25 and %7C as they are.
function unpercent(text) {
  return text.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = run.match(/%[0-9A-Fa-f]{2}/g).map((p) => parseInt(p.slice(1), 16));
    let out = '';
    let pending = [];
    const flush = () => {
      if (pending.length) {
        try {
          out += new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(pending));
        } catch (e) {
          out += pending.map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
        }
        pending = [];
      }
    };
    for (const b of bytes) {
      if (b === 0x25 || b === 0x7c) {
        flush();
        out += b === 0x25 ? '%25' : '%7C';
      } else {
        pending.push(b);
      }
    }
    flush();
    return out;
  });
}

function payloadIn(text) {
  text = text.trim();
  const at = text.lastIndexOf('#');
  if (at >= 0 && !text.startsWith('LF1')) text = text.slice(at + 1);
  return unpercent(text).trim();
}

function unescapeField(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '%') {
      out += text[i];
      continue;
    }
    const code = text.slice(i + 1, i + 3);
    if (code === '25') out += '%';
    else if (code === '7C' || code === '7c') out += '|';
    else return null;
    i += 2;
  }
  return out;
}

function escapeField(text) {
  return text.replace(/%/g, '%25').replace(/\|/g, '%7C');
}

function b64url(text) {
  if (!/^[A-Za-z0-9_-]{86}$/.test(text)) return null;
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==');
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function hexBytes(hex) {
  return Uint8Array.from(hex.match(/../g), (h) => parseInt(h, 16));
}

// The fields of a payload, or null when it is not one (the rules of
// `signature::parse`: one spelling of each field only).
function parse(text) {
  const payload = payloadIn(text);
  const cut = payload.lastIndexOf('|');
  if (cut < 0) return null;
  const signed = payload.slice(0, cut);
  const signature = b64url(payload.slice(cut + 1));
  const f = signed.split('|');
  if (f.length !== 7 || f[0] !== 'LF1' || !signature) return null;
  const [, keyId, number, date, fen, fundText, donorText] = f;
  if (!/^[0-9a-f]{8}$/.test(keyId) || !/^[0-9]{4}-[0-9]+$/.test(number) || number.length !== 11) return null;
  if (!/^[0-9]{8}$/.test(date) || !/^(0|[1-9][0-9]{0,17})$/.test(fen)) return null;
  const fund = unescapeField(fundText);
  const donor = unescapeField(donorText);
  if (fund === null || donor === null) return null;
  if (escapeField(fund) !== fundText || escapeField(donor) !== donorText) return null;
  return { signed, signature, keyId, number, date, fen, fund, donor };
}

// Chinese uppercase amounts, as `ledger::daxie` writes them (tests/data/daxie.tsv).
function daxie(fenText, traditional) {
  const digits = traditional ? '零壹貳叁肆伍陸柒捌玖' : '零壹贰叁肆伍陆柒捌玖';
  const sections = traditional ? ['萬', '億', '萬億'] : ['万', '亿', '万亿'];
  const places = ['', '拾', '佰', '仟'];
  let out = traditional ? '人民幣' : '人民币';
  const fen = BigInt(fenText);
  if (fen > 999999999999999n) return '';
  if (fen === 0n) return out + '零元整';
  const yuan = fen / 100n;
  const jiao = Number((fen / 10n) % 10n);
  const cents = Number(fen % 10n);
  if (yuan > 0n) {
    const text = yuan.toString();
    let zero = false;
    let sectionHasDigit = false;
    for (let i = 0; i < text.length; i++) {
      const d = text.charCodeAt(i) - 48;
      const place = text.length - 1 - i;
      if (d === 0) {
        zero = true;
      } else {
        if (zero) {
          out += digits[0];
          zero = false;
        }
        out += digits[d] + places[place % 4];
        sectionHasDigit = true;
      }
      if (place > 0 && place % 4 === 0) {
        if (sectionHasDigit) {
          out += sections[place / 4 - 1];
          zero = false;
        }
        sectionHasDigit = false;
      }
    }
    out += '元';
  }
  if (jiao > 0) out += digits[jiao] + '角';
  else if (cents > 0 && yuan > 0n) out += digits[0];
  out += cents > 0 ? digits[cents] + '分' : '整';
  return out;
}

function figures(fenText) {
  const fen = BigInt(fenText);
  const yuan = (fen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return '¥' + yuan + '.' + (fen % 100n).toString().padStart(2, '0');
}

async function check(text) {
  const p = parse(text);
  if (!p) return { verdict: 'malformed' };
  const key = DATA.keys.find((k) => k.id === p.keyId);
  if (!key) return { verdict: 'unknown-key', p };
  let ok = false;
  try {
    ok = await verifyAsync(p.signature, new TextEncoder().encode(p.signed), hexBytes(key.key), { zip215: false });
  } catch (e) {
    ok = false;
  }
  if (!ok) return { verdict: 'forged', p };
  if (DATA.voided.includes(p.number)) return { verdict: 'voided', p };
  return { verdict: 'genuine', p };
}

function show(result) {
  const box = document.getElementById('result');
  box.className = 'result ' + result.verdict;
  box.hidden = false;
  document.getElementById('verdict').textContent = W[result.verdict];
  const rows = document.getElementById('fields');
  rows.replaceChildren();
  const p = result.p;
  if (p && result.verdict !== 'forged' && result.verdict !== 'unknown-key') {
    const d = p.date;
    const fields = [
      [W.number, p.number],
      [W.date, d.slice(0, 4) + '-' + d.slice(4, 6) + '-' + d.slice(6, 8)],
      [W.amount, figures(p.fen)],
      [W.amountWords, daxie(p.fen, DATA.traditional)],
      [W.fund, p.fund],
      [W.donor, p.donor],
      [W.key, p.keyId],
    ];
    for (const [label, value] of fields) {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      const td = document.createElement('td');
      th.textContent = label;
      td.textContent = value;
      tr.append(th, td);
      rows.append(tr);
    }
  }
}

async function run(text) {
  if (!text.trim()) return;
  show(await check(text));
}

document.getElementById('check').addEventListener('click', () => run(document.getElementById('payload').value));
if (location.hash.length > 1) {
  document.getElementById('payload').value = payloadIn(location.hash);
  run(location.hash);
}
window.addEventListener('hashchange', () => run(location.hash));
