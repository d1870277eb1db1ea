/**
 * RDS enrols a database in paid Extended Support when its major version passes end of standard
 * support, unless `engineLifecycleSupport` opts out. The default is the expensive choice, so it
 * should be a decision written in the program.
 */
import { RDS_EXTENDED_SUPPORT_ENGINES } from "../../../aws/lifecycles";
import type { ResourceRule } from "../types";
import { str } from "./read";

export const rdsExtendedSupport: ResourceRule = {
    id: "DEPLOY.RdsExtendedSupport",
    title: "RDS engineLifecycleSupport is chosen explicitly",
    kind: "deployability",
    scope: "resource",
    severity: "Low",
    pci: [],
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    remediation:
        'Set engineLifecycleSupport: "open-source-rds-extended-support-disabled" (or "open-source-rds-extended-support" when paid Extended Support is wanted).',
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html",
    check(resource) {
        const engine = str(resource.props["engine"]);
        if (engine === undefined || !RDS_EXTENDED_SUPPORT_ENGINES.has(engine)) return [];
        if (str(resource.props["engineLifecycleSupport"]) !== undefined) return [];
        const version = str(resource.props["engineVersion"]);
        const what = version === undefined ? engine : `${engine} ${version}`;
        const message =
            `${resource.name}: engineLifecycleSupport is unset, so RDS enrols it in paid Extended Support when ${what} ` + "reaches end of standard support.";
        return [{ message, input: "engineLifecycleSupport", rule: "engineLifecycleSupport set explicitly" }];
    },
};
