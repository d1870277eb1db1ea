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
        switch (type) {
            case "aws:kms/key:Key":
                return { id: `${name}-key-id`, state: { ...state, keyId: `${name}-key-id`, arn: this.arn("kms", `key/${name}-key-id`) } };
            case "aws:rds/instance:Instance":
                return {
                    id,
                    state: {
                        ...state,
                        arn: this.arn("rds", `db:${explicit}`),
                        address: `${explicit}.abc123.${this.region}.rds.amazonaws.com`,
                        endpoint: `${explicit}.abc123.${this.region}.rds.amazonaws.com:${inputs.port ?? 5432}`,
                        port: inputs.port ?? 5432,
                        engineVersionActual: `${inputs.engineVersion ?? "15"}.15`,
                        masterUserSecrets: inputs.manageMasterUserPassword
                            ? [{ secretArn: this.arn("secretsmanager", `secret:rds!db-${name}-AbCdEf`), secretStatus: "active", kmsKeyId: inputs.masterUserSecretKmsKeyId }]
                            : [],
                    },
                };
            case "aws:elasticache/replicationGroup:ReplicationGroup":
                return {
                    id: explicit,
                    state: {
                        ...state,
                        id: String(inputs.replicationGroupId ?? name),
                        arn: this.arn("elasticache", `replicationgroup:${inputs.replicationGroupId ?? name}`),
                        primaryEndpointAddress: `master.${inputs.replicationGroupId ?? name}.abc123.${this.region.replace(/-/g, "")}.cache.amazonaws.com`,
                        readerEndpointAddress: `replica.${inputs.replicationGroupId ?? name}.abc123.cache.amazonaws.com`,
                        port: inputs.port ?? 6379,
                        memberClusters: Array.from({ length: Number(inputs.numCacheClusters ?? 1) }, (_, i) => `${inputs.replicationGroupId ?? name}-00${i + 1}`),
                    },
                };
            case "aws:kinesis/stream:Stream":
                return { id: explicit, state: { ...state, arn: this.arn("kinesis", `stream/${explicit}`) } };
            case "aws:ecr/repository:Repository":
                return {
                    id: explicit,
                    state: { ...state, repositoryUrl: `${MOCK_ACCOUNT_ID}.dkr.ecr.${this.region}.amazonaws.com/${explicit}`, registryId: MOCK_ACCOUNT_ID, arn: this.arn("ecr", `repository/${explicit}`) },
                };
            case "aws:secretsmanager/secret:Secret":
                return { id: this.arn("secretsmanager", `secret:${explicit}-AbCdEf`), state: { ...state, arn: this.arn("secretsmanager", `secret:${explicit}-AbCdEf`) } };
            case "aws:iam/role:Role":
                return { id: explicit, state: { ...state, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/${explicit}`, uniqueId: `AROA${name.toUpperCase().slice(0, 8)}` } };
            case "aws:iam/policy:Policy":
                return { id, state: { ...state, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:policy/${explicit}` } };
            case "aws:cloudwatch/logGroup:LogGroup":
                return { id: explicit, state: { ...state, arn: this.arn("logs", `log-group:${explicit}`) } };
            case "aws:s3/bucket:Bucket":
                return {
                    id: explicit,
                    state: { ...state, arn: `arn:aws:s3:::${explicit}`, bucket: explicit, bucketRegionalDomainName: `${explicit}.s3.${this.region}.amazonaws.com` },
                };
            case "aws:ecs/cluster:Cluster":
                return { id, state: { ...state, arn: this.arn("ecs", `cluster/${explicit}`) } };
            case "aws:ecs/service:Service":
                return { id, state: { ...state, arn: this.arn("ecs", `service/${explicit}`) } };
            case "aws:ecs/taskDefinition:TaskDefinition":
                return { id, state: { ...state, arn: this.arn("ecs", `task-definition/${inputs.family ?? name}:1`), revision: 1 } };
            case "aws:lb/loadBalancer:LoadBalancer":
                return { id, state: { ...state, arn: this.arn("elasticloadbalancing", `loadbalancer/app/${explicit}/abc123`), arnSuffix: `app/${explicit}/abc123`, dnsName: `${explicit}-123.${this.region}.elb.amazonaws.com`, zoneId: "Z0MOCK" } };
            case "aws:lb/targetGroup:TargetGroup":
                return { id, state: { ...state, arn: this.arn("elasticloadbalancing", `targetgroup/${explicit}/abc123`), arnSuffix: `targetgroup/${explicit}/abc123` } };
            case "aws:codecommit/repository:Repository":
                return {
                    id,
                    state: { ...state, arn: this.arn("codecommit", String(inputs.repositoryName ?? name)), cloneUrlHttp: `https://git-codecommit.${this.region}.amazonaws.com/v1/repos/${inputs.repositoryName ?? name}`, cloneUrlSsh: `ssh://git-codecommit.${this.region}.amazonaws.com/v1/repos/${inputs.repositoryName ?? name}` },
                };
            case "aws:codestarconnections/connection:Connection":
                return { id, state: { ...state, arn: this.arn("codeconnections", `connection/${name}`), connectionStatus: "PENDING" } };
            case "aws:codepipeline/pipeline:Pipeline":
                return { id: explicit, state: { ...state, arn: this.arn("codepipeline", explicit) } };
            case "aws:lb/listener:Listener": {
                // A listener's ARN extends its load balancer's: loadbalancer/app/<name>/<id> -> listener/app/<name>/<id>/<listener id>.
                const lb = String(inputs.loadBalancerArn ?? this.arn("elasticloadbalancing", `loadbalancer/app/${name}/abc123`));
                return { id, state: { ...state, arn: `${lb.replace(":loadbalancer/", ":listener/")}/${String(inputs.port ?? 0).padStart(16, "0")}` } };
            }
            case "aws:codebuild/reportGroup:ReportGroup":
                return { id: this.arn("codebuild", `report-group/${explicit}`), state: { ...state, arn: this.arn("codebuild", `report-group/${explicit}`) } };
            case "aws:codedeploy/application:Application":
                return { id: `${name}-app-id:${explicit}`, state: { ...state, arn: this.arn("codedeploy", `application:${explicit}`), applicationId: `${name}-app-id` } };
            case "aws:codedeploy/deploymentGroup:DeploymentGroup":
                return {
                    id,
                    state: { ...state, arn: this.arn("codedeploy", `deploymentgroup:${inputs.appName}/${inputs.deploymentGroupName}`), deploymentGroupId: `${name}-group-id` },
                };
            case "aws:cloudwatch/metricAlarm:MetricAlarm":
                return { id: explicit, state: { ...state, arn: this.arn("cloudwatch", `alarm:${explicit}`) } };
            case "aws:cloudwatch/eventRule:EventRule":
                return { id: explicit, state: { ...state, arn: this.arn("events", `rule/${explicit}`) } };
            case "aws:lambda/function:Function":
                return {
                    id: explicit,
                    state: { ...state, arn: this.arn("lambda", `function:${explicit}`), invokeArn: `arn:aws:apigateway:${this.region}:lambda:path/functions/${this.arn("lambda", `function:${explicit}`)}/invocations`, version: "$LATEST", qualifiedArn: this.arn("lambda", `function:${explicit}:$LATEST`) },
                };
            case "aws:dynamodb/table:Table":
                return { id: explicit, state: { ...state, arn: this.arn("dynamodb", `table/${explicit}`) } };
            case "aws:sns/topic:Topic":
                return { id: this.arn("sns", explicit), state: { ...state, arn: this.arn("sns", explicit) } };
            case "random:index/randomPassword:RandomPassword":
                return { id, state: { ...state, result: "MockGeneratedToken0123456789abcdefXYZ".slice(0, Number(inputs.length ?? 32)), bcryptHash: "mock" } };
            case "docker-build:index:Image":
                return { id, state: { ...state, ref: `${(inputs.tags as string[] | undefined)?.[0] ?? name}@sha256:${"0".repeat(64)}`, digest: `sha256:${"0".repeat(64)}` } };
            default:
                return { id, state };
        }
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
