/** The deployability controls: what `tsc` never sees but AWS rejects; the AWS facts they read are in src/aws. */
import { withLevels } from "../levels";
import type { Control, Rule } from "../types";
import { codePipelineV2 } from "./DEPLOY.CodePipelineV2";
import { ecsCodeDeploy } from "./DEPLOY.EcsCodeDeploy";
import { elastiCacheAuthToken } from "./DEPLOY.ElastiCacheAuthToken";
import { elastiCacheEngineName } from "./DEPLOY.ElastiCacheEngineName";
import { elastiCacheFailover } from "./DEPLOY.ElastiCacheFailover";
import { eventBridgeSnsPublish } from "./DEPLOY.EventBridgeSnsPublish";
import { flowLogRole } from "./DEPLOY.FlowLogRole";
import { inputConstraints } from "./DEPLOY.InputConstraints";
import { lambdaImagePushed } from "./DEPLOY.LambdaImagePushed";
import { logGroupKmsPolicy } from "./DEPLOY.LogGroupKmsPolicy";
import { nameLimits } from "./DEPLOY.NameLimits";
import { rdsExtendedSupport } from "./DEPLOY.RdsExtendedSupport";
import { rdsManagedPassword } from "./DEPLOY.RdsManagedPassword";
import { rdsWindows } from "./DEPLOY.RdsWindows";
import { serviceRegion } from "./DEPLOY.ServiceRegion";
import { versionOffered } from "./DEPLOY.VersionOffered";
import { versionSupport } from "./DEPLOY.VersionSupport";

const rules: readonly Rule[] = [
    codePipelineV2,
    ecsCodeDeploy,
    elastiCacheAuthToken,
    elastiCacheEngineName,
    elastiCacheFailover,
    eventBridgeSnsPublish,
    flowLogRole,
    inputConstraints,
    lambdaImagePushed,
    logGroupKmsPolicy,
    nameLimits,
    rdsExtendedSupport,
    rdsManagedPassword,
    rdsWindows,
    serviceRegion,
    versionOffered,
    versionSupport,
];

export const deployabilityControls: readonly Control[] = rules.map(withLevels);
