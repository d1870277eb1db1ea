/** CodePipeline and CodeBuild. */
import type { PlannedResource } from "../../model/types";
import type { CostLines } from "../lines";
import { describeAssumption } from "../assumptions";
import { obj, str } from "../inputs";
import { CODEPIPELINE_V2_FREE_ACTION_MINUTES, isPriceKey } from "../prices";
import { TYPES } from "./common";

/** Free V2 minutes are shared by the account: the stack's first V2 pipelines use them up. */
function freeMinutesBefore(r: PlannedResource, lines: CostLines): number {
    const v2 = lines.ofType(TYPES.pipeline).filter((p) => str(p.inputs.pipelineType) === "V2");
    const earlier = v2.findIndex((p) => p.urn === r.urn);
    const usedBefore = earlier * lines.assumptions.pipelineActionMinutes;
    return Math.max(0, CODEPIPELINE_V2_FREE_ACTION_MINUTES - usedBefore);
}

export function pipeline(r: PlannedResource, lines: CostLines): void {
    const type = str(r.inputs.pipelineType) ?? "V1";
    if (type === "V1") {
        lines.add(r, { key: "codepipeline.v1.activePipelineMonth", description: "Active V1 pipeline", quantity: 1 });
        return;
    }
    const minutes = lines.assumptions.pipelineActionMinutes;
    const free = Math.min(minutes, freeMinutesBefore(r, lines));
    lines.add(r, {
        key: "codepipeline.v2.actionMinute",
        description: "V2 pipeline action minutes",
        quantity: minutes - free,
        assumption: describeAssumption(
            "pipelineActionMinutes",
            minutes,
            free === 0
                ? undefined
                : free === CODEPIPELINE_V2_FREE_ACTION_MINUTES
                  ? `less the account's ${free} free minutes`
                  : `less the remaining ${free} of the account's ${CODEPIPELINE_V2_FREE_ACTION_MINUTES} free minutes`,
        ),
    });
}

export function buildProject(r: PlannedResource, lines: CostLines): void {
    const environment = obj(r.inputs.environment);
    const computeType = str(environment?.computeType) ?? "(none)";
    const envType = str(environment?.type) ?? "(none)";
    const key = `codebuild.${computeType}.linux.minute`;
    if (envType !== "LINUX_CONTAINER" || !isPriceKey(key)) {
        lines.note(r, `no price in the table for ${computeType} on ${envType}; builds not priced`);
        return;
    }
    const minutes = lines.assumptions.buildMinutes;
    lines.add(r, {
        key,
        description: `${computeType} Linux build minutes`,
        quantity: minutes,
        assumption: describeAssumption("buildMinutes", minutes),
    });
}
