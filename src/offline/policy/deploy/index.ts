/** The deployability controls: what `tsc` never sees but AWS rejects (each control names its AWS source). */
import type { Control } from "../types";
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

export const deployabilityControls: readonly Control[] = [
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
