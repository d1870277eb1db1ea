/**
 * What the access check reads and reports. It reads only the planned resources (type, logical
 * name, inputs), so it runs the same inside the offline planner and the CrossGuard pack.
 */

/** A resource as the access check reads it: a `PlannedResource` or a CrossGuard resource fits. */
export interface AccessResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly inputs: Record<string, unknown>;
}

/** One call an AWS service makes on the stack's behalf, derived from a contract row. */
export interface AccessCall {
    /** The contract row it comes from (`contracts.ts`). */
    readonly contract: string;
    /** `create` when AWS makes it while creating a resource, `run` when the system runs. */
    readonly when: "create" | "run";
    /** A role ARN, a service principal (`events.amazonaws.com`) or an account root. */
    readonly principal: string;
    readonly action: string;
    /** The resource ARN, or `*` for an action that supports no resource type. */
    readonly resource: string;
    /** The request context AWS sends: `aws:SourceArn`, `kms:ViaService`, `kms:EncryptionContext:*`... */
    readonly context: Readonly<Record<string, string | readonly string[]>>;
    /** The resource that wires the integration (a task definition, a pipeline, an event target). */
    readonly wiredBy: string;
    /** The AWS page that documents the call. */
    readonly doc: string;
}

/** A call the stack's policies would deny: a mandatory violation on `urn`. */
export interface AccessDenial {
    /** The resource whose policy must change: the role (identity policy) or the resource (its policy). */
    readonly urn: string;
    readonly contract: string;
    readonly principal: string;
    readonly action: string;
    readonly resource: string;
    /** Which policy denied it: `identity`, `resource` (bucket, topic, key policy...) or `trust`. */
    readonly deniedBy: string;
    readonly doc: string;
    readonly message: string;
}

/** An Allow statement no contract call needs: an advisory finding on the document's resource. */
export interface UnusedGrant {
    readonly urn: string;
    /** The statement's Sid, or its 1-based index. */
    readonly statement: string;
    readonly actions: readonly string[];
    readonly message: string;
}

/** A statement that the Service Authorization Reference says can never do what it says. */
export interface DocumentProblem {
    readonly urn: string;
    readonly statement: string;
    readonly message: string;
}

/** The `access` field of a plan: `{ checked, denied, unused }` plus what the reference check found. */
export interface AccessReport {
    /** Contract calls evaluated. */
    readonly checked: number;
    readonly denied: readonly AccessDenial[];
    readonly unused: readonly UnusedGrant[];
    /** Statements that name unknown actions, resources no action supports, or invalid condition keys. */
    readonly documents: readonly DocumentProblem[];
    /** Where the data came from: the Service Authorization Reference's version and date. */
    readonly reference: string;
}
