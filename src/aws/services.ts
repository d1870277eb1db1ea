/**
 * Which AWS service has an endpoint in which region, from AWS's own SDK data: the `aws`
 * partition of botocore's `botocore/data/endpoints.json`, the file botocore's
 * `Session.get_available_regions(service)` answers from. `npm run refresh-aws-data` extracts the
 * services this table maps into `data/services.json` with botocore's version and the date.
 * Nothing AWS publishes in machine-readable form that the project can read offline says which
 * instance classes, node types or compute types a region offers (the price-list offer files are
 * behind AWS's API, not in a package), so only services are checked.
 */
// The pack's ts-node (the CLI's) type-checks a file with only the files it compiled this run, so
// a file first compiled after a cache hit sees no Node types unless it names them.
/// <reference types="node" />
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface ServiceRegions {
    readonly provenance: {
        readonly source: string;
        readonly package: string;
        readonly version: string;
        readonly extracted: string;
        readonly script: string;
    };
    /** Every region of the partition: a region outside it is not judged. */
    readonly partitionRegions: readonly string[];
    /** Endpoint service key (`rds`, `api.ecr`) to the regions it has an endpoint in. */
    readonly services: Readonly<Record<string, readonly string[]>>;
}

// Read, not imported: the CLI's ts-node runs the pack without resolveJsonModule.
export const SERVICE_REGIONS: ServiceRegions = JSON.parse(readFileSync(join(__dirname, "data", "services.json"), "utf8")) as ServiceRegions;

/** The endpoint service behind each `@pulumi/aws` module these programs use (IAM is global: not here). */
const MODULE_SERVICE: Readonly<Record<string, string>> = {
    appautoscaling: "application-autoscaling",
    codebuild: "codebuild",
    codecommit: "codecommit",
    codedeploy: "codedeploy",
    codepipeline: "codepipeline",
    codestarconnections: "codestar-connections",
    dynamodb: "dynamodb",
    ec2: "ec2",
    ecr: "api.ecr",
    ecs: "ecs",
    elasticache: "elasticache",
    kinesis: "kinesis",
    kms: "kms",
    lambda: "lambda",
    lb: "elasticloadbalancing",
    rds: "rds",
    s3: "s3",
    secretsmanager: "secretsmanager",
    sns: "sns",
    vpc: "ec2",
};

/**
 * The regional resource types the four systems create, each judged by its module's service. A
 * test fails when a planned type is neither here nor a global or non-AWS type.
 */
export const REGIONAL_TYPES: readonly string[] = [
    "aws:cloudwatch/eventRule:EventRule",
    "aws:cloudwatch/eventTarget:EventTarget",
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
    "aws:cloudwatch/metricAlarm:MetricAlarm",
    "aws:codebuild/project:Project",
    "aws:codebuild/reportGroup:ReportGroup",
    "aws:codecommit/repository:Repository",
    "aws:codedeploy/application:Application",
    "aws:codedeploy/deploymentGroup:DeploymentGroup",
    "aws:codepipeline/pipeline:Pipeline",
    "aws:codestarconnections/connection:Connection",
    "aws:dynamodb/table:Table",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    "aws:ec2/eip:Eip",
    "aws:ec2/flowLog:FlowLog",
    "aws:ec2/internetGateway:InternetGateway",
    "aws:ec2/natGateway:NatGateway",
    "aws:ec2/route:Route",
    "aws:ec2/routeTable:RouteTable",
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/subnet:Subnet",
    "aws:ec2/vpc:Vpc",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    "aws:ecr/repository:Repository",
    "aws:ecr/repositoryPolicy:RepositoryPolicy",
    "aws:ecs/cluster:Cluster",
    "aws:ecs/service:Service",
    "aws:ecs/taskDefinition:TaskDefinition",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws:elasticache/subnetGroup:SubnetGroup",
    "aws:kinesis/stream:Stream",
    "aws:kms/alias:Alias",
    "aws:kms/key:Key",
    "aws:lambda/function:Function",
    "aws:lb/listener:Listener",
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:lb/targetGroup:TargetGroup",
    "aws:rds/instance:Instance",
    "aws:rds/parameterGroup:ParameterGroup",
    "aws:rds/subnetGroup:SubnetGroup",
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketLogging:BucketLogging",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    "aws:s3/bucketPolicy:BucketPolicy",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketVersioning:BucketVersioning",
    "aws:secretsmanager/secret:Secret",
    "aws:secretsmanager/secretRotation:SecretRotation",
    "aws:secretsmanager/secretVersion:SecretVersion",
    "aws:sns/topic:Topic",
    "aws:sns/topicPolicy:TopicPolicy",
    "aws:sns/topicSubscription:TopicSubscription",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
];

/** Types that are global or not AWS resources: never judged by region. */
export const GLOBAL_TYPE_PREFIXES: readonly string[] = ["aws:iam/", "pulumi:", "random:", "docker-build:", "docker:", "command:"];

/** The endpoint service a type's resource is created through; CloudWatch's module spans three. */
export function serviceOf(type: string): string | undefined {
    const m = /^aws:([a-z0-9]+)\/([A-Za-z0-9]+):/.exec(type);
    if (m === null) return undefined;
    const [, module = "", member = ""] = m;
    if (module === "cloudwatch") return member.startsWith("log") ? "logs" : member.startsWith("event") ? "events" : "monitoring";
    return MODULE_SERVICE[module];
}

/** Every endpoint service the table maps: what the refresh keeps of endpoints.json. */
export function mappedServices(): string[] {
    return [...new Set(REGIONAL_TYPES.map(serviceOf).filter((s): s is string => s !== undefined))].sort();
}

/**
 * true or false when the data says whether `service` has an endpoint in `region`; undefined
 * when it cannot say (a region outside the partition, a service the data does not list).
 */
export function offeredIn(service: string, region: string, data: ServiceRegions = SERVICE_REGIONS): boolean | undefined {
    const regions = data.services[service];
    if (regions === undefined || !data.partitionRegions.includes(region)) return undefined;
    return regions.includes(region);
}

/** The part of botocore's endpoints.json the extraction reads. */
export interface EndpointsFile {
    readonly partitions: readonly {
        readonly partition: string;
        readonly regions: Readonly<Record<string, unknown>>;
        readonly services: Readonly<Record<string, { readonly endpoints?: Readonly<Record<string, { readonly deprecated?: boolean }>> }>>;
    }[];
}

/** The `aws` partition's regions and, for each service `services` names, its regions with an endpoint. */
export function extractServiceRegions(endpoints: EndpointsFile, services: readonly string[], version: string, today: string): ServiceRegions {
    const aws = endpoints.partitions.find((p) => p.partition === "aws");
    if (aws === undefined) throw new Error("endpoints.json has no aws partition");
    const partitionRegions = Object.keys(aws.regions).sort();
    const out: Record<string, string[]> = {};
    for (const service of services) {
        const entry = aws.services[service];
        if (entry === undefined) throw new Error(`endpoints.json has no service ${service}`);
        // FIPS and global keys (`fips-us-east-1`, `aws-global`) are not regions; a deprecated endpoint is not an offer.
        out[service] = Object.entries(entry.endpoints ?? {})
            .filter(([region, e]) => partitionRegions.includes(region) && e.deprecated !== true)
            .map(([region]) => region)
            .sort();
    }
    return {
        provenance: {
            source: "botocore/data/endpoints.json (AWS's endpoint data as the AWS SDK for Python ships it), partition aws",
            package: "botocore",
            version,
            extracted: today,
            script: "npm run refresh-aws-data (src/aws/refresh.ts), reading BOTOCORE_DATA or the installed botocore",
        },
        partitionRegions,
        services: out,
    };
}
