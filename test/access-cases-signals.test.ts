/**
 * The access check's other integrations, cdk-nag style: a passing plan and numbered failing plans
 * for Lambda functions, EventBridge targets, alarm actions, flow logs into encrypted log groups,
 * RDS enhanced monitoring and managed master secrets, and S3 and ALB access logs.
 */
import { ELB_LOG_DELIVERY_ACCOUNTS } from "../src/aws/elb";
import { A, allow, arn, checkIntegrations, doc, grant, key, KEY_ROOT, keyArn, logArn, plan, R, res, role, roleArn, via, type Doc, type Integration, type Parts } from "./support/access";

type Grants<K extends string> = Partial<Record<K, Doc | undefined>>;
const defined = (grants: Readonly<Record<string, Doc | undefined>>) => Object.values(grants).filter((g): g is Doc => g !== undefined);
const LAMBDA = "lambda.amazonaws.com";
const EVENTS = "events.amazonaws.com";

// --- Lambda: the deploy function releasing another function ---
const DEPLOYER = roleArn("deployer");
const APP = arn("lambda", "function:app");
const REPO = arn("ecr", "repository/deploy");
const HISTORY = arn("dynamodb", "table/history");
const FN_LOG = `${logArn("/aws/lambda/deploy")}:log-stream:2026/01/01/[$LATEST]abc`;
const PULL = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];

const FN_GRANTS = {
    logs: allow("Logs", ["logs:CreateLogStream", "logs:PutLogEvents"], `${logArn("/aws/lambda/deploy")}:*`),
    release: allow("Release", ["lambda:GetFunctionConfiguration", "lambda:UpdateFunctionCode", "lambda:PublishVersion", "lambda:GetFunction", "lambda:GetAlias", "lambda:CreateAlias", "lambda:UpdateAlias"], [APP, `${APP}:*`]),
    releaseKey: allow("ReleaseKey", "kms:Decrypt", keyArn("k"), via("lambda")),
    history: allow("History", ["dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"], HISTORY),
    historyKey: allow("HistoryKey", ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], keyArn("k"), via("dynamodb")),
    results: allow("JobResults", ["codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult"], "*"),
};
const pullPolicy = (sourceArn: string) =>
    res("aws:ecr/repositoryPolicy:RepositoryPolicy", "deploy-policy", { repository: "deploy", policy: doc(grant("LambdaPull", { Service: LAMBDA }, PULL, "*", { StringLike: { "aws:sourceArn": sourceArn } })) });

function lambda(over: { grants?: Grants<keyof typeof FN_GRANTS>; parts?: Parts } = {}) {
    return plan({
        key: key("k", KEY_ROOT),
        repo: res("aws:ecr/repository:Repository", "deploy", { name: "deploy" }),
        pull: pullPolicy(arn("lambda", "function:*")),
        logs: res("aws:cloudwatch/logGroup:LogGroup", "deploy-logs", { name: "/aws/lambda/deploy" }),
        history: res("aws:dynamodb/table:Table", "history", { name: "history", serverSideEncryption: { enabled: true, kmsKeyArn: keyArn("k") } }),
        app: res("aws:lambda/function:Function", "app", { name: "app", kmsKeyArn: keyArn("k") }),
        role: role("deployer", LAMBDA, defined({ ...FN_GRANTS, ...over.grants })),
        fn: res("aws:lambda/function:Function", "deploy", { name: "deploy", role: DEPLOYER, packageType: "Image", imageUri: `${A}.dkr.ecr.${R}.amazonaws.com/deploy:1`, environment: { variables: { TARGET_FUNCTION_NAME: "app", DEPLOYMENT_TABLE_NAME: "history" } } }),
        pipeline: res("aws:codepipeline/pipeline:Pipeline", "p", { name: "p", stages: [{ name: "Release", actions: [{ provider: "Lambda", configuration: { FunctionName: "deploy" } }] }] }),
        ...over.parts,
    });
}

const lambdaCases: Integration = {
    name: "Lambda function (function role, image pull, releasing another function)",
    pass: lambda(),
    rows: ["lambda.assume-role", "lambda.logs", "lambda.ecr-pull", "lambda.deploy.release", "lambda.target-key", "lambda.deploy.history", "dynamodb.key", "lambda.deploy.job-result"],
    fails: [
        { why: "no log grant", plan: lambda({ grants: { logs: undefined } }), denied: ["logs:CreateLogStream", "logs:PutLogEvents"].map((a) => ["lambda.logs", DEPLOYER, a, FN_LOG, "deployer"] as const) },
        { why: "the image's repository has no policy for Lambda", plan: lambda({ parts: { pull: undefined } }), denied: PULL.map((a) => ["lambda.ecr-pull", LAMBDA, a, REPO, "deploy"] as const) },
        { why: "the repository policy's aws:sourceArn names another function", plan: lambda({ parts: { pull: pullPolicy(arn("lambda", "function:other")) } }), denied: PULL.map((a) => ["lambda.ecr-pull", LAMBDA, a, REPO, "deploy-policy"] as const) },
        {
            why: "the release grant names the function but not its alias",
            plan: lambda({ grants: { release: { ...FN_GRANTS.release, Resource: APP } } }),
            denied: ["lambda:GetAlias", "lambda:CreateAlias", "lambda:UpdateAlias"].map((a) => ["lambda.deploy.release", DEPLOYER, a, `${APP}:live`, "deployer"] as const),
        },
        { why: "the target function's customer key is not granted", plan: lambda({ grants: { releaseKey: undefined } }), denied: [["lambda.target-key", DEPLOYER, "kms:Decrypt", keyArn("k"), "deployer"]] },
        { why: "the history table's grant lacks UpdateItem", plan: lambda({ grants: { history: { ...FN_GRANTS.history, Action: ["dynamodb:Query", "dynamodb:PutItem"] } } }), denied: [["lambda.deploy.history", DEPLOYER, "dynamodb:UpdateItem", HISTORY, "deployer"]] },
        {
            why: "the table's key is granted through Lambda, not DynamoDB",
            plan: lambda({ grants: { historyKey: { ...FN_GRANTS.historyKey, Condition: via("lambda") } } }),
            denied: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"].map((a) => ["dynamodb.key", DEPLOYER, a, keyArn("k"), "deployer"] as const),
        },
        { why: "no job results for the pipeline that invokes it", plan: lambda({ grants: { results: undefined } }), denied: ["codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult"].map((a) => ["lambda.deploy.job-result", DEPLOYER, a, "*", "deployer"] as const) },
        { why: "the function role trusts EventBridge", plan: lambda({ parts: { role: role("deployer", EVENTS, defined(FN_GRANTS)) } }), denied: [["lambda.assume-role", LAMBDA, "sts:AssumeRole", DEPLOYER, "deployer"]] },
    ],
};

// --- EventBridge: a rule's targets ---
const RULE = arn("events", "rule/rule");
const ALERTS = arn("sns", "alerts");
const AUDIT_LOG = `${logArn("/aws/events/audit")}:log-stream:event-stream`;
const PIPELINE = arn("codepipeline", "p");
const STARTER = roleArn("starter");
const eventsKey = (condition?: Doc) => key("k", KEY_ROOT, grant("Events", { Service: EVENTS }, ["kms:GenerateDataKey*", "kms:Decrypt"], "*", condition));
const alertsPolicy = (sourceArn: string) => res("aws:sns/topicPolicy:TopicPolicy", "alerts-policy", { arn: ALERTS, policy: doc(grant("Events", { Service: EVENTS }, "sns:Publish", ALERTS, { ArnEquals: { "aws:SourceArn": sourceArn } })) });
const logPolicy = (resource: string) => res("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "events-logs", { policyName: "events", policyDocument: doc(grant("Events", { Service: [EVENTS, "delivery.logs.amazonaws.com"] }, ["logs:CreateLogStream", "logs:PutLogEvents"], resource)) });

function events(parts: Parts = {}) {
    const target = (name: string, inputs: Record<string, unknown>) => res("aws:cloudwatch/eventTarget:EventTarget", name, { rule: "rule", ...inputs });
    return plan({
        key: eventsKey(),
        topic: res("aws:sns/topic:Topic", "alerts", { name: "alerts", kmsMasterKeyId: keyArn("k") }),
        topicPolicy: alertsPolicy(RULE),
        group: res("aws:cloudwatch/logGroup:LogGroup", "audit", { name: "/aws/events/audit" }),
        logPolicy: logPolicy(`${logArn("/aws/events/*")}:*`),
        pipeline: res("aws:codepipeline/pipeline:Pipeline", "p", { name: "p", stages: [] }),
        role: role("starter", EVENTS, [allow("Start", "codepipeline:StartPipelineExecution", PIPELINE)]),
        rule: res("aws:cloudwatch/eventRule:EventRule", "rule", { name: "rule" }),
        toTopic: target("to-topic", { arn: ALERTS }),
        toLogs: target("to-logs", { arn: logArn("/aws/events/audit") }),
        toPipeline: target("to-pipeline", { arn: PIPELINE, roleArn: STARTER }),
        ...parts,
    });
}

const eventBridge: Integration = {
    name: "EventBridge targets (SNS topic and its key, log group, pipeline through a role)",
    pass: events(),
    rows: ["events.sns", "events.sns-key", "events.logs", "events.assume-role", "events.pipeline"],
    fails: [
        { why: "the topic has no policy for EventBridge", plan: events({ topicPolicy: undefined }), denied: [["events.sns", EVENTS, "sns:Publish", ALERTS, "alerts"]] },
        { why: "the topic policy's aws:SourceArn names another rule", plan: events({ topicPolicy: alertsPolicy(arn("events", "rule/other")) }), denied: [["events.sns", EVENTS, "sns:Publish", ALERTS, "alerts-policy"]] },
        {
            why: "the key statement for EventBridge is conditioned on aws:SourceAccount, which EventBridge does not send to KMS",
            plan: events({ key: eventsKey({ StringEquals: { "aws:SourceAccount": A } }) }),
            denied: ["kms:GenerateDataKey", "kms:Decrypt"].map((a) => ["events.sns-key", EVENTS, a, keyArn("k"), "k"] as const),
        },
        { why: "the key policy does not name EventBridge", plan: events({ key: key("k", KEY_ROOT) }), denied: ["kms:GenerateDataKey", "kms:Decrypt"].map((a) => ["events.sns-key", EVENTS, a, keyArn("k"), "k"] as const) },
        { why: "no CloudWatch Logs resource policy for EventBridge", plan: events({ logPolicy: undefined }), denied: ["logs:CreateLogStream", "logs:PutLogEvents"].map((a) => ["events.logs", EVENTS, a, AUDIT_LOG, "to-logs"] as const) },
        { why: "the logs resource policy names other groups", plan: events({ logPolicy: logPolicy(`${logArn("/aws/other/*")}:*`) }), denied: ["logs:CreateLogStream", "logs:PutLogEvents"].map((a) => ["events.logs", EVENTS, a, AUDIT_LOG, "events-logs"] as const) },
        { why: "the target role trusts CodePipeline", plan: events({ role: role("starter", "codepipeline.amazonaws.com", [allow("Start", "codepipeline:StartPipelineExecution", PIPELINE)]) }), denied: [["events.assume-role", EVENTS, "sts:AssumeRole", STARTER, "starter"]] },
        { why: "the target role starts another pipeline", plan: events({ role: role("starter", EVENTS, [allow("Start", "codepipeline:StartPipelineExecution", arn("codepipeline", "other"))]) }), denied: [["events.pipeline", STARTER, "codepipeline:StartPipelineExecution", PIPELINE, "starter"]] },
    ],
};

// --- CloudWatch alarm actions ---
const CW = "cloudwatch.amazonaws.com";
const OPS = arn("sns", "ops");
const alarmKey = (condition?: Doc) => key("k", KEY_ROOT, grant("Alarms", { Service: CW }, ["kms:GenerateDataKey*", "kms:Decrypt"], "*", condition));
const opsPolicy = (sourceArn: string) => res("aws:sns/topicPolicy:TopicPolicy", "ops-policy", { arn: OPS, policy: doc(grant("Alarms", { Service: CW }, "sns:Publish", OPS, { ArnLike: { "aws:SourceArn": sourceArn } })) });
const alarms = (parts: Parts = {}) =>
    plan({
        key: alarmKey({ StringEquals: { "aws:SourceAccount": A } }),
        topic: res("aws:sns/topic:Topic", "ops", { name: "ops", kmsMasterKeyId: keyArn("k") }),
        policy: opsPolicy(arn("cloudwatch", "alarm:*")),
        alarm: res("aws:cloudwatch/metricAlarm:MetricAlarm", "cpu", { name: "cpu", alarmActions: [OPS], okActions: [OPS] }),
        ...parts,
    });

const alarmCases: Integration = {
    name: "CloudWatch alarm actions (SNS topic and its key)",
    pass: alarms(),
    rows: ["alarms.sns", "alarms.sns-key"],
    fails: [
        { why: "the topic has no policy for CloudWatch", plan: alarms({ policy: undefined }), denied: [["alarms.sns", CW, "sns:Publish", OPS, "ops"]] },
        { why: "the topic policy's aws:SourceArn names other alarms", plan: alarms({ policy: opsPolicy(arn("cloudwatch", "alarm:db-*")) }), denied: [["alarms.sns", CW, "sns:Publish", OPS, "ops-policy"]] },
        { why: "the key policy does not name CloudWatch", plan: alarms({ key: key("k", KEY_ROOT) }), denied: ["kms:GenerateDataKey", "kms:Decrypt"].map((a) => ["alarms.sns-key", CW, a, keyArn("k"), "k"] as const) },
        { why: "the key statement names another account in aws:SourceAccount", plan: alarms({ key: alarmKey({ StringEquals: { "aws:SourceAccount": "210987654321" } }) }), denied: ["kms:GenerateDataKey", "kms:Decrypt"].map((a) => ["alarms.sns-key", CW, a, keyArn("k"), "k"] as const) },
    ],
};

// --- VPC flow logs into a log group encrypted with a customer key ---
const FLOW = roleArn("flow");
const FLOW_GROUP = logArn("/vpc/flow");
const FLOW_STREAM = `${FLOW_GROUP}:log-stream:eni-1-all`;
const LOGS = `logs.${R}.amazonaws.com`;
const FLOW_GRANTS = {
    write: allow("Write", ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], [FLOW_GROUP, `${FLOW_GROUP}:*`]),
    describe: allow("Describe", "logs:DescribeLogGroups", "*"),
};
const logsKey = (groups: string) => key("k", KEY_ROOT, grant("Logs", { Service: LOGS }, ["kms:GenerateDataKey*", "kms:Decrypt"], "*", { ArnLike: { "kms:EncryptionContext:aws:logs:arn": groups } }));

function flowLogs(over: { grants?: Grants<keyof typeof FLOW_GRANTS>; parts?: Parts } = {}) {
    return plan({
        key: logsKey(logArn("/vpc/*")),
        group: res("aws:cloudwatch/logGroup:LogGroup", "flow-logs", { name: "/vpc/flow", kmsKeyId: keyArn("k") }),
        role: role("flow", "vpc-flow-logs.amazonaws.com", defined({ ...FLOW_GRANTS, ...over.grants })),
        flow: res("aws:ec2/flowLog:FlowLog", "flow", { iamRoleArn: FLOW, logDestination: FLOW_GROUP, logDestinationType: "cloud-watch-logs", trafficType: "ALL", vpcId: "vpc-1" }),
        ...over.parts,
    });
}

const flowCases: Integration = {
    name: "VPC flow logs (trust and log group) into a log group encrypted with a key",
    pass: flowLogs(),
    rows: ["flowlogs.assume-role", "flowlogs.write", "logs.key"],
    fails: [
        { why: "the flow-log role trusts EC2", plan: flowLogs({ parts: { role: role("flow", "ec2.amazonaws.com", defined(FLOW_GRANTS)) } }), denied: [["flowlogs.assume-role", "vpc-flow-logs.amazonaws.com", "sts:AssumeRole", FLOW, "flow"]] },
        {
            why: "the write grant names the group but not its streams",
            plan: flowLogs({ grants: { write: { ...FLOW_GRANTS.write, Resource: FLOW_GROUP } } }),
            denied: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"].map((a) => ["flowlogs.write", FLOW, a, FLOW_STREAM, "flow"] as const),
        },
        { why: "no logs:DescribeLogGroups", plan: flowLogs({ grants: { describe: undefined } }), denied: [["flowlogs.write", FLOW, "logs:DescribeLogGroups", "*", "flow"]] },
        { why: "the group's key does not let CloudWatch Logs use it", plan: flowLogs({ parts: { key: key("k", KEY_ROOT) } }), denied: ["kms:GenerateDataKey", "kms:Decrypt"].map((a) => ["logs.key", LOGS, a, keyArn("k"), "k"] as const) },
        { why: "the key's encryption-context condition names other log groups", plan: flowLogs({ parts: { key: logsKey(logArn("/ecs/*")) } }), denied: ["kms:GenerateDataKey", "kms:Decrypt"].map((a) => ["logs.key", LOGS, a, keyArn("k"), "k"] as const) },
    ],
};

// --- RDS: enhanced monitoring, and the master secret RDS manages read by a task ---
const MONITOR = roleArn("monitoring");
const OS_METRICS = logArn("RDSOSMetrics");
const MASTER = arn("secretsmanager", "secret:rds!db-db-AbCdEf");
const MIGRATE = roleArn("migrate");
const MONITOR_GRANTS = {
    group: allow("Group", ["logs:CreateLogGroup", "logs:PutRetentionPolicy"], OS_METRICS),
    streams: allow("Streams", ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:GetLogEvents"], `${OS_METRICS}:log-stream:*`),
};
const MIGRATE_GRANTS = { secret: allow("Master", "secretsmanager:GetSecretValue", MASTER), secretKey: allow("MasterKey", "kms:Decrypt", keyArn("k"), via("secretsmanager")) };

function rds(over: { monitor?: Grants<keyof typeof MONITOR_GRANTS>; migrate?: Grants<keyof typeof MIGRATE_GRANTS>; parts?: Parts } = {}) {
    const containers = [{ name: "migrate", secrets: [{ name: "DB", valueFrom: `${MASTER}:password::` }] }];
    return plan({
        key: key("k", KEY_ROOT),
        monitoring: role("monitoring", "monitoring.rds.amazonaws.com", defined({ ...MONITOR_GRANTS, ...over.monitor })),
        db: res("aws:rds/instance:Instance", "db", { identifier: "db", monitoringInterval: 60, monitoringRoleArn: MONITOR, manageMasterUserPassword: true, masterUserSecretKmsKeyId: keyArn("k") }),
        migrate: role("migrate", "ecs-tasks.amazonaws.com", defined({ ...MIGRATE_GRANTS, ...over.migrate })),
        td: res("aws:ecs/taskDefinition:TaskDefinition", "migrate", { family: "migrate", executionRoleArn: MIGRATE, containerDefinitions: JSON.stringify(containers) }),
        ...over.parts,
    });
}

const rdsCases: Integration = {
    name: "RDS enhanced monitoring and RDS-managed master secrets",
    pass: rds(),
    rows: ["rds.monitoring-assume-role", "rds.monitoring-group", "rds.monitoring-stream", "ecs.secret", "secretsmanager.key"],
    fails: [
        { why: "the monitoring role trusts RDS itself (rds.amazonaws.com)", plan: rds({ parts: { monitoring: role("monitoring", "rds.amazonaws.com", defined(MONITOR_GRANTS)) } }), denied: [["rds.monitoring-assume-role", "monitoring.rds.amazonaws.com", "sts:AssumeRole", MONITOR, "monitoring"]] },
        { why: "no logs:PutRetentionPolicy on RDSOSMetrics", plan: rds({ monitor: { group: { ...MONITOR_GRANTS.group, Action: "logs:CreateLogGroup" } } }), denied: [["rds.monitoring-group", MONITOR, "logs:PutRetentionPolicy", OS_METRICS, "monitoring"]] },
        {
            why: "no grant on RDSOSMetrics' streams",
            plan: rds({ monitor: { streams: undefined } }),
            denied: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:GetLogEvents"].map((a) => ["rds.monitoring-stream", MONITOR, a, `${OS_METRICS}:log-stream:db-instance`, "monitoring"] as const),
        },
        { why: "the master secret is not granted to the role that injects it", plan: rds({ migrate: { secret: undefined } }), denied: [["ecs.secret", MIGRATE, "secretsmanager:GetSecretValue", MASTER, "migrate"]] },
        { why: "the instance's secret key does not delegate to the account", plan: rds({ parts: { key: key("k", grant("Rds", { Service: "rds.amazonaws.com" }, "kms:*", "*")) } }), denied: [["secretsmanager.key", MIGRATE, "kms:Decrypt", keyArn("k"), "k"]] },
    ],
};

// --- S3 server access logs and ALB access logs into a log bucket ---
const LOG_BUCKET = "arn:aws:s3:::logs-bucket";
const S3_LOGGER = "logging.s3.amazonaws.com";
const ELB_ACCOUNT = `arn:aws:iam::${ELB_LOG_DELIVERY_ACCOUNTS[R]}:root`;
const S3_OBJECT = `${LOG_BUCKET}/data/2026-01-01-00-00-00-ABC`;
const ALB_OBJECT = `${LOG_BUCKET}/alb/AWSLogs/${A}/elasticloadbalancing/${R}/2026/01/01/log.gz`;
const s3Logs = (source: string) => grant("S3Logs", { Service: S3_LOGGER }, "s3:PutObject", `${LOG_BUCKET}/data/*`, { ArnLike: { "aws:SourceArn": source }, StringEquals: { "aws:SourceAccount": A } });
const albLogs = (principal: string, prefix = `alb/AWSLogs/${A}/*`) => grant("AlbLogs", { AWS: principal }, "s3:PutObject", `${LOG_BUCKET}/${prefix}`);

function accessLogs(statements: { s3?: Doc; alb?: Doc } = {}) {
    const st = { s3: s3Logs("arn:aws:s3:::data-bucket"), alb: albLogs(ELB_ACCOUNT), ...statements };
    return plan({
        bucket: res("aws:s3/bucket:Bucket", "logs", { bucket: "logs-bucket" }),
        policy: res("aws:s3/bucketPolicy:BucketPolicy", "logs-policy", { bucket: "logs-bucket", policy: doc(st.s3, st.alb) }),
        logging: res("aws:s3/bucketLogging:BucketLogging", "data-logging", { bucket: "data-bucket", targetBucket: "logs-bucket", targetPrefix: "data/" }),
        lb: res("aws:lb/loadBalancer:LoadBalancer", "lb", { name: "lb", accessLogs: { enabled: true, bucket: "logs-bucket", prefix: "alb" } }),
    });
}

const accessLogCases: Integration = {
    name: "S3 server access logs and ALB access logs into their bucket",
    pass: accessLogs(),
    rows: ["s3.server-access-logs", "elb.access-logs"],
    fails: [
        { why: "the log bucket's policy does not name S3's logging service", plan: accessLogs({ s3: albLogs(ELB_ACCOUNT, "other/*") }), denied: [["s3.server-access-logs", S3_LOGGER, "s3:PutObject", S3_OBJECT, "logs-policy"]] },
        { why: "the logging statement's aws:SourceArn names another source bucket", plan: accessLogs({ s3: s3Logs("arn:aws:s3:::other-bucket") }), denied: [["s3.server-access-logs", S3_LOGGER, "s3:PutObject", S3_OBJECT, "logs-policy"]] },
        { why: "the ALB statement names another region's load-balancing account", plan: accessLogs({ alb: albLogs(`arn:aws:iam::${ELB_LOG_DELIVERY_ACCOUNTS["us-west-2"]}:root`) }), denied: [["elb.access-logs", ELB_ACCOUNT, "s3:PutObject", ALB_OBJECT, "logs-policy"]] },
        { why: "the ALB statement's prefix misses AWSLogs/<account>", plan: accessLogs({ alb: albLogs(ELB_ACCOUNT, "alb/*/other/*") }), denied: [["elb.access-logs", ELB_ACCOUNT, "s3:PutObject", ALB_OBJECT, "logs-policy"]] },
    ],
};

checkIntegrations([lambdaCases, eventBridge, alarmCases, flowCases, rdsCases, accessLogCases]);
