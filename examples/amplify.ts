// Amplify JS v6 with IAM credentials. Amplify always uses wss:// for the real-time endpoint of a host that
// is not AppSync's, so against the local API start it with HDM_TLS=1 and trust its certificate
// (NODE_EXTRA_CA_CERTS=.data/tls/cert.pem in Node).
import { Amplify } from 'aws-amplify';
import { generateClient, type GraphQLQuery, type GraphQLSubscription } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';
import { WebSocket } from 'ws';

if (!('WebSocket' in globalThis)) Object.assign(globalThis, { WebSocket }); // Node 20 has none; browsers and Node 22+ do

interface JobUpdate { id: string; status: string }
const credentials = { accessKeyId: process.env.HDM_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.HDM_SECRET_ACCESS_KEY ?? '' };

Amplify.configure(
  { API: { GraphQL: { endpoint: process.env.HDM_URL ?? 'https://127.0.0.1:4000/graphql', region: process.env.HDM_REGION ?? 'us-east-1', defaultAuthMode: 'iam' } } },
  { Auth: { credentialsProvider: { getCredentialsAndIdentityId: async () => ({ credentials }), clearCredentialsAndIdentityId: () => {} } } },
);
const client = generateClient();

// Amplify reports start_ack on its Hub channel 'api'. Updates published before it are not delivered.
const live = new Promise<void>((resolve) => {
  const stopListening = Hub.listen('api', ({ payload }) => {
    if (payload.event === 'Subscription ack') {
      stopListening();
      resolve();
    }
  });
});
const updates: JobUpdate[] = [];
let failure: unknown;
const subscription = client
  .graphql<GraphQLSubscription<{ onJobsUpdated: JobUpdate | null }>>({ query: 'subscription { onJobsUpdated { id owner kind status updatedAt } }' })
  .subscribe({
    next: ({ data }) => void (data.onJobsUpdated && updates.push(data.onJobsUpdated)),
    error: (error: unknown) => void (failure = error),
  });
await live;

const { data } = await client.graphql<GraphQLQuery<{ maskText: { id: string; status: string; maskedText: string | null; findingCount: number | null } }>>({
  query: 'mutation ($input: MaskTextInput!) { maskText(input: $input) { id status maskedText findingCount } }',
  variables: { input: { text: 'Pt Marla Quenby, seen 03/14/2023. Call 617-555-0143.' } },
});
const job = data.maskText;

// The job's RUNNING and SUCCEEDED updates may arrive just before or just after the mutation's response.
while (!failure && !updates.some((u) => u.id === job.id && u.status === 'SUCCEEDED')) await new Promise((r) => setTimeout(r, 20));
subscription.unsubscribe();
if (failure) throw failure;

console.log(JSON.stringify({ job, updates: updates.filter((u) => u.id === job.id).map((u) => u.status) }));
process.exit(0); // Amplify keeps timers running for about 15 s after the last unsubscribe; a script need not wait
