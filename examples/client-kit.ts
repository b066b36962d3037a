// The client kit: typed documents, SigV4 signing and AppSync's real-time protocol, in browsers and Node 20+.
import { HdmClient, type JobUpdateFieldsFragment, MaskTextDocument, OnJobsUpdatedDocument } from 'health-data-masking/client';
import { WebSocket } from 'ws'; // Node 20 has no global WebSocket; in browsers and Node 22+, leave the option out

const client = new HdmClient({
  url: process.env.HDM_URL ?? 'http://127.0.0.1:4000/graphql',
  region: process.env.HDM_REGION ?? 'us-east-1',
  credentials: { accessKeyId: process.env.HDM_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.HDM_SECRET_ACCESS_KEY ?? '' },
  WebSocket,
});

// Subscribe first and mask once the subscription is live (`started`): earlier updates are not delivered.
const updates: JobUpdateFieldsFragment[] = [];
let failure: Error | undefined;
const live = new Promise<void>((started) => {
  client.subscribe(OnJobsUpdatedDocument, {}, {
    started,
    next: ({ onJobsUpdated }) => void (onJobsUpdated && updates.push(onJobsUpdated)),
    error: (error) => void (failure = error),
  });
});
await live;

const { maskText: job } = await client.request(MaskTextDocument, {
  input: { text: 'Pt Marla Quenby, seen 03/14/2023. Call 617-555-0143.', options: { style: 'TYPE_LABEL' } },
});

// A text job is finished when maskText returns; its RUNNING and SUCCEEDED updates may still be on the way.
while (!failure && !updates.some((u) => u.id === job.id && u.status === 'SUCCEEDED')) await new Promise((r) => setTimeout(r, 20));
client.close();
if (failure) throw failure;

console.log(JSON.stringify({
  maskedText: job.maskedText,
  findings: job.findings.items.map(({ type, beginOffset, endOffset }) => ({ type, beginOffset, endOffset })),
  updates: updates.filter((u) => u.id === job.id).map((u) => u.status),
}));
