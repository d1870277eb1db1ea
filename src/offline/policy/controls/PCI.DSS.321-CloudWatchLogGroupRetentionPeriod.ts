import type { ResourceRule } from "../types";

// Prod follows Security Hub CloudWatch.16; dev logs die with the stack, so any explicit retention will do.
const PROD_MINIMUM_DAYS = 365;

// Severity of Security Hub CloudWatch.16, its equivalent outside FSBP.
const control: ResourceRule = {
    id: "PCI.DSS.321-CloudWatchLogGroupRetentionPeriod",
    title: "The CloudWatch Log Group does not have an explicit retention period configured",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    remediation:
        "Set retentionInDays on the aws.cloudwatch.LogGroup: any value in dev, at least 365 (or 0, never expire) in prod.",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (group, ctx) => {
        const days = group.props.retentionInDays;
        if (typeof days !== "number") return ["retentionInDays is unset, so logs are kept forever; set an explicit retention"];
        if (ctx.profile === "prod" && days !== 0 && days < PROD_MINIMUM_DAYS) {
            return [`retentionInDays is ${days}; prod keeps logs at least ${PROD_MINIMUM_DAYS} days`];
        }
        return [];
    },
};

export default control;
