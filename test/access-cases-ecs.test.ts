/**
 * The access check's ECS integrations, cdk-nag style: a passing plan and numbered failing plans
 * for a task's start (execution role) and its run time (task role), and a task wired unlike the
 * order service (its table known only from a grant, its secret by name under any variable).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { evaluateAccess } from "../src/offline/access";
import { A, allow, arn, checkIntegrations, grant, key, KEY_ROOT, keyArn, logArn, plan, R, res, role, roleArn, via, type Doc, type Integration, type Parts } from "./support/access";

const ECS = "ecs-tasks.amazonaws.com";
const LOGS_KEY: Doc = grant("Logs", { Service: `logs.${R}.amazonaws.com` }, ["kms:GenerateDataKey*", "kms:Decrypt"], "*", { ArnLike: { "kms:EncryptionContext:aws:logs:arn": logArn("*") } });

// --- a task starting: the execution role pulls the image, reads the secrets, writes the logs ---
const REPO = arn("ecr", "repository/app");
const SECRET = arn("secretsmanager", "secret:db-AbCdEf");
const PARAMETER = arn("ssm", "parameter/app/flag");
const STREAM = `${logArn("/ecs/app")}:log-stream:app/task`;
const EXEC = roleArn("exec");

const EXEC_GRANTS: Readonly<Record<string, Doc>> = {
    auth: allow("EcrAuth", "ecr:GetAuthorizationToken", "*"),
    pull: allow("EcrPull", ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], REPO),
    secret: allow("Secret", "secretsmanager:GetSecretValue", SECRET),
    secretKey: allow("SecretKey", "kms:Decrypt", keyArn("k"), via("secretsmanager")),
    parameter: allow("Parameter", "ssm:GetParameters", PARAMETER),
    logs: allow("Logs", ["logs:CreateLogStream", "logs:PutLogEvents"], `${logArn("/ecs/app")}:*`),
};

function taskStart(over: { grants?: Partial<Record<keyof typeof EXEC_GRANTS, Doc | undefined>>; parts?: Parts } = {}) {
    const grants = { ...EXEC_GRANTS, ...over.grants };
    const containers = [
        {
            name: "app",
            image: `${A}.dkr.ecr.${R}.amazonaws.com/app:1`,
            secrets: [{ name: "DB", valueFrom: SECRET }, { name: "FLAG", valueFrom: "/app/flag" }],
            logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/app", "awslogs-stream-prefix": "app" } },
        },
    ];
    return plan({
        key: key("k", KEY_ROOT, LOGS_KEY),
        // An encrypted repository: ECR decrypts through the grant it made at creation, so a pull needs no key call.
        repo: res("aws:ecr/repository:Repository", "app", { name: "app", encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: keyArn("k") }] }),
        secret: res("aws:secretsmanager/secret:Secret", "db", { name: "db", kmsKeyId: keyArn("k") }),
        logs: res("aws:cloudwatch/logGroup:LogGroup", "app-logs", { name: "/ecs/app", kmsKeyId: keyArn("k") }),
        role: role("exec", ECS, Object.values(grants).filter((g): g is Doc => g !== undefined)),
        td: res("aws:ecs/taskDefinition:TaskDefinition", "td", { family: "app", executionRoleArn: EXEC, containerDefinitions: JSON.stringify(containers) }),
        ...over.parts,
    });
}

const start: Integration = {
    name: "ECS task start (execution role)",
    pass: taskStart(),
    rows: ["ecs.assume-role", "ecs.ecr-login", "ecs.ecr-pull", "ecs.secret", "secretsmanager.key", "ecs.parameter", "ecs.awslogs", "logs.key"],
    fails: [
        { why: "no ecr:GetAuthorizationToken", plan: taskStart({ grants: { auth: undefined } }), denied: [["ecs.ecr-login", EXEC, "ecr:GetAuthorizationToken", "*", "exec"]] },
        {
            why: "the pull grant names another repository",
            plan: taskStart({ grants: { pull: { ...EXEC_GRANTS.pull, Resource: arn("ecr", "repository/other") } } }),
            denied: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"].map((a) => ["ecs.ecr-pull", EXEC, a, REPO, "exec"] as const),
        },
        {
            why: "the repository's policy denies the execution role",
            plan: taskStart({ parts: { policy: res("aws:ecr/repositoryPolicy:RepositoryPolicy", "app-policy", { repository: "app", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "NoPull", Effect: "Deny", Principal: { AWS: EXEC }, Action: "ecr:BatchGetImage", Resource: "*" }] }) }) } }),
            denied: [["ecs.ecr-pull", EXEC, "ecr:BatchGetImage", REPO, "app-policy"]],
        },
        { why: "no secretsmanager:GetSecretValue on the secret", plan: taskStart({ grants: { secret: undefined } }), denied: [["ecs.secret", EXEC, "secretsmanager:GetSecretValue", SECRET, "exec"]] },
        {
            why: "the secret's key is granted through another service (kms:ViaService ssm)",
            plan: taskStart({ grants: { secretKey: { ...EXEC_GRANTS.secretKey, Condition: via("ssm") } } }),
            denied: [["secretsmanager.key", EXEC, "kms:Decrypt", keyArn("k"), "exec"]],
        },
        {
            why: "the key policy does not delegate to the account, so the role's grant of the key counts for nothing",
            plan: taskStart({ parts: { key: key("k", LOGS_KEY) } }),
            denied: [["secretsmanager.key", EXEC, "kms:Decrypt", keyArn("k"), "k"]],
        },
        { why: "no ssm:GetParameters for the parameter", plan: taskStart({ grants: { parameter: undefined } }), denied: [["ecs.parameter", EXEC, "ssm:GetParameters", PARAMETER, "exec"]] },
        {
            why: "the log grant names the group, not its streams",
            plan: taskStart({ grants: { logs: { ...EXEC_GRANTS.logs, Resource: logArn("/ecs/app") } } }),
            denied: [["ecs.awslogs", EXEC, "logs:CreateLogStream", STREAM, "exec"], ["ecs.awslogs", EXEC, "logs:PutLogEvents", STREAM, "exec"]],
        },
        {
            why: "the log group's key does not let CloudWatch Logs use it",
            plan: taskStart({ parts: { key: key("k", KEY_ROOT) } }),
            denied: ["kms:GenerateDataKey", "kms:Decrypt"].map((a) => ["logs.key", `logs.${R}.amazonaws.com`, a, keyArn("k"), "k"] as const),
        },
        { why: "the trust policy names ecs.amazonaws.com, not ecs-tasks", plan: taskStart({ parts: { role: role("exec", "ecs.amazonaws.com", Object.values(EXEC_GRANTS)) } }), denied: [["ecs.assume-role", ECS, "sts:AssumeRole", EXEC, "exec"]] },
        {
            why: "the trust policy's aws:SourceAccount is another account",
            plan: taskStart({ parts: { role: role("exec", ECS, Object.values(EXEC_GRANTS), { StringEquals: { "aws:SourceAccount": "210987654321" } }) } }),
            denied: [["ecs.assume-role", ECS, "sts:AssumeRole", EXEC, "exec"]],
        },
    ],
};

// --- a task running: the task role uses a stream, a table and a secret ---
const TASK = roleArn("task");
const KINESIS = arn("kinesis", "stream/orders");
const TABLE = arn("dynamodb", "table/ledger");
const API = arn("secretsmanager", "secret:api-AbCdEf");

const TASK_GRANTS: Readonly<Record<string, Doc>> = {
    read: allow("StreamRead", ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"], KINESIS),
    write: allow("StreamWrite", ["kinesis:PutRecord", "kinesis:PutRecords"], KINESIS),
    streamKey: allow("StreamKey", ["kms:Decrypt", "kms:GenerateDataKey"], keyArn("k"), via("kinesis")),
    table: allow("Table", ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"], TABLE),
    tableKey: allow("TableKey", ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], keyArn("k"), via("dynamodb")),
    secret: allow("Secret", "secretsmanager:GetSecretValue", API),
    secretKey: allow("SecretKey", "kms:Decrypt", keyArn("k"), via("secretsmanager")),
};

function taskRun(over: { grants?: Partial<Record<keyof typeof TASK_GRANTS, Doc | undefined>>; parts?: Parts; environment?: readonly { name: string; value: string }[] } = {}) {
    const grants = { ...TASK_GRANTS, ...over.grants };
    const environment = over.environment ?? [{ name: "STREAM", value: "orders" }, { name: "API_SECRET", value: API }];
    return plan({
        key: key("k", KEY_ROOT),
        stream: res("aws:kinesis/stream:Stream", "orders", { name: "orders", encryptionType: "KMS", kmsKeyId: keyArn("k") }),
        table: res("aws:dynamodb/table:Table", "ledger", { name: "ledger", serverSideEncryption: { enabled: true, kmsKeyArn: keyArn("k") } }),
        secret: res("aws:secretsmanager/secret:Secret", "api", { name: "api", kmsKeyId: keyArn("k") }),
        role: role("task", ECS, Object.values(grants).filter((g): g is Doc => g !== undefined)),
        td: res("aws:ecs/taskDefinition:TaskDefinition", "td", { family: "app", taskRoleArn: TASK, containerDefinitions: JSON.stringify([{ name: "app", environment }]) }),
        ...over.parts,
    });
}

const run: Integration = {
    name: "ECS task at run time (task role)",
    pass: taskRun(),
    rows: ["ecs.assume-role", "ecs.task.kinesis-read", "ecs.task.kinesis-write", "kinesis.key-read", "kinesis.key-write", "ecs.task.dynamodb-read", "ecs.task.dynamodb-write", "dynamodb.key", "ecs.task.secret", "secretsmanager.key"],
    fails: [
        {
            why: "the stream's read grant lacks kinesis:ListShards",
            plan: taskRun({ grants: { read: { ...TASK_GRANTS.read, Action: ["kinesis:GetRecords", "kinesis:GetShardIterator"] } } }),
            denied: [["ecs.task.kinesis-read", TASK, "kinesis:ListShards", KINESIS, "task"]],
        },
        {
            why: "the stream's key grant has kms:Decrypt only, so the task cannot produce",
            plan: taskRun({ grants: { streamKey: { ...TASK_GRANTS.streamKey, Action: "kms:Decrypt" } } }),
            denied: [["kinesis.key-write", TASK, "kms:GenerateDataKey", keyArn("k"), "task"]],
        },
        {
            why: "the stream's key is granted through DynamoDB, not Kinesis",
            plan: taskRun({ grants: { streamKey: { ...TASK_GRANTS.streamKey, Condition: via("dynamodb") } } }),
            denied: [["kinesis.key-read", TASK, "kms:Decrypt", keyArn("k"), "task"], ["kinesis.key-write", TASK, "kms:GenerateDataKey", keyArn("k"), "task"]],
        },
        {
            why: "the table grant names only its indexes",
            plan: taskRun({ grants: { table: { ...TASK_GRANTS.table, Resource: `${TABLE}/index/*` } } }),
            denied: [
                ...["dynamodb:GetItem", "dynamodb:Query"].map((a) => ["ecs.task.dynamodb-read", TASK, a, TABLE, "task"] as const),
                ...["dynamodb:PutItem", "dynamodb:UpdateItem"].map((a) => ["ecs.task.dynamodb-write", TASK, a, TABLE, "task"] as const),
            ],
        },
        {
            why: "the table is written without its key",
            plan: taskRun({ grants: { tableKey: undefined } }),
            denied: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"].map((a) => ["dynamodb.key", TASK, a, keyArn("k"), "task"] as const),
        },
        {
            why: "the environment names the secret but nothing grants it",
            plan: taskRun({ grants: { secret: undefined, secretKey: undefined } }),
            denied: [["ecs.task.secret", TASK, "secretsmanager:GetSecretValue", API, "task"], ["secretsmanager.key", TASK, "kms:Decrypt", keyArn("k"), "task"]],
        },
        {
            why: "the secret's resource policy denies the task role",
            plan: taskRun({ parts: { policy: res("aws:secretsmanager/secretPolicy:SecretPolicy", "api-policy", { secretArn: API, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "NoTask", Effect: "Deny", Principal: { AWS: TASK }, Action: "secretsmanager:GetSecretValue", Resource: "*" }] }) }) } }),
            denied: [["ecs.task.secret", TASK, "secretsmanager:GetSecretValue", API, "api-policy"]],
        },
        {
            why: "the environment names the stream but the role has no grant on it: the task consumes it",
            plan: taskRun({ grants: { read: undefined, write: undefined } }),
            denied: ["kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords"].map((a) => ["ecs.task.kinesis-read", TASK, a, KINESIS, "task"] as const),
        },
        { why: "the task role trusts Lambda, not ECS tasks", plan: taskRun({ parts: { role: role("task", "lambda.amazonaws.com", Object.values(TASK_GRANTS)) } }), denied: [["ecs.assume-role", ECS, "sts:AssumeRole", TASK, "task"]] },
    ],
};

checkIntegrations([start, run]);

describe("access: a task wired unlike the order service", () => {
    // No stream, no *_ARN variable: the table appears only in a grant, the secret only by its name under CONFIG.
    const wired = (grants: readonly Doc[]) =>
        plan({
            key: key("k", KEY_ROOT),
            table: res("aws:dynamodb/table:Table", "carts", { name: "carts", serverSideEncryption: { enabled: true, kmsKeyArn: keyArn("k") } }),
            secret: res("aws:secretsmanager/secret:Secret", "cart-config", { name: "cart-config", kmsKeyId: keyArn("k") }),
            role: role("carts-task", ECS, grants),
            td: res("aws:ecs/taskDefinition:TaskDefinition", "carts", {
                family: "carts",
                taskRoleArn: roleArn("carts-task"),
                containerDefinitions: JSON.stringify([{ name: "carts", environment: [{ name: "CONFIG", value: "cart-config" }, { name: "DB_HOST", value: "carts.abc123.rds.amazonaws.com" }] }]),
            }),
        });
    const CARTS = arn("dynamodb", "table/carts");
    const CONFIG = arn("secretsmanager", "secret:cart-config-AbCdEf");
    const readTable = allow("ReadCarts", ["dynamodb:GetItem", "dynamodb:Query"], CARTS);
    const tableKey = allow("CartsKey", "kms:Decrypt", keyArn("k"), via("dynamodb"));
    const readSecret = allow("Config", "secretsmanager:GetSecretValue", CONFIG);
    const secretKey = allow("ConfigKey", "kms:Decrypt", keyArn("k"), via("secretsmanager"));

    it("derives the table from the grant and the secret from the environment, and allows them", async () => {
        const { report, results } = await evaluateAccess(wired([readTable, tableKey, readSecret, secretKey]), { region: R });
        assert.deepEqual(report.denied, []);
        const calls = results.filter((r) => r.call.principal === roleArn("carts-task")).map((r) => `${r.call.contract} ${r.call.action} ${r.call.resource}`);
        assert.deepEqual(calls.sort(), [
            `dynamodb.key kms:Decrypt ${keyArn("k")}`,
            `ecs.task.dynamodb-read dynamodb:GetItem ${CARTS}`,
            `ecs.task.dynamodb-read dynamodb:Query ${CARTS}`,
            `ecs.task.secret secretsmanager:GetSecretValue ${CONFIG}`,
            `secretsmanager.key kms:Decrypt ${keyArn("k")}`,
        ]);
        assert.deepEqual(report.unused, [], "every grant is needed by a derived call");
    });

    it("a read grant on the table without its key is denied; the secret named in the environment with no grant is denied", async () => {
        const { report } = await evaluateAccess(wired([readTable]), { region: R });
        assert.deepEqual(report.denied.map((d) => `${d.contract} ${d.action} ${d.resource}`).sort(), [
            `dynamodb.key kms:Decrypt ${keyArn("k")}`,
            `ecs.task.secret secretsmanager:GetSecretValue ${CONFIG}`,
            `secretsmanager.key kms:Decrypt ${keyArn("k")}`,
        ]);
    });

    it("a host name that merely contains a table's name is not a use of it", async () => {
        const { results } = await evaluateAccess(wired([readSecret, secretKey]), { region: R });
        assert.equal(results.some((r) => r.call.resource === CARTS), false);
    });
});
