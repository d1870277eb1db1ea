/**
 * The security controls of the policy pack, one file per control named by its id, sorted by id
 * in code-point order. Their specification is shared/reference/aws-controls.json.
 */
import type { Control } from "../types";
import AwsSolutions_KMS5 from "./AwsSolutions-KMS5";
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
import KMS_1 from "./KMS.1";
import KMS_2 from "./KMS.2";
import KMS_5 from "./KMS.5";
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
import SecretsManager_1 from "./SecretsManager.1";

export const securityControls: readonly Control[] = [
    AwsSolutions_KMS5,
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
    KMS_1,
    KMS_2,
    KMS_5,
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
    SecretsManager_1,
];
