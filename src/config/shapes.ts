/**
 * Field schemas several systems share: instance classes, node types, CIDRs, retention.
 * Each message says what is allowed, so a bad value is fixed from the error alone.
 */
import { z } from "zod";
import { LOG_RETENTION_DAYS } from "../components/logs";
import { parseCidr } from "../components/network/cidr";

export const cidrBlock = z.string().superRefine((value, ctx) => {
    try {
        parseCidr(value);
    } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
    }
});

export const rdsInstanceClass = z
    .string()
    .regex(
        /^db\.(t3|t4g|m5|m5d|m6g|m6gd|m6i|m6id|m7g|m7i|m8g|r5|r5b|r6g|r6gd|r6i|r7g|r7i|r8g)\.(micro|small|medium|large|xlarge|(2|4|8|12|16|24|32|48)xlarge)$/,
        "must be an RDS PostgreSQL instance class such as db.t3.micro, db.t4g.medium or db.m7g.large",
    );

export const cacheNodeType = z
    .string()
    .regex(
        /^cache\.(t3|t4g|m5|m6g|m7g|r5|r6g|r7g)\.(micro|small|medium|large|xlarge|(2|4|8|12|16|24)xlarge)$/,
        "must be an ElastiCache node type such as cache.t3.micro or cache.r7g.large",
    );

export const logRetentionDays = z
    .number()
    .int()
    .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
        message: `must be a retention CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}`,
    });

export const natStrategy = z.enum(["none", "single", "perAz"], { message: 'must be "none", "single" or "perAz"' });

export const interfaceEndpoint = z.enum(["ecr.api", "ecr.dkr", "logs", "secretsmanager", "kinesis-streams", "kms", "sts"]);

export const email = z.email({ message: "must be an email address such as payments-oncall@example.com" });
