/** Elastic Load Balancing facts: the TLS policies Security Hub accepts, the log-delivery accounts. */
import type { AwsRegion } from "./regions";

/**
 * The TLS policies Security Hub ELB.17 accepts. `ELBSecurityPolicy-TLS13-1-3-2021-06` negotiates
 * TLS 1.3 only; the `-1-2-Res-` ones also admit TLS 1.2 with forward-secret AEAD ciphers, for
 * clients that cannot speak 1.3 yet.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */
export const TLS_POLICIES = [
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
] as const;
export type TlsPolicy = (typeof TLS_POLICIES)[number];

/**
 * Elastic Load Balancing's log-delivery account per region, for regions opened before August
 * 2022; later regions deliver as the `logdelivery.elasticloadbalancing.amazonaws.com` service.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html#attach-bucket-policy
 */
export const ELB_LOG_DELIVERY_ACCOUNTS: Partial<Readonly<Record<AwsRegion, string>>> = {
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "af-south-1": "098369216593",
    "ap-east-1": "754344448648",
    "ap-south-1": "718504428378",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
    "ap-southeast-3": "589379963580",
    "ap-northeast-1": "582318560864",
    "ap-northeast-2": "600734575887",
    "ap-northeast-3": "383597477331",
    "ca-central-1": "985666609251",
    "eu-central-1": "054676820928",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-west-3": "009996457667",
    "eu-south-1": "635631232127",
    "eu-north-1": "897822967062",
    "me-south-1": "076674570225",
    "sa-east-1": "507241528517",
};
