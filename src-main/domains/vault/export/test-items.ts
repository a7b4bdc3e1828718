import { ItemInput, type ImportedItem } from '../../../../src-shared/domains/vault/vault.schemas';

/** Test support only: one item of every kind, with the awkward values exports must survive. */
export function sampleItems(): ImportedItem[] {
  const item = (input: ItemInput): ImportedItem['item'] => ItemInput.parse(input);
  return [
    {
      item: item({
        type: 'login',
        title: 'Work mail',
        folder: 'Email/Work',
        tags: ['work', 'mail'],
        favorite: true,
        reprompt: true,
        notes: 'First line\nSecond line, with "quotes"',
        login: {
          username: 'alice@example.com',
          password: 'p@ss,"word"\twith tab',
          urls: [
            { url: 'https://mail.example.com', match: 'host' },
            { url: 'https://webmail.example.com/a,b', match: null },
          ],
          totp: 'JBSWY3DPEHPK3PXP',
        },
        fields: [
          { name: 'PIN', type: 'hidden', value: '0042' },
          { name: 'Recovery', type: 'text', value: 'line 1\nline 2' },
          { name: 'Enabled', type: 'boolean', value: 'true' },
        ],
      }),
      passwordHistory: [
        { password: 'second-old', changedAt: '2024-03-01T10:00:00.000Z' },
        { password: 'first-old', changedAt: '2023-01-01T10:00:00.000Z' },
      ],
      createdAt: '2022-06-01T08:00:00.000Z',
      updatedAt: '2024-05-01T12:00:00.000Z',
    },
    {
      item: item({
        type: 'login',
        title: 'Formula =HYPERLINK("x")',
        folder: '',
        login: {
          username: '@admin',
          password: '=1+2',
          urls: [{ url: 'https://sheet.example', match: null }],
          totp: 'otpauth://totp/Sheet:me?secret=ABCDEF&issuer=Sheet',
        },
        notes: '-dash first\r\ncarriage',
        fields: [{ name: 'tabbed', type: 'hidden', value: '\tstarts with tab' }],
      }),
      passwordHistory: [],
    },
    {
      item: item({ type: 'note', title: 'Ünïcödé note ✓', folder: 'Email', secureNote: 'Body line 1\nBody line 2' }),
      passwordHistory: [],
    },
    {
      item: item({
        type: 'card',
        title: 'Visa card',
        folder: 'Finance',
        card: { holder: 'Jane Doe', brand: 'Visa', number: '4111111111111111', expMonth: '6', expYear: '2030', code: '123' },
      }),
      passwordHistory: [],
    },
    {
      item: item({
        type: 'identity',
        title: 'Me',
        identity: { title: 'Mrs', firstName: 'Jane', lastName: 'Doe', address1: ' 1 North Calle ', country: 'United States ', ssn: '123-12-1234' },
      }),
      passwordHistory: [],
    },
  ];
}
