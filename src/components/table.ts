/**
 * A DynamoDB table: on-demand billing, point-in-time recovery, server-side encryption with the
 * customer key, deletion protection where the profile keeps data. The key schema comes from the
 * code that reads and writes the table (e.g. `DEPLOYMENT_HISTORY_KEYS` of the deploy function),
 * so the table and its client cannot disagree.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs, StatefulArgs } from "./common";
import { lifecycle, TOKEN } from "./common";
import { KEY_DECRYPT_ACTIONS, keyStatement } from "./encryption";
import { grantKey, type Grantee } from "./iam";

/** Reading items by key and querying. */
export const TABLE_READ_ACTIONS = ["dynamodb:GetItem", "dynamodb:Query"] as const;
/** Writing and updating items. */
export const TABLE_WRITE_ACTIONS = ["dynamodb:PutItem", "dynamodb:UpdateItem"] as const;

/** A key attribute: DynamoDB types only the key attributes, as S (string), N (number) or B (binary). */
export interface KeyAttribute {
    /** The attribute's name. */
    readonly name: string;
    /** Its type: S (string), N (number) or B (binary). */
    readonly type: "S" | "N" | "B";
}

/** The table's primary key, in the shape the table's client code exports. */
export interface KeySchema {
    /** The partition key's attribute name. */
    readonly hashKey: string;
    /** The sort key's attribute name. @default - none */
    readonly rangeKey?: string;
    /** The key attributes with their types. */
    readonly attributes: readonly KeyAttribute[];
}

export interface DynamoDbTableArgs extends BaseArgs, StatefulArgs {
    /** Resource key of the table name: `<system>-<tableName>-<suffix>`. */
    readonly tableName: string;
    /** The table's key schema. */
    readonly keys: KeySchema;
    /** The customer key the table is encrypted with. */
    readonly kmsKeyArn: pulumi.Input<string>;
}

/** What is wrong with a key schema: every key attribute defined exactly once, and nothing else. */
export function keySchemaProblems(keys: KeySchema): string[] {
    const problems: string[] = [];
    const keyNames = [keys.hashKey, ...(keys.rangeKey === undefined ? [] : [keys.rangeKey])];
    const defined = keys.attributes.map((a) => a.name);
    for (const name of keyNames) {
        if (!defined.includes(name)) problems.push(`key attribute "${name}" has no entry in attributes`);
    }
    for (const name of defined) {
        // DynamoDB rejects a table whose attribute definitions name a non-key attribute.
        if (!keyNames.includes(name)) problems.push(`attribute "${name}" is not a key; DynamoDB only accepts definitions of key attributes`);
    }
    if (new Set(defined).size !== defined.length) problems.push("an attribute is defined more than once");
    if (keys.rangeKey !== undefined && keys.rangeKey === keys.hashKey) problems.push("the sort key must differ from the partition key");
    return problems;
}

export class DynamoDbTable extends pulumi.ComponentResource {
    /** @internal The DynamoDB table; read `name` and `arn` instead. */
    readonly table: aws.dynamodb.Table;
    /** The table's name. */
    readonly name: pulumi.Output<string>;
    /** The table's ARN. */
    readonly arn: pulumi.Output<string>;
    private readonly resourceName: string;
    private readonly kmsKeyArn: pulumi.Input<string>;
    private readonly region: pulumi.Output<string>;

    constructor(name: string, args: DynamoDbTableArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:dynamodb:Table`, name, {}, opts);
        const problems = keySchemaProblems(args.keys);
        if (problems.length > 0) throw new Error(`DynamoDbTable ${name}: ${problems.join("; ")}`);
        this.resourceName = name;
        this.kmsKeyArn = args.kmsKeyArn;
        this.region = aws.getRegionOutput({}, { parent: this }).region;
        this.table = new aws.dynamodb.Table(
            name,
            {
                name: args.namer.name(args.tableName, "dynamodbTable"),
                // On-demand: a deployment history sees a few writes a day, far below one provisioned unit's cost.
                billingMode: "PAY_PER_REQUEST",
                hashKey: args.keys.hashKey,
                rangeKey: args.keys.rangeKey,
                attributes: args.keys.attributes.map((a) => ({ name: a.name, type: a.type })),
                pointInTimeRecovery: { enabled: true },
                serverSideEncryption: { enabled: true, kmsKeyArn: args.kmsKeyArn },
                deletionProtectionEnabled: lifecycle(args.removal).deletionProtection,
                tags: args.tags,
            },
            { parent: this, protect: lifecycle(args.removal).protect },
        );
        this.name = this.table.name;
        this.arn = this.table.arn;
        this.registerOutputs({ name: this.name, arn: this.arn });
    }

    /** Get and query items; DynamoDB decrypts them with the table's key on the reader's behalf. */
    grantReadData(grantee: Grantee): void {
        grantee.grant(grantKey(this.resourceName, "read"), [
            { Sid: "ReadItems", Action: [...TABLE_READ_ACTIONS], Resource: this.arn },
            keyStatement("TableKey", this.kmsKeyArn, KEY_DECRYPT_ACTIONS, { service: "dynamodb", region: this.region }),
        ]);
    }

    /** Get, query, put and update items, with the key operations DynamoDB makes for writes. */
    grantReadWriteData(grantee: Grantee): void {
        grantee.grant(grantKey(this.resourceName, "read-write"), [
            { Sid: "ReadWriteItems", Action: [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS], Resource: this.arn },
            keyStatement("TableKey", this.kmsKeyArn, ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"], { service: "dynamodb", region: this.region }),
        ]);
    }
}
