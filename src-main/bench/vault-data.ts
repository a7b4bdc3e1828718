import { ItemInput, type ItemData } from '../../src-shared/domains/vault/vault.schemas';
import { pick, seededRandom } from './measure';

/**
 * Deterministic, realistic-looking vault items for the vault bench: real service names and login URLs,
 * people's e-mail addresses and handles, folders, tags and notes of varied length; mostly logins, some
 * notes, cards and identities. Nothing here is a real credential.
 */
const SERVICES: readonly [name: string, host: string, path: string][] = [
  ['GitHub', 'github.com', '/login'],
  ['GitLab', 'gitlab.com', '/users/sign_in'],
  ['Google', 'accounts.google.com', '/signin'],
  ['Gmail', 'mail.google.com', '/'],
  ['Amazon', 'www.amazon.com', '/ap/signin'],
  ['Amazon UK', 'www.amazon.co.uk', '/ap/signin'],
  ['Netflix', 'www.netflix.com', '/login'],
  ['Spotify', 'accounts.spotify.com', '/en/login'],
  ['Apple ID', 'appleid.apple.com', '/sign-in'],
  ['Microsoft', 'login.live.com', '/'],
  ['Outlook', 'outlook.live.com', '/owa/'],
  ['Dropbox', 'www.dropbox.com', '/login'],
  ['Slack', 'app.slack.com', '/signin'],
  ['Zoom', 'zoom.us', '/signin'],
  ['LinkedIn', 'www.linkedin.com', '/login'],
  ['Facebook', 'www.facebook.com', '/login.php'],
  ['Instagram', 'www.instagram.com', '/accounts/login/'],
  ['Reddit', 'www.reddit.com', '/login/'],
  ['PayPal', 'www.paypal.com', '/signin'],
  ['Stripe', 'dashboard.stripe.com', '/login'],
  ['Chase Bank', 'secure.chase.com', '/web/auth/'],
  ['Bank of America', 'www.bankofamerica.com', '/online-banking/sign-in/'],
  ['Wells Fargo', 'connect.secure.wellsfargo.com', '/auth/login/'],
  ['Barclays', 'bank.barclays.co.uk', '/olb/authlogin/'],
  ['Monzo', 'monzo.com', '/'],
  ['Revolut', 'app.revolut.com', '/start'],
  ['Steam', 'store.steampowered.com', '/login/'],
  ['Epic Games', 'www.epicgames.com', '/id/login'],
  ['Nintendo', 'accounts.nintendo.com', '/login'],
  ['eBay', 'signin.ebay.com', '/'],
  ['Etsy', 'www.etsy.com', '/signin'],
  ['IKEA', 'www.ikea.com', '/profile/login/'],
  ['Airbnb', 'www.airbnb.com', '/login'],
  ['Booking.com', 'account.booking.com', '/sign-in'],
  ['Uber', 'auth.uber.com', '/login/'],
  ['Twitter / X', 'x.com', '/i/flow/login'],
  ['Mastodon', 'mastodon.social', '/auth/sign_in'],
  ['Discord', 'discord.com', '/login'],
  ['AWS Console', 'signin.aws.amazon.com', '/signin'],
  ['DigitalOcean', 'cloud.digitalocean.com', '/login'],
  ['Cloudflare', 'dash.cloudflare.com', '/login'],
  ['Hetzner', 'accounts.hetzner.com', '/login'],
  ['Namecheap', 'www.namecheap.com', '/myaccount/login/'],
  ['Atlassian', 'id.atlassian.com', '/login'],
  ['Notion', 'www.notion.so', '/login'],
  ['Figma', 'www.figma.com', '/login'],
  ['Trello', 'trello.com', '/login'],
  ['Home router', '192.168.1.1', '/admin'],
  ['NAS', 'nas.local', ':5001/'],
  ['Office VPN', 'vpn.example-corp.com', '/'],
  ['Electric company', 'my.octopus.energy', '/login'],
  ['Water utility', 'account.thameswater.co.uk', '/'],
  ['HMRC', 'www.tax.service.gov.uk', '/account'],
  ['Doctor portal', 'patient.myhealth.nhs.uk', '/'],
  ['School portal', 'parents.springfield-elementary.org', '/login'],
  ['Wikipedia', 'en.wikipedia.org', '/wiki/Special:UserLogin'],
];
const FIRST = ['john', 'maria', 'li', 'aisha', 'oliver', 'sofia', 'lukas', 'emma', 'noah', 'yuki', 'fatima', 'carlos', 'anna', 'david', 'ines', 'mohammed'];
const LAST = ['smith', 'garcia', 'chen', 'khan', 'mueller', 'rossi', 'novak', 'dubois', 'tanaka', 'okafor', 'silva', 'jensen', 'kowalski', 'brown'];
const MAIL = ['gmail.com', 'outlook.com', 'proton.me', 'icloud.com', 'example-corp.com', 'fastmail.com'];
const FOLDERS = ['', '', 'Work', 'Personal', 'Finance', 'Shopping', 'Social', 'Work/Servers', 'Family', 'Travel'];
const TAGS = ['2fa', 'shared', 'old', 'kids', 'billing', 'admin', 'important'];
const NOTE_WORDS =
  'security question answer is in the blue notebook account shared with family recovery codes printed and stored in the safe billing every month on the first renew before expiry support pin changed after breach notice personal and work use'.split(
    ' ',
  );
const TOTP = 'otpauth://totp/Bench:user?secret=JBSWY3DPEHPK3PXP&issuer=Bench';

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(rand, NOTE_WORDS));
  return `${out.join(' ')}.`;
}

function notes(rand: () => number): string {
  const r = rand();
  if (r < 0.5) return '';
  if (r < 0.95) return sentence(rand, 5 + Math.floor(rand() * 20));
  return Array.from({ length: 40 }, () => sentence(rand, 12)).join(' ');
}

function password(rand: () => number): string {
  const chars = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^&*-_';
  let s = '';
  for (let i = 16 + Math.floor(rand() * 9); i > 0; i--) s += chars[Math.floor(rand() * chars.length)]!;
  return s;
}

function login(rand: () => number, person: { first: string; last: string }): ItemInput {
  const [name, host, urlPath] = pick(rand, SERVICES);
  const variants = [name, name, name, `${name} (work)`, `${name} – ${person.first}`, `${name} ${pick(rand, ['old', 'backup', 'family', 'test'])}`];
  const username = rand() < 0.7 ? `${person.first}.${person.last}@${pick(rand, MAIL)}` : `${person.first}${person.last.slice(0, 3)}${Math.floor(rand() * 100)}`;
  const urls = [{ url: `https://${host}${urlPath}` }];
  if (rand() < 0.2) urls.push({ url: `androidapp://com.${host.split('.').slice(-2, -1)[0] ?? 'app'}.android` });
  return {
    type: 'login',
    title: pick(rand, variants),
    notes: notes(rand),
    folder: pick(rand, FOLDERS),
    tags: rand() < 0.3 ? [pick(rand, TAGS)] : [],
    favorite: rand() < 0.05,
    login: { username, password: password(rand), urls, totp: rand() < 0.1 ? TOTP : '' },
  };
}

function other(rand: () => number, person: { first: string; last: string }, type: 'note' | 'card' | 'identity'): ItemInput {
  const base = { notes: notes(rand), folder: pick(rand, FOLDERS), tags: rand() < 0.3 ? [pick(rand, TAGS)] : [] };
  if (type === 'note')
    return {
      ...base,
      type,
      title: pick(rand, ['Wi-Fi password', 'Alarm code', 'Passport scan notes', 'Recovery codes', 'Server root notes', 'Safe combination']),
      secureNote: sentence(rand, 30),
    };
  if (type === 'card') {
    const number = `4${Array.from({ length: 15 }, () => Math.floor(rand() * 10)).join('')}`;
    return {
      ...base,
      type,
      title: `${pick(rand, ['Visa', 'Mastercard', 'Amex'])} ${pick(rand, ['personal', 'business', 'travel'])}`,
      card: { holder: `${person.first} ${person.last}`, brand: 'Visa', number, expMonth: '09', expYear: '2029', code: '123' },
    };
  }
  return {
    ...base,
    type,
    title: `ID – ${person.first} ${person.last}`,
    identity: { firstName: person.first, lastName: person.last, email: `${person.first}@${pick(rand, MAIL)}`, city: 'Springfield', passportNumber: 'X1234567' },
  };
}

/** `count` parsed items (ItemInput defaults applied), the same on every run. */
export function vaultItems(count: number, seed = 11): ItemData[] {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const person = { first: pick(rand, FIRST), last: pick(rand, LAST) };
    const r = rand();
    const item = r < 0.85 ? login(rand, person) : other(rand, person, r < 0.92 ? 'note' : r < 0.96 ? 'card' : 'identity');
    return ItemInput.parse(item);
  });
}

/** What people type into the search box: 1–3 character prefixes, words, URL fragments, names, misses. */
export const VAULT_QUERIES: readonly string[] = [
  'g',
  'a',
  'm',
  's',
  'gi',
  'am',
  'ne',
  'ba',
  'git',
  'ama',
  'pay',
  'ste',
  'github',
  'amazon',
  'netflix',
  'bank',
  'mail',
  'router',
  'wifi',
  'visa',
  'work',
  'finance',
  'john',
  'maria.garcia',
  'gmail.com',
  'proton',
  'chase bank',
  'apple id',
  'amazon uk',
  'aws console',
  'github.com/login',
  'accounts.google',
  'amazon.co.uk',
  '/signin',
  '192.168',
  'androidapp',
  'xyzzy',
  'qqq',
  'nomatchanywhere',
  'zz top',
];

/**
 * The same items as an unencrypted Bitwarden JSON export (the shape `bw export --format json` writes),
 * for the import bench. Dates are spread over the last few years.
 */
export function bitwardenExportJson(items: readonly ItemData[]): string {
  const folderIds = new Map<string, string>();
  const folderId = (name: string) => {
    if (!name) return null;
    if (!folderIds.has(name)) folderIds.set(name, `00000000-0000-4000-8000-${String(folderIds.size).padStart(12, '0')}`);
    return folderIds.get(name)!;
  };
  const bwItems = items.map((it, i) => {
    const date = new Date(Date.UTC(2021, 0, 1) + i * 3_600_000).toISOString();
    const common = {
      id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      organizationId: null,
      folderId: folderId(it.folder),
      reprompt: it.reprompt ? 1 : 0,
      name: it.title,
      favorite: it.favorite,
      fields: [],
      collectionIds: null,
      passwordHistory: null,
      creationDate: date,
      revisionDate: date,
      deletedDate: null,
    };
    if (it.type === 'login' && it.login) {
      const { username, password, totp, urls } = it.login;
      return {
        ...common,
        type: 1,
        notes: it.notes || null,
        login: { username, password, totp: totp || null, uris: urls.map((u) => ({ match: null, uri: u.url })) },
      };
    }
    if (it.type === 'card' && it.card) {
      const c = it.card;
      return {
        ...common,
        type: 3,
        notes: it.notes || null,
        card: { cardholderName: c.holder, brand: c.brand, number: c.number, expMonth: c.expMonth, expYear: c.expYear, code: c.code },
      };
    }
    if (it.type === 'identity' && it.identity) return { ...common, type: 4, notes: it.notes || null, identity: it.identity };
    return { ...common, type: 2, notes: it.secureNote || it.notes || null, secureNote: { type: 0 } };
  });
  const folders = [...folderIds].map(([name, id]) => ({ id, name }));
  return JSON.stringify({ encrypted: false, folders, items: bwItems }, null, 2);
}
