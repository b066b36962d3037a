// E-mail between clinicians: header with names and addresses, a weekday date, a subject with a room,
// a casual body in shorthand (a fifth all lower case), first-name sign-off and a signature block.
import { phi } from '../../corpus/NoteBuilder.ts';
import { extension, pagerRef } from '../contacts.ts';
import { addDays, dateText, weekdayText } from '../dates.ts';
import { phrases, SYSTEMS } from '../icuShorthand.ts';
import { inlineSlot } from '../neutralSlots.ts';
import { nameText, type Person } from '../people.ts';
import { familyLine } from '../phiMentions.ts';
import { roomRef } from '../places.ts';
import type { Frag } from '../ShorthandBuilder.ts';
import { fillTo, joined, maybe, writeLine, type ShorthandStyle, type StyleContext } from './context.ts';

function domain(ctx: StyleContext): string {
  const { hospital } = ctx;
  return `${(hospital.initials ?? hospital.name.split(' ')[0]!).toLowerCase().replace(/[^a-z]/g, '')}.org`;
}

/** "Smith, Karen <ksmith@bgh.org>": the display name is NAME, the address EMAIL; brackets stay outside. */
function addressee(ctx: StyleContext, p: Person): Frag[] {
  return [
    phi('NAME', nameText(p, 'lastFirst')),
    ' <',
    phi('EMAIL', `${p.first.charAt(0)}${p.last}@${domain(ctx)}`.toLowerCase()),
    '>',
  ];
}

function headerLines(ctx: StyleContext, from: Person, to: Person): Frag[][] {
  const { rng, anchor } = ctx;
  const sent = addDays(anchor, rng.int(0, 5));
  return [
    ['From: ', ...addressee(ctx, from)],
    [
      'Sent: ',
      phi('DATE', dateText(rng, sent, ['weekday, month d, yyyy'])),
      ` ${rng.int(1, 12)}:${rng.int(10, 59)} ${rng.pick(['AM', 'PM'])}`,
    ],
    ['To: ', ...addressee(ctx, to)],
    ['Subject: ', rng.pick(['RE: ', 'Re: ', 'FW: ', '']), rng.pick(['pt in ', 'update - ', 'bed for ']), roomRef(rng)],
  ];
}

function bodyLine(ctx: StyleContext): Frag[] {
  const { rng, cast } = ctx;
  const parts: Frag[] = phrases(rng, SYSTEMS[rng.pick(['Resp', 'CV', 'Neuro', 'GU', 'ID'] as const)], rng.int(1, 3));
  if (rng.chance(0.6)) parts.push(inlineSlot(rng, ctx.lex.neutralWords));
  if (maybe(ctx, 0.2)) parts.push(familyLine(rng, rng.pick(cast.relatives), cast.patient));
  return joined(rng, parts);
}

function request(ctx: StyleContext): Frag[] {
  const { rng } = ctx;
  const day = addDays(ctx.anchor, rng.int(1, 6));
  const pronoun = ctx.cast.patient.sex === 'M' ? 'him' : 'her';
  if (!maybe(ctx, 0.7)) return [`can you see ${pronoun} tomorrow?`];
  return [
    `can you see ${pronoun} on `,
    phi('DATE', rng.chance(0.6) ? weekdayText(rng, day) : dateText(rng, day, ['m/d', 'wkday m/d'])),
    '?',
  ];
}

function signature(ctx: StyleContext, from: Person): Frag[][] {
  const { rng } = ctx;
  return [
    [rng.pick(['thanks,', 'thx', 'Thanks -', 'best,'])],
    [phi('NAME', rng.chance(0.5) ? from.first : nameText(from, 'initials').toLowerCase())],
    ['--'],
    [
      phi('NAME', nameText(from, 'full')),
      rng.pick([', RN, BSN', ', MD', ', NP', '']),
      ' | ',
      rng.pick(['MICU', 'CCU', 'SICU']),
      ' | ',
      extension(rng),
      ' | ',
      pagerRef(rng),
    ],
  ];
}

export const clinicianEmail: ShorthandStyle = {
  name: 'clinician_email',
  typoRate: 0.01,
  generate(ctx) {
    const { rng, cast } = ctx;
    const [from, to] = rng.sample([...cast.doctors, ...cast.nurses], 2) as [Person, Person];
    if (ctx.withPhi) for (const line of headerLines(ctx, from, to)) writeLine(ctx, line);
    else writeLine(ctx, ['Subject: update']);
    ctx.b.nl();
    if (rng.chance(0.2)) ctx.b.setCase('lower');
    writeLine(ctx, ctx.withPhi ? [phi('NAME', to.first), ' -'] : ['Hi -']);
    const title = cast.patient.sex === 'M' ? rng.pick(['mr. ', 'Mr ', 'pt ']) : rng.pick(['ms. ', 'Mrs ', 'pt ']);
    writeLine(ctx, ctx.withPhi ? ['quick update on ', title, phi('NAME', cast.patient.last), ':'] : ['quick update:']);
    fillTo(ctx, () => writeLine(ctx, bodyLine(ctx)));
    writeLine(ctx, request(ctx));
    ctx.b.nl();
    for (const line of ctx.withPhi ? signature(ctx, from) : [['thanks']]) writeLine(ctx, line);
  },
};
