/**
 * The CodePipeline job a Lambda invoke action hands to this function, and the deploy settings
 * read from its UserParameters and the function's environment. Parsing only: no AWS calls.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html
 */
// Zod Mini: the same validation as "zod" at a tenth of the bundle, which ships inline in a Pulumi asset.
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

// Zod Mini carries no messages of its own; English ones make job failures readable.
z.config(en());

/** The alias the pipeline moves; services and their triggers invoke `<function>:live`. */
export const LIVE_ALIAS = "live";

/**
 * A container image in ECR (Lambda runs images from ECR only), pinned by tag or digest.
 * An untagged URI would silently mean `:latest`.
 */
const ECR_IMAGE_URI =
    /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[a-z0-9]+(?:[._/-][a-z0-9]+)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;

/** A function name or unqualified ARN: UpdateFunctionCode does not take a version or alias. */
const FUNCTION_NAME = /^(?:arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:)?[A-Za-z0-9_-]{1,64}$/;

/** CodePipeline leaves `#{Namespace.VARIABLE}` as is when the variable does not exist. */
const notAnUnresolvedVariable = (value: string): boolean => !value.includes("#{");
const UNRESOLVED = "is an unresolved pipeline variable; check the namespace and variable name";
/** Checked first; the other checks would only repeat that the value is wrong. */
const resolved = () => z.refine<string>(notAnUnresolvedVariable, { error: UNRESOLVED, abort: true });

const text = (): z.ZodMiniString =>
    z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") });

const imageUriSchema = text().check(
    resolved(),
    z.refine(
        (value) => ECR_IMAGE_URI.test(value),
        "must be an ECR image URI with a tag or digest, like 123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag",
    ),
);

const functionNameSchema = text().check(
    resolved(),
    z.refine((value) => FUNCTION_NAME.test(value), "must be a Lambda function name or unqualified function ARN"),
);

/** UserParameters, a JSON object: the action's configuration in the pipeline definition. */
const userParametersSchema = z.strictObject({
    imageUri: imageUriSchema,
    functionName: z.optional(functionNameSchema),
    commit: z.optional(
        text().check(resolved(), z.minLength(1), z.maxLength(256)),
    ),
});
export type UserParameters = z.infer<typeof userParametersSchema>;

/** The part of the job event this function reads; other fields (artifact credentials) are ignored. */
const jobEventSchema = z.object({
    "CodePipeline.job": z.object({
        id: z.string().check(z.minLength(1)),
        accountId: z.optional(z.string()),
        data: z.object({
            actionConfiguration: z.object({
                configuration: z.object({
                    FunctionName: z.optional(z.string()),
                    UserParameters: z.optional(z.string()),
                }),
            }),
        }),
    }),
});

/** Environment of the deploy function itself. */
const deployEnvSchema = z.object({
    DEPLOYMENT_TABLE_NAME: text().check(z.regex(/^[A-Za-z0-9_.-]{3,255}$/, "must be a DynamoDB table name")),
    ENVIRONMENT_SUFFIX: text().check(z.minLength(1, "must not be empty")),
    TARGET_FUNCTION_NAME: z.optional(functionNameSchema),
});

export interface DeployEnv {
    readonly tableName: string;
    readonly environmentSuffix: string;
    /** Used when UserParameters names no function. */
    readonly targetFunctionName?: string;
}

/** What to deploy; fully validated. */
export interface DeployRequest {
    readonly imageUri: string;
    readonly functionName: string;
    readonly commit?: string;
}

/** The job as far as it could be read: the id (to report to) and either a request or why not. */
export type JobReading =
    | { readonly ok: true; readonly jobId: string; readonly request: DeployRequest }
    | { readonly ok: false; readonly jobId: string; readonly error: string };

/** A message naming each field that failed and what it needs. */
export function describeIssues(error: z.core.$ZodError, prefix = ""): string {
    return error.issues
        .map((issue) => {
            const field = [prefix, ...issue.path.map(String)].filter((part) => part !== "").join(".");
            return field === "" ? issue.message : `${field} ${issue.message}`;
        })
        .join("; ");
}

/**
 * The CodePipeline job id, or undefined when the event is not a CodePipeline job at all
 * (then there is no job to report to).
 */
export function jobIdOf(event: unknown): string | undefined {
    const parsed = z.object({ "CodePipeline.job": z.object({ id: z.string().check(z.minLength(1)) }) }).safeParse(event);
    return parsed.success ? parsed.data["CodePipeline.job"].id : undefined;
}

/** Reads the deploy function's environment; throws a message naming every bad variable. */
export function readDeployEnv(env: Readonly<Record<string, string | undefined>>): DeployEnv {
    const parsed = deployEnvSchema.safeParse({
        DEPLOYMENT_TABLE_NAME: env.DEPLOYMENT_TABLE_NAME,
        ENVIRONMENT_SUFFIX: env.ENVIRONMENT_SUFFIX,
        TARGET_FUNCTION_NAME: env.TARGET_FUNCTION_NAME === "" ? undefined : env.TARGET_FUNCTION_NAME,
    });
    if (!parsed.success) {
        throw new Error(`deploy function environment: ${describeIssues(parsed.error)}`);
    }
    return {
        tableName: parsed.data.DEPLOYMENT_TABLE_NAME,
        environmentSuffix: parsed.data.ENVIRONMENT_SUFFIX,
        ...(parsed.data.TARGET_FUNCTION_NAME === undefined ? {} : { targetFunctionName: parsed.data.TARGET_FUNCTION_NAME }),
    };
}

function parseUserParameters(raw: string | undefined): UserParameters | string {
    const example = `like {"imageUri": "#{BuildVariables.IMAGE_URI}", "commit": "#{SourceVariables.CommitId}"}`;
    if (raw === undefined || raw.trim() === "") {
        return `the action has no UserParameters; set them to a JSON object ${example} ` +
            "(reading the image from an input artifact is not supported)";
    }
    let json: unknown;
    try {
        json = JSON.parse(raw);
    } catch {
        return `UserParameters is not JSON; set it to a JSON object ${example}`;
    }
    const parsed = userParametersSchema.safeParse(json);
    return parsed.success ? parsed.data : `UserParameters: ${describeIssues(parsed.error)}`;
}

/**
 * Reads the job event into a deploy request. The target function comes from UserParameters
 * `functionName`, else `TARGET_FUNCTION_NAME`; the action's own `FunctionName` is this deploy
 * function, never the target.
 */
export function readJob(event: unknown, env: Pick<DeployEnv, "targetFunctionName">): JobReading {
    const jobId = jobIdOf(event);
    if (jobId === undefined) {
        throw new Error("the event is not a CodePipeline job (no \"CodePipeline.job\".id); nothing to report to");
    }
    const parsed = jobEventSchema.safeParse(event);
    if (!parsed.success) {
        return { ok: false, jobId, error: `job event: ${describeIssues(parsed.error)}` };
    }
    const configuration = parsed.data["CodePipeline.job"].data.actionConfiguration.configuration;
    const parameters = parseUserParameters(configuration.UserParameters);
    if (typeof parameters === "string") {
        return { ok: false, jobId, error: parameters };
    }
    const functionName = parameters.functionName ?? env.targetFunctionName;
    if (functionName === undefined) {
        return {
            ok: false,
            jobId,
            error: "no target function: set functionName in UserParameters or TARGET_FUNCTION_NAME on the deploy function",
        };
    }
    if (configuration.FunctionName !== undefined && baseName(functionName) === baseName(configuration.FunctionName)) {
        return { ok: false, jobId, error: `the target function ${functionName} is this deploy function; name the application function` };
    }
    return {
        ok: true,
        jobId,
        request: {
            imageUri: parameters.imageUri,
            functionName,
            ...(parameters.commit === undefined ? {} : { commit: parameters.commit }),
        },
    };
}

function baseName(functionNameOrArn: string): string {
    return functionNameOrArn.slice(functionNameOrArn.lastIndexOf(":") + 1);
}
