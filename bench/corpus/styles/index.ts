import type { NoteStyle } from './common.ts';
import { dischargeSummary } from './dischargeSummary.ts';
import { icuNursing } from './icuNursing.ts';
import { icuNursingFamily } from './icuNursingFamily.ts';
import { admissionHp } from './admissionHp.ts';
import { progressSoap } from './progressSoap.ts';
import { radiologyReport } from './radiologyReport.ts';
import { labReport } from './labReport.ts';
import { pathologyReport } from './pathologyReport.ts';
import { referralLetter } from './referralLetter.ts';
import { emailThread } from './emailThread.ts';
import { edTriage } from './edTriage.ts';
import { operativeNote } from './operativeNote.ts';
import { medReconciliation } from './medReconciliation.ts';
import { telephoneEncounter } from './telephoneEncounter.ts';
import { homeHealthSocialWork } from './homeHealthSocialWork.ts';
import { consultNote } from './consultNote.ts';
import { transferDeathNote } from './transferDeathNote.ts';

export const STYLES: readonly NoteStyle[] = [
  icuNursing,
  icuNursingFamily,
  dischargeSummary,
  admissionHp,
  progressSoap,
  radiologyReport,
  labReport,
  pathologyReport,
  referralLetter,
  emailThread,
  edTriage,
  operativeNote,
  medReconciliation,
  telephoneEncounter,
  homeHealthSocialWork,
  consultNote,
  transferDeathNote,
];
