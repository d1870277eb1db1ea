/** The deployability controls: what `tsc` never sees but AWS rejects (shared/reference/aws-deploy-facts.md). */
import { withLevels } from "../levels";
import type { Control, Rule } from "../types";
import { codePipelineV2 } from "./DEPLOY.CodePipelineV2";
import { ecsCodeDeploy } from "./DEPLOY.EcsCodeDeploy";
import { elastiCacheAuthToken } from "./DEPLOY.ElastiCacheAuthToken";
import { elastiCacheEngineName } from "./DEPLOY.ElastiCacheEngineName";
import { elastiCacheFailover } from "./DEPLOY.ElastiCacheFailover";
import { eventBridgeSnsPublish } from "./DEPLOY.EventBridgeSnsPublish";
import { flowLogRole } from "./DEPLOY.FlowLogRole";
import { lambdaImagePushed } from "./DEPLOY.LambdaImagePushed";
import { lambdaRuntime } from "./DEPLOY.LambdaRuntime";
import { logGroupKmsPolicy } from "./DEPLOY.LogGroupKmsPolicy";
import { nameLimits } from "./DEPLOY.NameLimits";
import { rdsEngineVersion } from "./DEPLOY.RdsEngineVersion";
import { rdsExtendedSupport } from "./DEPLOY.RdsExtendedSupport";
import { rdsManagedPassword } from "./DEPLOY.RdsManagedPassword";

const rules: readonly Rule[] = [
    codePipelineV2,
    ecsCodeDeploy,
    elastiCacheAuthToken,
    elastiCacheEngineName,
    elastiCacheFailover,
    eventBridgeSnsPublish,
    flowLogRole,
    lambdaImagePushed,
    lambdaRuntime,
    logGroupKmsPolicy,
    nameLimits,
    rdsEngineVersion,
    rdsExtendedSupport,
    rdsManagedPassword,
];

export const deployabilityControls: readonly Control[] = rules.map(withLevels);
