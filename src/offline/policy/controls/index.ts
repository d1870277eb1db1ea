/**
 * The security controls of the policy pack, one file per control named by its id, sorted by id
 * in code-point order. Each names its source: the AWS Security Hub control reference or the
 * cdk-nag AwsSolutions rule it follows.
 */
import { withLevels } from "../levels";
import type { Control, Rule } from "../types";
import AwsSolutions_AEC5 from "./AwsSolutions-AEC5";
import AwsSolutions_AEC6 from "./AwsSolutions-AEC6";
import AwsSolutions_CB3 from "./AwsSolutions-CB3";
import AwsSolutions_CB4 from "./AwsSolutions-CB4";
import AwsSolutions_ECR1 from "./AwsSolutions-ECR1";
import AwsSolutions_ECS2 from "./AwsSolutions-ECS2";
import AwsSolutions_EVB1 from "./AwsSolutions-EVB1";
import AwsSolutions_IAM4 from "./AwsSolutions-IAM4";
import AwsSolutions_IAM5 from "./AwsSolutions-IAM5";
import AwsSolutions_KMS5 from "./AwsSolutions-KMS5";
import AwsSolutions_SNS3 from "./AwsSolutions-SNS3";
import CodeBuild_1 from "./CodeBuild.1";
import CodeBuild_2 from "./CodeBuild.2";
import CodeBuild_3 from "./CodeBuild.3";
import CodeBuild_4 from "./CodeBuild.4";
import DynamoDB_1 from "./DynamoDB.1";
import DynamoDB_2 from "./DynamoDB.2";
import DynamoDB_6 from "./DynamoDB.6";
import EC2_10 from "./EC2.10";
import EC2_15 from "./EC2.15";
import EC2_18 from "./EC2.18";
import EC2_19 from "./EC2.19";
import EC2_2 from "./EC2.2";
import EC2_55 from "./EC2.55";
import EC2_56 from "./EC2.56";
import EC2_57 from "./EC2.57";
import EC2_58 from "./EC2.58";
import EC2_6 from "./EC2.6";
import EC2_60 from "./EC2.60";
import ECR_1 from "./ECR.1";
import ECR_2 from "./ECR.2";
import ECR_3 from "./ECR.3";
import ECS_1 from "./ECS.1";
import ECS_10 from "./ECS.10";
import ECS_12 from "./ECS.12";
import ECS_16 from "./ECS.16";
import ECS_18 from "./ECS.18";
import ECS_2 from "./ECS.2";
import ECS_20 from "./ECS.20";
import ECS_3 from "./ECS.3";
import ECS_4 from "./ECS.4";
import ECS_5 from "./ECS.5";
import ECS_8 from "./ECS.8";
import ECS_9 from "./ECS.9";
import ELB_1 from "./ELB.1";
import ELB_12 from "./ELB.12";
import ELB_13 from "./ELB.13";
import ELB_17 from "./ELB.17";
import ELB_18 from "./ELB.18";
import ELB_21 from "./ELB.21";
import ELB_22 from "./ELB.22";
import ELB_4 from "./ELB.4";
import ELB_5 from "./ELB.5";
import ELB_6 from "./ELB.6";
import ElastiCache_1 from "./ElastiCache.1";
import ElastiCache_2 from "./ElastiCache.2";
import ElastiCache_3 from "./ElastiCache.3";
import ElastiCache_4 from "./ElastiCache.4";
import ElastiCache_5 from "./ElastiCache.5";
import ElastiCache_6 from "./ElastiCache.6";
import ElastiCache_7 from "./ElastiCache.7";
import EventBridge_3 from "./EventBridge.3";
import IAM_1 from "./IAM.1";
import IAM_21 from "./IAM.21";
import KMS_1 from "./KMS.1";
import KMS_2 from "./KMS.2";
import KMS_5 from "./KMS.5";
import Kinesis_1 from "./Kinesis.1";
import Kinesis_3 from "./Kinesis.3";
import Lambda_1 from "./Lambda.1";
import Lambda_2 from "./Lambda.2";
import Lambda_5 from "./Lambda.5";
import PCI_DSS_321_CloudWatchLogGroupEncrypted from "./PCI.DSS.321-CloudWatchLogGroupEncrypted";
import PCI_DSS_321_CloudWatchLogGroupRetentionPeriod from "./PCI.DSS.321-CloudWatchLogGroupRetentionPeriod";
import PCI_DSS_321_LambdaInsideVPC from "./PCI.DSS.321-LambdaInsideVPC";
import PCI_DSS_321_S3DefaultEncryptionKMS from "./PCI.DSS.321-S3DefaultEncryptionKMS";
import PCI_DSS_321_SNSEncryptedKMS from "./PCI.DSS.321-SNSEncryptedKMS";
import PCI_DSS_321_SecretsManagerUsingKMSKey from "./PCI.DSS.321-SecretsManagerUsingKMSKey";
import RDS_10 from "./RDS.10";
import RDS_11 from "./RDS.11";
import RDS_13 from "./RDS.13";
import RDS_17 from "./RDS.17";
import RDS_2 from "./RDS.2";
import RDS_23 from "./RDS.23";
import RDS_25 from "./RDS.25";
import RDS_3 from "./RDS.3";
import RDS_36 from "./RDS.36";
import RDS_46 from "./RDS.46";
import RDS_5 from "./RDS.5";
import RDS_6 from "./RDS.6";
import RDS_8 from "./RDS.8";
import RDS_9 from "./RDS.9";
import S3_1 from "./S3.1";
import S3_12 from "./S3.12";
import S3_13 from "./S3.13";
import S3_2 from "./S3.2";
import S3_3 from "./S3.3";
import S3_5 from "./S3.5";
import S3_6 from "./S3.6";
import S3_8 from "./S3.8";
import S3_9 from "./S3.9";
import SNS_4 from "./SNS.4";
import SecretsManager_1 from "./SecretsManager.1";

const rules: readonly Rule[] = [
    AwsSolutions_AEC5,
    AwsSolutions_AEC6,
    AwsSolutions_CB3,
    AwsSolutions_CB4,
    AwsSolutions_ECR1,
    AwsSolutions_ECS2,
    AwsSolutions_EVB1,
    AwsSolutions_IAM4,
    AwsSolutions_IAM5,
    AwsSolutions_KMS5,
    AwsSolutions_SNS3,
    CodeBuild_1,
    CodeBuild_2,
    CodeBuild_3,
    CodeBuild_4,
    DynamoDB_1,
    DynamoDB_2,
    DynamoDB_6,
    EC2_10,
    EC2_15,
    EC2_18,
    EC2_19,
    EC2_2,
    EC2_55,
    EC2_56,
    EC2_57,
    EC2_58,
    EC2_6,
    EC2_60,
    ECR_1,
    ECR_2,
    ECR_3,
    ECS_1,
    ECS_10,
    ECS_12,
    ECS_16,
    ECS_18,
    ECS_2,
    ECS_20,
    ECS_3,
    ECS_4,
    ECS_5,
    ECS_8,
    ECS_9,
    ELB_1,
    ELB_12,
    ELB_13,
    ELB_17,
    ELB_18,
    ELB_21,
    ELB_22,
    ELB_4,
    ELB_5,
    ELB_6,
    ElastiCache_1,
    ElastiCache_2,
    ElastiCache_3,
    ElastiCache_4,
    ElastiCache_5,
    ElastiCache_6,
    ElastiCache_7,
    EventBridge_3,
    IAM_1,
    IAM_21,
    KMS_1,
    KMS_2,
    KMS_5,
    Kinesis_1,
    Kinesis_3,
    Lambda_1,
    Lambda_2,
    Lambda_5,
    PCI_DSS_321_CloudWatchLogGroupEncrypted,
    PCI_DSS_321_CloudWatchLogGroupRetentionPeriod,
    PCI_DSS_321_LambdaInsideVPC,
    PCI_DSS_321_S3DefaultEncryptionKMS,
    PCI_DSS_321_SNSEncryptedKMS,
    PCI_DSS_321_SecretsManagerUsingKMSKey,
    RDS_10,
    RDS_11,
    RDS_13,
    RDS_17,
    RDS_2,
    RDS_23,
    RDS_25,
    RDS_3,
    RDS_36,
    RDS_46,
    RDS_5,
    RDS_6,
    RDS_8,
    RDS_9,
    S3_1,
    S3_12,
    S3_13,
    S3_2,
    S3_3,
    S3_5,
    S3_6,
    S3_8,
    S3_9,
    SNS_4,
    SecretsManager_1,
];

export const securityControls: readonly Control[] = rules.map(withLevels);
