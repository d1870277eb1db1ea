/**
 * CodePipeline type: `@pulumi/aws` defaults to V1, which bills $1 per active pipeline-month and
 * lacks triggers and queued execution; V2 bills per action-minute with 100 free minutes.
 */
import type { ResourceRule } from "../types";
import { str } from "./read";

export const codePipelineV2: ResourceRule = {
    id: "DEPLOY.CodePipelineV2",
    title: "CodePipeline pipelines are type V2",
    kind: "deployability",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:codepipeline/pipeline:Pipeline"],
    remediation: 'Set pipelineType: "V2".',
    source: "https://aws.amazon.com/codepipeline/pricing/",
    check(resource) {
        const type = str(resource.props["pipelineType"]);
        if (type === "V2") return [];
        const what = type === undefined ? "pipelineType is unset, which means V1" : `pipelineType is "${type}"`;
        const message = `${resource.name}: ${what}; triggers and queued mode need V2, and V1 bills $1 per active pipeline-month.`;
        return [{ message, input: "pipelineType", ...(type === undefined ? {} : { value: type }), rule: 'pipelineType "V2"' }];
    },
};
