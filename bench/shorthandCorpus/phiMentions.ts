// PHI in the phrases clinicians wrap it in. Each returns fragments; only the PHI value is a span.
import { phi } from '../corpus/NoteBuilder.ts';
import type { Rng } from '../corpus/random.ts';
import { pagerRef, phoneRef, extension } from './contacts.ts';
import { dateText, dayOrdinal, NURSING_DAY_SHAPES, PAST_SHAPES, weekdayText, addDays, type Day } from './dates.ts';
import { drRef, name, nameText, typedCase, type Patient, type Person, type Relative } from './people.ts';
import { institutionRef, roomRef, wardText, type Institution } from './places.ts';
import type { ShorthandLexicons } from './lexicons.ts';
import type { Frag } from './ShorthandBuilder.ts';

/** AGE: only the number ("67" in "67 y/o", "67M", "age 67", "80s" in "in her late 80s"). */
export function ageFrag(rng: Rng, age: number, sex: 'M' | 'F'): Frag {
  const a = phi('AGE', String(age));
  switch (rng.int(0, 8)) {
    case 0:
      return [a, ' y/o'];
    case 1:
      return [a, 'yo'];
    case 2:
      return [a, ' yo'];
    case 3:
      return [a, sex];
    case 4:
      return [a, ' ', sex];
    case 5:
      return [a, ' yr old'];
    case 6:
      return [a, '-year-old'];
    case 7:
      return ['age ', a];
    default:
      return age >= 30
        ? [
            `in ${sex === 'M' ? 'his' : 'her'} ${rng.pick(['early ', 'mid ', 'late ', ''])}`,
            phi('AGE', `${Math.floor(age / 10)}0s`),
          ]
        : [a, ' y/o'];
  }
}

/** A relative, by first name mostly ("wife mary in", "dtr SUSAN called"). */
export function relativeRef(rng: Rng, r: Relative): Frag {
  const form = rng.pick(['first', 'first', 'first', 'full', 'last'] as const);
  const text = typedCase(rng, nameText(r, form));
  return [r.relation, ' ', phi('NAME', text)];
}

export function familyLine(rng: Rng, r: Relative, patient: Patient): Frag {
  switch (rng.int(0, 8)) {
    case 0:
      return [
        relativeRef(rng, r),
        rng.pick([' in, updated by RN', ' in to visit', ' at bedside', ' in early evening']),
      ];
    case 1:
      return [relativeRef(rng, r), ` called x${rng.int(1, 3)}, updated`];
    case 2:
      return [relativeRef(rng, r), ' would like a call w/ any changes ', phoneRef(rng)];
    case 3:
      return [
        r.relation === 'HCP' ? 'HCP' : `HCP is ${r.relation}`,
        ' ',
        phi('NAME', nameText(r, 'full')),
        ' ',
        phoneRef(rng),
      ];
    case 4:
      return [relativeRef(rng, r), ' is a ', phi('PROFESSION', r.profession), ', asking appropriate questions'];
    case 5:
      return [
        'pt is a ',
        rng.pick(['retired ', 'former ', '']),
        phi('PROFESSION', patient.profession),
        ', lives w/ ',
        r.relation,
      ];
    case 6:
      return [
        'lives w/ ',
        phi('AGE', String(Math.max(20, patient.age + rng.int(-8, 8)))),
        ' yo ',
        r.relation,
        ' ',
        phi('NAME', typedCase(rng, r.first)),
      ];
    case 7:
      return [r.relation, ' works as a ', phi('PROFESSION', r.profession), ', will be in after work'];
    default:
      return [relativeRef(rng, r), ' called, will call back @ ', phoneRef(rng)];
  }
}

export function doctorLine(rng: Rng, dr: Person): Frag {
  switch (rng.int(0, 7)) {
    case 0:
      return [drRef(rng, dr), ' aware'];
    case 1:
      return ['d/w ', drRef(rng, dr), ', no new orders'];
    case 2:
      return [drRef(rng, dr), ' paged ', pagerRef(rng)];
    case 3:
      return ['per ', drRef(rng, dr), rng.chance(0.4) ? "'s team" : '', ' hold TF after MN'];
    case 4:
      return [drRef(rng, dr), ' in to see pt'];
    case 5:
      return [rng.pick(['renal', 'GI', 'ID', 'cards']), ' (', drRef(rng, dr), ') following'];
    case 6:
      return ['covering ', name(rng, dr, ['full', 'initialLast', 'last']), ' ', pagerRef(rng)];
    default:
      return ['questions re plan call ', extension(rng)];
  }
}

/** Dates as nurses write them, and weekdays that are dates ("since mon", "HD tues"). */
export function dateLine(rng: Rng, anchor: Day): Frag {
  const day = addDays(anchor, rng.int(-6, 3));
  const past = addDays(anchor, -rng.int(200, 4000));
  const date = () => phi('DATE', dateText(rng, day, NURSING_DAY_SHAPES));
  switch (rng.int(0, 8)) {
    case 0:
      return ['extubated ', date()];
    case 1:
      return ['since ', phi('DATE', weekdayText(rng, day))];
    case 2:
      return ['s/p CABG ', phi('DATE', dateText(rng, past, PAST_SHAPES))];
    case 3:
      return ['last admit ', phi('DATE', dateText(rng, past, ['mon yy', "mon 'yy", 'm/d/yy']))];
    case 4:
      return ['CT ', date(), ' neg for bleed'];
    case 5:
      return ['line placed ', date(), ', day ', String(rng.int(2, 9))];
    case 6:
      return ['EGD planned for the ', phi('DATE', dayOrdinal(day))];
    case 7:
      return ['family mtg on ', phi('DATE', weekdayText(rng, day)), ' @ ', String(rng.int(1, 4)), 'pm'];
    default:
      return ['labs from ', date(), ' reviewed'];
  }
}

export function placeLine(
  rng: Rng,
  lex: ShorthandLexicons,
  places: { hospital: Institution; outside: Institution; facility: Institution },
): Frag {
  const { hospital, outside, facility } = places;
  switch (rng.int(0, 6)) {
    case 0:
      return [
        'transferred from ',
        institutionRef(rng, outside),
        ' ',
        rng.pick(['on levo', 'intubated', 'for higher level of care']),
      ];
    case 1:
      return ['f/u at ', institutionRef(rng, hospital), ' ', rng.pick(['clinic', 'in 2 wks', 'w/ cards'])];
    case 2:
      return ['transfer to ', phi('ADDRESS', wardText(rng, lex)), ' when bed available'];
    case 3:
      return ['bed ready on ', phi('ADDRESS', wardText(rng, lex)), ' ', roomRef(rng)];
    case 4:
      return ['screened by ', phi('ADDRESS', facility.name), ', ? d/c there vs home'];
    case 5:
      return ['moved to ', roomRef(rng), ' for isolation'];
    default:
      return ['records from ', institutionRef(rng, outside), ' faxed'];
  }
}
