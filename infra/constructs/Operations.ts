import { ArnFormat, Aspects, Duration, Stack } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct, type IConstruct } from 'constructs';
import { POWERTOOLS_NAMES } from '../../src/adapters/aws/powertoolsNames.ts';
import { HandlerFunction } from './HandlerFunction.ts';
import type { JobQueue } from './JobQueue.ts';

export interface OperationsProps {
  /** The stack's customer-managed key: it encrypts the alarm topic, and CloudWatch is let use it to publish there. */
  key: IKey;
  api: GraphqlApi;
  /**
   * The function behind the API's resolvers. Its Errors metric also counts client mistakes (a Direct Lambda
   * resolver reports INVALID_INPUT and the like by throwing), so it alarms at `apiErrorThreshold`, not at one.
   */
  apiFunction: IFunction;
  /** The functions to watch; default every HandlerFunction in the stack at the time Operations is created. */
  functions?: readonly HandlerFunction[];
  jobQueue: JobQueue;
  table: ITable;
  /** Context `alarmEmail`: an address subscribed to the topic (it must confirm the subscription); none when unset. */
  alarmEmail?: unknown;
  /** Errors of the API function in 5 minutes that raise its alarm (default 10). */
  apiErrorThreshold?: number;
  /** FAILED jobs in 5 minutes that raise the alarm (default 5: a bad image fails its job too, as data). */
  failedJobsThreshold?: number;
}

const PERIOD = Duration.minutes(5);

/**
 * Who hears about trouble: one SNS topic (the stack's key, TLS only) as the action of every alarm in the stack,
 * the queue's as well as any added later by other constructs (an aspect adds it at synth), alarms on each
 * function's errors and throttles, AppSync 5XX, DynamoDB throttling and failed jobs, and a dashboard of them.
 */
export class Operations extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  /** The alarms this construct made (the queue's are in JobQueue). */
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;
  private readonly notified = new WeakSet<Alarm>();

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: 'health-data-masking alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    this.allowCloudWatch(props.key);
    const email = alarmEmailOf(props.alarmEmail);
    if (email) this.topic.addSubscription(new EmailSubscription(email));
    this.action = new SnsAction(this.topic);

    const functions =
      props.functions ?? stack.node.findAll().filter((c): c is HandlerFunction => c instanceof HandlerFunction);
    for (const handler of functions) {
      const fn = handler.function;
      const name = handler.node.id;
      const isApi = fn === props.apiFunction;
      this.alarm(
        `${name}Errors`,
        fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
        isApi ? (props.apiErrorThreshold ?? 10) : 1,
        isApi ? `${name}: many invocations failed (client input errors count too)` : `${name}: an invocation failed`,
      );
      this.alarm(
        `${name}Throttles`,
        fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
        1,
        `${name}: Lambda throttled invocations`,
      );
    }
    const server5xx = new Metric({
      namespace: 'AWS/AppSync',
      metricName: '5XXError',
      dimensionsMap: { GraphQLAPIId: props.api.apiId },
      statistic: 'Sum',
      period: PERIOD,
    });
    this.alarm('Api5xx', server5xx, 1, 'AppSync answered with server errors (5XX)');
    const throttles = new MathExpression({
      expression: 'FILL(r, 0) + FILL(w, 0)',
      usingMetrics: {
        r: props.table.metric('ReadThrottleEvents', { statistic: 'Sum', period: PERIOD }),
        w: props.table.metric('WriteThrottleEvents', { statistic: 'Sum', period: PERIOD }),
      },
      label: 'throttle events',
      period: PERIOD,
    });
    this.alarm('TableThrottles', throttles, 1, 'DynamoDB throttled reads or writes of the job table');
    const failed = (kind: string) =>
      new Metric({
        namespace: POWERTOOLS_NAMES.namespace,
        metricName: POWERTOOLS_NAMES.jobsMetric,
        dimensionsMap: { service: POWERTOOLS_NAMES.service, kind, status: 'FAILED' },
        statistic: 'Sum',
        period: PERIOD,
      });
    const failedJobs = new MathExpression({
      expression: 'FILL(t, 0) + FILL(i, 0)',
      usingMetrics: { t: failed('TEXT'), i: failed('IMAGE') },
      label: 'failed jobs',
      period: PERIOD,
    });
    this.alarm('FailedJobs', failedJobs, props.failedJobsThreshold ?? 5, 'Jobs ended FAILED');

    for (const alarm of props.jobQueue.alarms) this.notify(alarm);
    // Alarms other constructs add, before or after this one: each gets the topic too, once.
    Aspects.of(stack).add({
      visit: (node: IConstruct) => {
        if (node instanceof Alarm) this.notify(node);
      },
    });

    this.dashboard = this.buildDashboard(functions, props, server5xx, throttles, failedJobs);
  }

  /** Adds the topic as the alarm's action (once per alarm). */
  notify(alarm: Alarm): void {
    if (this.notified.has(alarm)) return;
    this.notified.add(alarm);
    alarm.addAlarmAction(this.action);
  }

  private alarm(id: string, metric: IMetric, threshold: number, description: string): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      alarmDescription: description,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data is no trouble: a quiet API has no errors to count.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarms.push(alarm);
    this.notify(alarm);
    return alarm;
  }

  /**
   * CloudWatch publishes alarm notifications as its service principal: the topic's policy (which enforceSSL
   * makes explicit, replacing SNS's default) and the key's policy must both let it, or the alarms deploy and
   * notify no one. Only for alarms of this account and region.
   */
  private allowCloudWatch(key: IKey): void {
    const stack = Stack.of(this);
    const conditions = {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: {
        'aws:SourceArn': stack.formatArn({
          service: 'cloudwatch',
          resource: 'alarm',
          resourceName: '*',
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      },
    };
    const principal = new ServicePrincipal('cloudwatch.amazonaws.com');
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [principal],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions,
      }),
    );
    // In a key policy "*" is the key itself. Named actions: SNS asks KMS for a data key and decrypts it.
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [principal],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions,
      }),
    );
  }

  private buildDashboard(
    functions: readonly HandlerFunction[],
    props: OperationsProps,
    server5xx: IMetric,
    throttles: IMetric,
    failedJobs: IMetric,
  ): Dashboard {
    const dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(3) });
    const perFunction = (metric: (fn: IFunction) => IMetric) => functions.map((handler) => metric(handler.function));
    const { queue, deadLetterQueue } = props.jobQueue;
    const byDimension = (metricName: string, dimension: string, label: string) =>
      new MathExpression({
        // SEARCH finds every value of the dimension (dashboards may search; alarms may not).
        expression: `SEARCH('{${POWERTOOLS_NAMES.namespace},service,${dimension}} MetricName="${metricName}" service="${POWERTOOLS_NAMES.service}"', 'Sum', 300)`,
        label,
        period: PERIOD,
      });
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Jobs by kind and status',
        left: [
          new MathExpression({
            expression: `SEARCH('{${POWERTOOLS_NAMES.namespace},service,kind,status} MetricName="${POWERTOOLS_NAMES.jobsMetric}"', 'Sum', 300)`,
            label: 'jobs',
            period: PERIOD,
          }),
        ],
        width: 8,
      }),
      new GraphWidget({
        title: 'Findings by type',
        left: [byDimension(POWERTOOLS_NAMES.findingsMetric, 'type', 'findings')],
        width: 8,
      }),
      new GraphWidget({ title: 'Failed jobs', left: [failedJobs], width: 8 }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Lambda errors',
        left: perFunction((fn) => fn.metricErrors({ period: PERIOD, statistic: 'Sum' })),
        width: 6,
      }),
      new GraphWidget({
        title: 'Lambda throttles',
        left: perFunction((fn) => fn.metricThrottles({ period: PERIOD, statistic: 'Sum' })),
        width: 6,
      }),
      new GraphWidget({
        title: 'Lambda duration p90',
        left: perFunction((fn) => fn.metricDuration({ period: PERIOD, statistic: 'p90' })),
        width: 6,
      }),
      new GraphWidget({
        title: 'Lambda invocations',
        left: perFunction((fn) => fn.metricInvocations({ period: PERIOD, statistic: 'Sum' })),
        width: 6,
      }),
    );
    const appsync = (metricName: string, statistic: string) =>
      new Metric({
        namespace: 'AWS/AppSync',
        metricName,
        dimensionsMap: { GraphQLAPIId: props.api.apiId },
        statistic,
        period: PERIOD,
      });
    dashboard.addWidgets(
      new GraphWidget({ title: 'AppSync errors', left: [server5xx, appsync('4XXError', 'Sum')], width: 8 }),
      new GraphWidget({ title: 'AppSync latency p90 (ms)', left: [appsync('Latency', 'p90')], width: 8 }),
      new GraphWidget({ title: 'DynamoDB throttle events', left: [throttles], width: 8 }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Image queue depth',
        left: [
          queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
          deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            period: Duration.minutes(1),
            label: 'dead letters',
          }),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'Oldest queued image job (s)',
        left: [queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1) })],
        width: 12,
      }),
    );
    return dashboard;
  }
}

/** The context value, checked: an address, or nothing. */
function alarmEmailOf(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.trim())) return value.trim();
  throw new Error('invalid CDK context: alarmEmail must be an e-mail address');
}
