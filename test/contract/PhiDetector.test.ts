import {
  ComprehendMedicalClient,
  DetectPHICommand,
  type DetectPHICommandOutput,
  type Entity,
  type EntitySubType,
} from '@aws-sdk/client-comprehendmedical';
import { mockClient } from 'aws-sdk-client-mock';
import { ComprehendMedicalDetector } from '../../src/adapters/aws/ComprehendMedicalDetector.ts';
import { UnionPhiDetector } from '../../src/adapters/union/UnionPhiDetector.ts';
import { LocalPhiDetector } from '../../src/detect/LocalPhiDetector.ts';
import { CONTRACT_NOTES, describePhiDetectorContract } from './PhiDetector.contract.ts';

const phi = (Id: number, Type: EntitySubType, Text: string, BeginOffset: number, Score: number): Entity => ({
  Id,
  BeginOffset,
  EndOffset: BeginOffset + [...Text].length,
  Score,
  Text,
  Category: 'PROTECTED_HEALTH_INFORMATION',
  Type,
  Traits: [],
});

/**
 * DetectPHI's answers to the contract notes, in the response shape of aws-facts.md §2: offsets count
 * code points (the astral note's are one less per emoji before them than JavaScript's), PHI entities carry
 * empty Traits, and a place may come back with a low score ("Ohio", as "Washington" at 0.38 in AWS's example).
 */
const RECORDED: Record<keyof typeof CONTRACT_NOTES, Entity[]> = {
  visit: [
    phi(0, 'NAME', 'Marla Quenby', 3, 0.9981),
    phi(1, 'AGE', '67', 17, 0.9993),
    phi(2, 'DATE', '03/14/2023', 30, 0.9996),
    phi(3, 'PHONE_OR_FAX', '617-555-0143', 78, 0.9978),
  ],
  astral: [
    phi(0, 'NAME', 'Ivo Brankovich', 11, 0.9962),
    phi(1, 'PHONE_OR_FAX', '617-555-0199', 28, 0.9917),
    phi(2, 'EMAIL', 'ivo.b@example.org', 48, 0.9989),
  ],
  places: [
    phi(0, 'PROFESSION', 'machinist', 8, 0.8712),
    phi(1, 'ADDRESS', 'Springfield', 23, 0.7243),
    phi(2, 'ADDRESS', 'Ohio', 55, 0.3812),
  ],
  careUnit: [phi(0, 'ADDRESS', 'MICU', 19, 0.6113)],
  noPhi: [],
};

/** Comprehend Medical on a client that answers the contract notes as recorded, and refuses any other text. */
function recordedComprehendMedical(): ComprehendMedicalDetector {
  const client = new ComprehendMedicalClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  mock.on(DetectPHICommand).rejects(new Error('no recorded DetectPHI answer for this text'));
  for (const [note, text] of Object.entries(CONTRACT_NOTES)) {
    const answer: DetectPHICommandOutput = {
      Entities: RECORDED[note as keyof typeof CONTRACT_NOTES],
      ModelVersion: '0.1.0',
      $metadata: {},
    };
    mock.on(DetectPHICommand, { Text: text }).resolves(answer);
  }
  return new ComprehendMedicalDetector({ client });
}

describePhiDetectorContract('LocalPhiDetector', () => new LocalPhiDetector());
describePhiDetectorContract('ComprehendMedicalDetector (recorded DetectPHI answers)', recordedComprehendMedical);
describePhiDetectorContract(
  'UnionPhiDetector (local and Comprehend Medical)',
  () => new UnionPhiDetector({ detectors: [new LocalPhiDetector(), recordedComprehendMedical()] }),
);
