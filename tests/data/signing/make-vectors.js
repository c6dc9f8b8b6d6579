// Independent signer for the test vectors: Node's crypto (OpenSSL's Ed25519).
const crypto = require('crypto');
const seed = Buffer.alloc(32); for (let i = 0; i < 32; i++) seed[i] = i + 1;
const key = crypto.createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
const pub = crypto.createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
const keyId = crypto.createHash('sha256').update(pub).digest('hex').slice(0, 8);
const esc = (t) => t.replace(/%/g, '%25').replace(/\|/g, '%7C');
const mask = (n) => [...n.trim()].map((c, i) => (i ? '*' : c)).join('');
const cases = [
  ['2022-000001', '20220105', 5000000, '助学', '鹰潭恒通科技有限公司'],
  ['2022-000123', '20220301', 1000500, '助學', '張三豐'],
  ['2023-000007', '20231231', 1, 'Love|Fund 100%', 'Alice'],
  ['2026-000042', '20260615', 29330000, '扶貧', '𠮷田'],
];
const lines = [
  '# lovefund receipt payload test vectors (README "How donors verify a receipt").',
  '# Made with Node.js crypto (OpenSSL Ed25519), independently of lovefund, by the',
  '# script quoted in tests/data/signing/README.md; src/ledger/signature.rs checks',
  '# that lovefund signs each case to exactly this payload and verifies it.',
  '# secret (Ed25519 seed, hex): ' + seed.toString('hex'),
  '# public key (hex): ' + pub.toString('hex'),
  '# key id: ' + keyId,
  '# number\tdate\tfen\tfund\tdonor (unmasked)\tpayload',
];
for (const [number, date, fen, fund, donor] of cases) {
  const signed = ['LF1', keyId, number, date, String(fen), esc(fund), esc(mask(donor))].join('|');
  const sig = crypto.sign(null, Buffer.from(signed, 'utf8'), key).toString('base64url');
  lines.push([number, date, fen, fund, donor, signed + '|' + sig].join('\t'));
}
console.log(lines.join('\n'));
