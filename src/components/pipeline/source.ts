/**
 * Where a pipeline's source comes from: a CodeCommit repository the stack creates, or a
 * CodeStar (CodeConnections) connection to GitHub, GitLab or Bitbucket.
 *
 * A connection created by Pulumi starts in the PENDING state: AWS cannot finish the OAuth
 * handshake with the provider on its own, so someone must open Developer Tools > Settings >
 * Connections in the console, choose the connection and "Update pending connection". Until then
 * every source action that uses it fails. The `connectionStatus` output shows where it stands.
 * @see https://docs.aws.amazon.com/dtconsole/latest/userguide/connections-update.html
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs, StatefulArgs } from "../common";
import { lifecycle, TOKEN } from "../common";
import type { Statement } from "../iam";

export type ConnectionProvider = "GitHub" | "GitHubEnterpriseServer" | "GitLab" | "Bitbucket";

export type SourceSpec =
    | {
          readonly provider: "CodeCommit";
          /** Resource key of the repository: `<system>-<resource>-<suffix>`. */
          readonly repositoryName: string;
          readonly description: string;
          /** The branch the pipeline builds. */
          readonly branch: string;
          /** Encrypt the repository with the customer key. @default - the AWS managed key */
          readonly kmsKeyArn?: pulumi.Input<string>;
      }
    | {
          readonly provider: "CodeStarConnection";
          /** Resource key of the connection (at most 32 characters in all). */
          readonly connectionName: string;
          readonly providerType: ConnectionProvider;
          /** `owner/repository` at the provider. */
          readonly fullRepositoryId: string;
          readonly branch: string;
      };

export interface PipelineSourceArgs extends BaseArgs, StatefulArgs {
    /** A CodeCommit repository to create, or a CodeStar connection to GitHub, Bitbucket or GitLab. */
    readonly spec: SourceSpec;
}

/** The CodePipeline action that reads the source, and what the pipeline's role needs for it. */
export interface SourceAction {
    /** The source action as CodePipeline takes it. */
    readonly action: aws.types.input.codepipeline.PipelineStageAction;
    /** What the pipeline's role needs to run it. */
    readonly statements: Statement[];
}

export class PipelineSource extends pulumi.ComponentResource {
    /** The source as given. */
    readonly spec: SourceSpec;
    /** @internal The CodeCommit repository (CodeCommit sources only). */
    readonly repository?: aws.codecommit.Repository;
    /** @internal The CodeStar connection (connection sources only). */
    readonly connection?: aws.codestarconnections.Connection;
    /** The repository's or the connection's ARN. */
    readonly arn: pulumi.Output<string>;
    /** HTTPS clone URL of the CodeCommit repository; an empty string for a connection. */
    readonly cloneUrlHttp: pulumi.Output<string>;
    /** The connection's ARN; an empty string for CodeCommit. */
    readonly connectionArn: pulumi.Output<string>;
    /** `PENDING` until completed in the console, then `AVAILABLE`; `NONE` for CodeCommit. */
    readonly connectionStatus: pulumi.Output<string>;

    constructor(name: string, args: PipelineSourceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:codepipeline:PipelineSource`, name, {}, opts);
        this.spec = args.spec;
        const spec = args.spec;
        if (!/^[A-Za-z0-9._\-/]+$/.test(spec.branch) || spec.branch.startsWith("/") || spec.branch.endsWith("/")) {
            throw new Error(`PipelineSource ${name}: branch "${spec.branch}" is not a branch name`);
        }
        if (spec.provider === "CodeCommit") {
            this.repository = new aws.codecommit.Repository(
                name,
                {
                    repositoryName: args.namer.name(spec.repositoryName),
                    description: spec.description,
                    // No defaultBranch: AWS rejects it until the branch exists, and a new repository is empty.
                    ...(spec.kmsKeyArn !== undefined ? { kmsKeyId: spec.kmsKeyArn } : {}),
                    tags: args.tags,
                },
                { parent: this, protect: lifecycle(args.removal).protect },
            );
            this.arn = this.repository.arn;
            this.cloneUrlHttp = this.repository.cloneUrlHttp;
            this.connectionArn = pulumi.output("");
            this.connectionStatus = pulumi.output("NONE");
        } else {
            if (!/^[^/\s]+\/[^/\s]+$/.test(spec.fullRepositoryId)) {
                throw new Error(`PipelineSource ${name}: fullRepositoryId "${spec.fullRepositoryId}" must be "owner/repository"`);
            }
            this.connection = new aws.codestarconnections.Connection(
                name,
                { name: args.namer.name(spec.connectionName, "connection"), providerType: spec.providerType, tags: args.tags },
                { parent: this },
            );
            this.arn = this.connection.arn;
            this.cloneUrlHttp = pulumi.output("");
            this.connectionArn = this.connection.arn;
            this.connectionStatus = this.connection.connectionStatus;
        }
        this.registerOutputs({ arn: this.arn, cloneUrlHttp: this.cloneUrlHttp, connectionArn: this.connectionArn, connectionStatus: this.connectionStatus });
    }

    /** The branch the pipeline builds. */
    get branch(): string {
        return this.spec.branch;
    }

    /**
     * The source action writing `outputArtifact`. A CodeCommit source is started by an EventBridge
     * rule (the pipeline creates it), so it does not poll; a connection detects changes itself
     * unless the pipeline has a V2 trigger for it.
     */
    sourceAction(actionName: string, outputArtifact: string, detectChanges: boolean): SourceAction {
        const spec = this.spec;
        if (spec.provider === "CodeCommit") {
            return {
                action: {
                    name: actionName,
                    category: "Source",
                    owner: "AWS",
                    provider: "CodeCommit",
                    version: "1",
                    outputArtifacts: [outputArtifact],
                    configuration: {
                        RepositoryName: this.repository!.repositoryName,
                        BranchName: spec.branch,
                        PollForSourceChanges: "false",
                        OutputArtifactFormat: "CODE_ZIP",
                    },
                },
                statements: [
                    {
                        Sid: "ReadSourceRepository",
                        Action: ["codecommit:GetBranch", "codecommit:GetCommit", "codecommit:GetRepository", "codecommit:UploadArchive", "codecommit:GetUploadArchiveStatus", "codecommit:CancelUploadArchive"],
                        Resource: this.arn,
                    },
                ],
            };
        }
        return {
            action: {
                name: actionName,
                category: "Source",
                owner: "AWS",
                provider: "CodeStarSourceConnection",
                version: "1",
                outputArtifacts: [outputArtifact],
                configuration: {
                    ConnectionArn: this.arn,
                    FullRepositoryId: spec.fullRepositoryId,
                    BranchName: spec.branch,
                    DetectChanges: String(detectChanges),
                    OutputArtifactFormat: "CODE_ZIP",
                },
            },
            statements: [
                // Connections made since 2024 are `codeconnections` ARNs; older ones `codestar-connections`.
                { Sid: "UseSourceConnection", Action: ["codestar-connections:UseConnection", "codeconnections:UseConnection"], Resource: this.arn },
            ],
        };
    }
}
