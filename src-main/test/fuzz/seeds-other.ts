import type { Seed } from './mutate';

/**
 * Fuzz seeds for the goals, calendar, email and batches importers, generated here so the fuzz runs without
 * the shared sample files: Todoist and TickTick CSV, VTODO and VEVENT iCalendar (time zone, recurrence, exceptions,
 * alarms), Hearth's goals JSON, a multipart MIME message, an mbox with a quoted From_ line and a Content-Length,
 * an Apple Mail .emlx, and a batches CSV.
 */

const seed = (name: string, s: string): Seed => ({ name, bytes: new TextEncoder().encode(s) });
const crlf = (lines: string[]): string => `${lines.join('\r\n')}\r\n`;
const ID = (n: number): string => `01HX${String(n).padStart(22, '0')}`;
const AT = '2024-03-01T07:15:00.000Z';

const VTODO = crlf([
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Fuzz//EN',
  'BEGIN:VTODO',
  'UID:t1@fuzz',
  'DTSTAMP:20240301T071500Z',
  'SUMMARY:Water the plants\\, twice',
  'DUE;VALUE=DATE:20240305',
  'PRIORITY:1',
  'CATEGORIES:home,garden',
  'RRULE:FREQ=WEEKLY;BYDAY=MO,TH',
  'DESCRIPTION:line 1\\nline 2',
  'END:VTODO',
  'BEGIN:VTODO',
  'UID:t2@fuzz',
  'SUMMARY:Done',
  'STATUS:COMPLETED',
  'COMPLETED:20240302T100000Z',
  'RELATED-TO:t1@fuzz',
  'END:VTODO',
  'END:VCALENDAR',
]);

const EVENTS = crlf([
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Fuzz//EN',
  'X-WR-CALNAME:Fuzz',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Lisbon',
  'BEGIN:STANDARD',
  'DTSTART:19701025T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:19700329T010000',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:e1@fuzz',
  'DTSTAMP:20240301T071500Z',
  'DTSTART;TZID=Europe/Lisbon:20240301T090000',
  'DTEND;TZID=Europe/Lisbon:20240301T100000',
  'SUMMARY:Stand-up',
  'LOCATION:Room 1',
  'RRULE:FREQ=DAILY;COUNT=10',
  'EXDATE;TZID=Europe/Lisbon:20240303T090000',
  'ATTENDEE;CN=Ana:mailto:ana@example.com',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'TRIGGER:-PT15M',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:e1@fuzz',
  'RECURRENCE-ID;TZID=Europe/Lisbon:20240305T090000',
  'DTSTART;TZID=Europe/Lisbon:20240305T110000',
  'DURATION:PT30M',
  'SUMMARY:Stand-up (moved)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:e2@fuzz',
  'DTSTART;VALUE=DATE:20240310',
  'SUMMARY:All day \\; with a long folded line that goes on and on and on and on and on and on and on',
  '  and continues here',
  'END:VEVENT',
  'END:VCALENDAR',
]);

const HEARTH_GOALS = {
  format: 'hearth-goals',
  version: 1,
  exportedAt: AT,
  projects: [{ id: ID(1), name: 'Home', kind: 'project', parentId: null, color: 'blue', sortOrder: 1, createdAt: AT, updatedAt: AT }],
  habits: [
    {
      id: ID(2),
      title: 'Read',
      goalId: null,
      rrule: 'FREQ=DAILY',
      period: 'day',
      target: 1,
      unit: 'chapter',
      startDate: '2024-03-01',
      color: 'green',
      archivedAt: null,
      sortOrder: 1,
      createdAt: AT,
      updatedAt: AT,
    },
  ],
  checkins: [{ id: ID(3), habitId: ID(2), date: '2024-03-02', value: 1, note: 'ok', createdAt: AT, updatedAt: AT }],
};

export function goalsSeeds(): Seed[] {
  return [
    seed(
      'todoist.csv',
      'TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE\r\n' +
        'section,Garden,,,,,,,,\r\ntask,Water the plants @home,"two\nlines",1,1,Ana (1),,every monday,en,Europe/Lisbon\r\n' +
        'task,Sub task,,4,2,Ana (1),,tomorrow,en,Europe/Lisbon\r\nnote,a comment,,,,,,,,\r\n',
    ),
    seed(
      'ticktick.csv',
      '"Date: 2024-03-01+0000"\n"Version: 7.1"\n"Status: \n0 Normal\n1 Completed\n2 Archived"\n' +
        '"Folder Name","List Name","Title","Kind","Tags","Content","Is Check list","Start Date","Due Date","Reminder","Repeat","Priority","Status","Created Time","Completed Time","Order","Timezone","Is All Day","Is Floating","Column Name","Column Order","View Mode","taskId","parentId"\n' +
        '"","Inbox","Buy milk","TEXT","food,shop","2 litres","N","","2024-03-05T00:00:00+0000","","RRULE:FREQ=WEEKLY","5","0","2024-03-01T07:15:00+0000","","1","Europe/Lisbon","true","false","","","list","1",""\n' +
        '"","Inbox","Sub","TEXT","","","N","","","","","0","2","2024-03-01T07:15:00+0000","2024-03-02T07:15:00+0000","2","Europe/Lisbon","false","false","","","list","2","1"\n',
    ),
    seed('todos.ics', VTODO),
    seed('hearth-goals.json', JSON.stringify(HEARTH_GOALS, null, 1)),
  ];
}

export function calendarSeeds(): Seed[] {
  return [seed('events.ics', EVENTS), seed('todos.ics', VTODO)];
}

const MESSAGE = crlf([
  'From: "Ana Silva" <ana@example.com>',
  'To: bob@example.com, =?utf-8?B?Qm/DqQ==?= <boe@example.com>',
  'Subject: =?utf-8?Q?Caf=C3=A9_plans?=',
  'Date: Fri, 01 Mar 2024 07:15:00 +0000',
  'Message-ID: <m1@example.com>',
  'In-Reply-To: <m0@example.com>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: multipart/alternative; boundary="inner"',
  '',
  '--inner',
  'Content-Type: text/plain; charset=iso-8859-1',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Caf=E9 at 9?=20',
  '--inner',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Café at <b>9</b>?</p><img src="cid:logo">',
  '--inner--',
  '--outer',
  'Content-Type: application/pdf; name="plan.pdf"',
  "Content-Disposition: attachment; filename*=UTF-8''pl%C3%A1n.pdf",
  'Content-Transfer-Encoding: base64',
  '',
  'JVBERi0xLjQKJcOkw7zDtsOfCg==',
  '--outer',
  'Content-Type: text/calendar; method=REQUEST',
  '',
  'BEGIN:VCALENDAR',
  'END:VCALENDAR',
  '--outer--',
]);

const MBOX =
  'From ana@example.com Fri Mar  1 07:15:00 2024\n' +
  MESSAGE.replaceAll('\r\n', '\n') +
  '\n' +
  'From bob@example.com Fri Mar  1 08:00:00 2024\nFrom: bob@example.com\nSubject: re\nContent-Length: 27\n\n>From the start\nbody line\n\n' +
  'From x@y Fri Mar  1 09:00:00 2024\nSubject: last\n\ncut';

export function emailSeeds(): Record<'eml' | 'mbox' | 'emlx', Seed[]> {
  const emlx = `${Buffer.byteLength(MESSAGE)}\n${MESSAGE}<?xml version="1.0"?><plist version="1.0"><dict><key>flags</key><integer>8590195717</integer><key>date-received</key><integer>1709277300</integer></dict></plist>\n`;
  return { eml: [seed('message.eml', MESSAGE)], mbox: [seed('inbox.mbox', MBOX)], emlx: [seed('1.emlx', emlx)] };
}

export function batchesSeeds(): Seed[] {
  return [
    seed(
      'batches.csv',
      'product,gtin,lot,production_date,arrival_date,expiry_date,quantity,unit,date_type,shelf_life_days,category,supplier,location,notes,price,allergens,rule,sell_soon_days\r\n' +
        'Sourdough,4006381333931,L1,2024-03-01,2024-03-01,2024-03-05,"1,5",kg,use-by,4,Bread,Baker,Shelf 1,"note, quoted",3.50,gluten,date,1\r\n' +
        "Jam,,L2,2024-02-01,2024-02-02,,'=2+2,pcs,best-before,,Preserves,,,,,,shelf-age,\r\n",
    ),
    seed('batches-synonyms.csv', 'Name;EAN;Batch;Made;Received;Qty\nMilk;;A-1;01/03/2024;02/03/2024;2\n'),
  ];
}
