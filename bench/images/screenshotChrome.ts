import { phi } from '../corpus/NoteBuilder.ts';
import { domainFor } from '../corpus/phi/contact.ts';
import { formatName } from '../corpus/phi/names.ts';
import { cell, type Row } from './pageSpec.ts';
import { NAME, type Story } from './styleKit.ts';

/** The browser's tab strip and address bar above an EHR screenshot: the address holds the MRN or the patient's name. */
export function screenshotChrome(s: Story, mrn: string): Row[] {
  const { rng, cast } = s;
  const pt = cast.patient;
  const host = `${rng.pick(['ehr', 'chart', 'epic', 'portal'])}.${domainFor(s.clinic, rng)}`;
  const slug = `${pt.last}-${pt.first}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z-]/gu, '');
  const path = rng.pick([
    `/patients/${mrn}/chart`,
    `/chart/${slug}/summary`,
    `/emr/patient?mrn=${mrn}&tab=notes`,
    `/p/${mrn}/${slug}`,
  ]);
  return [
    {
      cells: [
        cell(0, [NAME(formatName(pt, 'lastFirst')), ' - Chart'], { colour: '#202124' }),
        cell(0.5, 'Inbox', { colour: '#5f6368' }),
      ],
      background: '#dee1e6',
      scale: 0.9,
    },
    {
      cells: [
        cell(0, '<  >  C', { colour: '#5f6368' }),
        cell(0.08, phi('URL', `https://${host}${path}`), { colour: '#202124' }),
      ],
      background: '#f1f3f4',
      scale: 0.9,
    },
  ];
}
