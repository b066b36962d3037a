// Apollo Client 4 with aws-appsync-auth-link 4 and aws-appsync-subscription-link 4, in Node 20+.
import { createRequire } from 'node:module';
import { ApolloClient, ApolloLink, gql, InMemoryCache } from '@apollo/client';
import { BaseHttpLink } from '@apollo/client/link/http';
import { tap } from 'rxjs';
import { WebSocket } from 'ws';

// Node only (see "Node" below). In a bundled browser app, `import { createAuthLink } from 'aws-appsync-auth-link'`.
const require = createRequire(import.meta.url);
const { createAuthLink } = require('aws-appsync-auth-link') as typeof import('aws-appsync-auth-link');
const { createSubscriptionHandshakeLink } = require('aws-appsync-subscription-link') as typeof import('aws-appsync-subscription-link');
if (!('WebSocket' in globalThis)) Object.assign(globalThis, { WebSocket }); // Node 20 has none; browsers and Node 22+ do

const url = process.env.HDM_URL ?? 'http://127.0.0.1:4000/graphql';
const region = process.env.HDM_REGION ?? 'us-east-1';
const auth = {
  type: 'AWS_IAM',
  credentials: { accessKeyId: process.env.HDM_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.HDM_SECRET_ACCESS_KEY ?? '' },
} as const;

// start_ack reaches the links as a result without data, which client.subscribe drops: this link calls the
// operation's `onLive` for it. The subscription link sends it only when the context asks for controlMessages.
const liveLink = new ApolloLink((operation, forward) =>
  forward(operation).pipe(tap((result) => void (result.extensions?.controlMsgType === 'CONNECTED' && operation.getContext().onLive?.()))),
);

// The links are built on the CommonJS copy of Apollo: it composes with the ESM one by shape, but the types differ.
type CommonJsLink = Parameters<typeof createSubscriptionHandshakeLink>[1];
const authLink = createAuthLink({ url, region, auth }) as unknown as ApolloLink;
// Always pass the second argument: the default is Apollo 4's HttpLink, which breaks the signature.
const httpLink = new BaseHttpLink({ uri: url }) as unknown as CommonJsLink;
const subscriptionLink = createSubscriptionHandshakeLink({ url, region, auth }, httpLink) as unknown as ApolloLink;

const client = new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.from([authLink, liveLink, subscriptionLink]) });

// Subscribe first and mask once the subscription is live: updates published before it are not delivered.
interface JobUpdate { id: string; status: string }
const updates: JobUpdate[] = [];
let failure: unknown;
let onLive = () => {};
const live = new Promise<void>((resolve) => (onLive = resolve));
const subscription = client
  .subscribe<{ onJobsUpdated: JobUpdate | null }>({
    query: gql`subscription { onJobsUpdated { id owner kind status updatedAt } }`,
    context: { controlMessages: { '@@controlEvents': true }, onLive },
  })
  .subscribe({
    next: ({ data, error }) => void (data?.onJobsUpdated ? updates.push(data.onJobsUpdated) : (failure = error)),
    error: (error: unknown) => void ((failure = error), onLive()),
  });
await live;

const { data } = await client.mutate<{ maskText: { id: string; status: string; maskedText: string | null; findingCount: number | null } }>({
  mutation: gql`mutation ($input: MaskTextInput!) { maskText(input: $input) { id status maskedText findingCount } }`,
  variables: { input: { text: 'Pt Marla Quenby, seen 03/14/2023. Call 617-555-0143.' } },
});
const job = data!.maskText;

// The job's RUNNING and SUCCEEDED updates may arrive just before or just after the mutation's response.
while (!failure && !updates.some((u) => u.id === job.id && u.status === 'SUCCEEDED')) await new Promise((r) => setTimeout(r, 20));
subscription.unsubscribe();
client.stop();
if (failure) throw failure;

console.log(JSON.stringify({ job, updates: updates.filter((u) => u.id === job.id).map((u) => u.status) }));
process.exit(0); // the subscription link never clears its 15 s connection_init timer; a script need not wait
