/**
 * Pulumi mocks that stand in for AWS during the offline plan. They return what a provider would
 * compute (ids, ARNs, endpoints, generated passwords) so code chained on those outputs settles,
 * and they answer only the invokes in ALLOWED_INVOKES (answers that need no AWS account): any
 * other invoke fails the plan, since its answer would be made up.
 */
import type * as pulumi from "@pulumi/pulumi";

export const MOCK_ACCOUNT_ID = "123456789012";

export const ALLOWED_INVOKES = [
    "aws:index/getAvailabilityZones:getAvailabilityZones",
    "aws:index/getCallerIdentity:getCallerIdentity",
    "aws:index/getRegion:getRegion",
    "aws:index/getPartition:getPartition",
    "aws:iam/getPolicyDocument:getPolicyDocument",
] as const;

type State = Record<string, unknown>;

/** `aws:rds/instance:Instance` → `rds`; `aws:index/...` → `aws`. */
function service(type: string): string {
    const module = type.split(":")[1]?.split("/")[0] ?? "unknown";
    return module === "index" ? "aws" : module;
}

/** What a shape of resource is given to compute from: its name, inputs and the ARN of the mock account. */
interface ShapeArgs {
    readonly name: string;
    readonly inputs: State;
    /** The name AWS shows: the explicit name input, else the logical name. */
    readonly explicit: string;
    readonly region: string;
    arn(svc: string, resource: string): string;
}

/** An id (when not `<name>-id`) and the outputs a provider computes, over the inputs and the default ARN. */
type Shape = (a: ShapeArgs) => { readonly id?: string; readonly state: State };

const LB = "elasticloadbalancing";

/** What the provider computes, per resource type; types not listed get `<name>-id` and a generic ARN. */
const SHAPES: Record<string, Shape> = {
    "aws:kms/key:Key": ({ name, arn }) => ({ id: `${name}-key-id`, state: { keyId: `${name}-key-id`, arn: arn("kms", `key/${name}-key-id`) } }),
    "aws:rds/instance:Instance": ({ name, inputs, explicit, region, arn }) => ({
        state: {
            arn: arn("rds", `db:${explicit}`),
            address: `${explicit}.abc123.${region}.rds.amazonaws.com`,
            endpoint: `${explicit}.abc123.${region}.rds.amazonaws.com:${inputs.port ?? 5432}`,
            port: inputs.port ?? 5432,
            engineVersionActual: `${inputs.engineVersion ?? "15"}.15`,
            masterUserSecrets: inputs.manageMasterUserPassword
                ? [{ secretArn: arn("secretsmanager", `secret:rds!db-${name}-AbCdEf`), secretStatus: "active", kmsKeyId: inputs.masterUserSecretKmsKeyId }]
                : [],
        },
    }),
    "aws:elasticache/replicationGroup:ReplicationGroup": ({ name, inputs, explicit, region, arn }) => {
        const group = String(inputs.replicationGroupId ?? name);
        return {
            id: explicit,
            state: {
                id: group,
                arn: arn("elasticache", `replicationgroup:${group}`),
                primaryEndpointAddress: `master.${group}.abc123.${region.replace(/-/g, "")}.cache.amazonaws.com`,
                readerEndpointAddress: `replica.${group}.abc123.cache.amazonaws.com`,
                port: inputs.port ?? 6379,
                memberClusters: Array.from({ length: Number(inputs.numCacheClusters ?? 1) }, (_, i) => `${group}-00${i + 1}`),
            },
        };
    },
    "aws:kinesis/stream:Stream": ({ explicit, arn }) => ({ id: explicit, state: { arn: arn("kinesis", `stream/${explicit}`) } }),
    "aws:ecr/repository:Repository": ({ explicit, region, arn }) => ({
        id: explicit,
        state: { repositoryUrl: `${MOCK_ACCOUNT_ID}.dkr.ecr.${region}.amazonaws.com/${explicit}`, registryId: MOCK_ACCOUNT_ID, arn: arn("ecr", `repository/${explicit}`) },
    }),
    "aws:secretsmanager/secret:Secret": ({ explicit, arn }) => ({ id: arn("secretsmanager", `secret:${explicit}-AbCdEf`), state: { arn: arn("secretsmanager", `secret:${explicit}-AbCdEf`) } }),
    "aws:iam/role:Role": ({ name, explicit }) => ({ id: explicit, state: { arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/${explicit}`, uniqueId: `AROA${name.toUpperCase().slice(0, 8)}` } }),
    "aws:iam/policy:Policy": ({ explicit }) => ({ state: { arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:policy/${explicit}` } }),
    "aws:cloudwatch/logGroup:LogGroup": ({ explicit, arn }) => ({ id: explicit, state: { arn: arn("logs", `log-group:${explicit}`) } }),
    "aws:s3/bucket:Bucket": ({ explicit, region }) => ({
        id: explicit,
        state: { arn: `arn:aws:s3:::${explicit}`, bucket: explicit, bucketRegionalDomainName: `${explicit}.s3.${region}.amazonaws.com` },
    }),
    "aws:ecs/cluster:Cluster": ({ explicit, arn }) => ({ state: { arn: arn("ecs", `cluster/${explicit}`) } }),
    "aws:ecs/service:Service": ({ explicit, arn }) => ({ state: { arn: arn("ecs", `service/${explicit}`) } }),
    "aws:ecs/taskDefinition:TaskDefinition": ({ name, inputs, arn }) => ({ state: { arn: arn("ecs", `task-definition/${inputs.family ?? name}:1`), revision: 1 } }),
    "aws:lb/loadBalancer:LoadBalancer": ({ explicit, region, arn }) => ({
        state: { arn: arn(LB, `loadbalancer/app/${explicit}/abc123`), arnSuffix: `app/${explicit}/abc123`, dnsName: `${explicit}-123.${region}.elb.amazonaws.com`, zoneId: "Z0MOCK" },
    }),
    "aws:lb/targetGroup:TargetGroup": ({ explicit, arn }) => ({ state: { arn: arn(LB, `targetgroup/${explicit}/abc123`), arnSuffix: `targetgroup/${explicit}/abc123` } }),
    "aws:codecommit/repository:Repository": ({ name, inputs, region, arn }) => {
        const repo = String(inputs.repositoryName ?? name);
        return {
            state: {
                arn: arn("codecommit", repo),
                cloneUrlHttp: `https://git-codecommit.${region}.amazonaws.com/v1/repos/${repo}`,
                cloneUrlSsh: `ssh://git-codecommit.${region}.amazonaws.com/v1/repos/${repo}`,
            },
        };
    },
    "aws:codestarconnections/connection:Connection": ({ name, arn }) => ({ state: { arn: arn("codeconnections", `connection/${name}`), connectionStatus: "PENDING" } }),
    "aws:codepipeline/pipeline:Pipeline": ({ explicit, arn }) => ({ id: explicit, state: { arn: arn("codepipeline", explicit) } }),
    // A listener's ARN extends its load balancer's: loadbalancer/app/<name>/<id> -> listener/app/<name>/<id>/<listener id>.
    "aws:lb/listener:Listener": ({ name, inputs, arn }) => {
        const lb = String(inputs.loadBalancerArn ?? arn(LB, `loadbalancer/app/${name}/abc123`));
        return { state: { arn: `${lb.replace(":loadbalancer/", ":listener/")}/${String(inputs.port ?? 0).padStart(16, "0")}` } };
    },
    "aws:codebuild/reportGroup:ReportGroup": ({ explicit, arn }) => ({ id: arn("codebuild", `report-group/${explicit}`), state: { arn: arn("codebuild", `report-group/${explicit}`) } }),
    "aws:codedeploy/application:Application": ({ name, explicit, arn }) => ({
        id: `${name}-app-id:${explicit}`,
        state: { arn: arn("codedeploy", `application:${explicit}`), applicationId: `${name}-app-id` },
    }),
    "aws:codedeploy/deploymentGroup:DeploymentGroup": ({ name, inputs, arn }) => ({
        state: { arn: arn("codedeploy", `deploymentgroup:${inputs.appName}/${inputs.deploymentGroupName}`), deploymentGroupId: `${name}-group-id` },
    }),
    "aws:cloudwatch/metricAlarm:MetricAlarm": ({ explicit, arn }) => ({ id: explicit, state: { arn: arn("cloudwatch", `alarm:${explicit}`) } }),
    "aws:cloudwatch/eventRule:EventRule": ({ explicit, arn }) => ({ id: explicit, state: { arn: arn("events", `rule/${explicit}`) } }),
    "aws:lambda/function:Function": ({ explicit, region, arn }) => ({
        id: explicit,
        state: {
            arn: arn("lambda", `function:${explicit}`),
            invokeArn: `arn:aws:apigateway:${region}:lambda:path/functions/${arn("lambda", `function:${explicit}`)}/invocations`,
            version: "$LATEST",
            qualifiedArn: arn("lambda", `function:${explicit}:$LATEST`),
        },
    }),
    "aws:dynamodb/table:Table": ({ explicit, arn }) => ({ id: explicit, state: { arn: arn("dynamodb", `table/${explicit}`) } }),
    "aws:sns/topic:Topic": ({ explicit, arn }) => ({ id: arn("sns", explicit), state: { arn: arn("sns", explicit) } }),
    "random:index/randomPassword:RandomPassword": ({ inputs }) => ({ state: { result: "MockGeneratedToken0123456789abcdefXYZ".slice(0, Number(inputs.length ?? 32)), bcryptHash: "mock" } }),
    "docker-build:index:Image": ({ name, inputs }) => ({
        state: { ref: `${(inputs.tags as string[] | undefined)?.[0] ?? name}@sha256:${"0".repeat(64)}`, digest: `sha256:${"0".repeat(64)}` },
    }),
};

export class PlanMocks implements pulumi.runtime.Mocks {
    /** Messages of invokes refused, kept because the SDK reports a failed invoke without one. */
    readonly refusedInvokes: string[] = [];

    constructor(
        readonly region: string,
        readonly azCount = 3,
    ) {}

    private arn(svc: string, resource: string): string {
        return `arn:aws:${svc}:${this.region}:${MOCK_ACCOUNT_ID}:${resource}`;
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: State } {
        const { type, name } = args;
        const inputs = args.inputs as State;
        const id = `${name}-id`;
        const explicit = (inputs.name ?? inputs.bucket ?? inputs.identifier ?? inputs.functionName ?? name) as string;
        const state: State = { ...inputs, id, arn: this.arn(service(type), `${type.split(":").pop()?.toLowerCase()}/${name}`) };
        const shape = SHAPES[type]?.({ name, inputs, explicit, region: this.region, arn: (svc, resource) => this.arn(svc, resource) });
        return shape === undefined ? { id, state } : { id: shape.id ?? id, state: { ...state, ...shape.state } };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        const inputs = args.inputs as State;
        switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones": {
                const names = Array.from({ length: this.azCount }, (_, i) => `${this.region}${"abcdef"[i]}`);
                return { names, zoneIds: names.map((_, i) => `${this.region.slice(0, 3)}1-az${i + 1}`), id: this.region, state: "available" };
            }
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { accountId: MOCK_ACCOUNT_ID, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/planner`, userId: "AIDAPLANNER", id: MOCK_ACCOUNT_ID };
            case "aws:index/getRegion:getRegion":
                return { name: this.region, region: this.region, id: this.region, description: this.region, endpoint: `ec2.${this.region}.amazonaws.com` };
            case "aws:index/getPartition:getPartition":
                return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws", reverseDnsPrefix: "com.amazonaws" };
            case "aws:iam/getPolicyDocument:getPolicyDocument":
                return { json: JSON.stringify({ Version: "2012-10-17", Statement: inputs.statements ?? [] }), id: "policy-document" };
            default: {
                const message =
                    `the offline plan does not answer the invoke ${args.token}: only ${ALLOWED_INVOKES.join(", ")} are allowed (their answers need no AWS account; see CONTRIBUTING.md, "Mock runtime facts"); ` +
                    "take the value from config or from another resource's output instead";
                this.refusedInvokes.push(message);
                throw new Error(message);
            }
        }
    }
}
