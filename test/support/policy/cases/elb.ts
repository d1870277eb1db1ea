import ELB1 from "../../../../src/offline/policy/controls/ELB.1";
import ELB4 from "../../../../src/offline/policy/controls/ELB.4";
import ELB5 from "../../../../src/offline/policy/controls/ELB.5";
import ELB6 from "../../../../src/offline/policy/controls/ELB.6";
import ELB12 from "../../../../src/offline/policy/controls/ELB.12";
import ELB13 from "../../../../src/offline/policy/controls/ELB.13";
import ELB17 from "../../../../src/offline/policy/controls/ELB.17";
import ELB18 from "../../../../src/offline/policy/controls/ELB.18";
import ELB21 from "../../../../src/offline/policy/controls/ELB.21";
import ELB22 from "../../../../src/offline/policy/controls/ELB.22";
import { builder, controlCases, dev, fail, pass } from "../controls";

const lb = builder("aws:lb/loadBalancer:LoadBalancer");
const alb = builder("aws:alb/loadBalancer:LoadBalancer");
const listener = builder("aws:lb/listener:Listener");
const albListener = builder("aws:alb/listener:Listener");
const targetGroup = builder("aws:lb/targetGroup:TargetGroup");
const subnet = builder("aws:ec2/subnet:Subnet");

const web = lb({ loadBalancerType: "application" }, "web");
const nlb = lb({ loadBalancerType: "network" }, "net");
const forward = [{ type: "forward", targetGroupArn: "blue-id" }];
const redirect = [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }];
const tls13 = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";

controlCases(ELB1, {
    passing: [
        pass("HTTP redirects to HTTPS", [web, listener({ loadBalancerArn: "web-id", protocol: "HTTP", port: 80, defaultActions: redirect })]),
        pass("HTTPS forward", [web, listener({ loadBalancerArn: "web-id", protocol: "HTTPS", port: 443, sslPolicy: tls13, defaultActions: forward })]),
        pass("gateway listener without a protocol", [lb({ loadBalancerType: "gateway" }, "gw"), listener({ loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/gwy/gw", defaultActions: forward })]),
    ],
    failing: [
        fail("HTTP forward", [web, listener({ loadBalancerArn: "web-id", protocol: "HTTP", port: 80, defaultActions: forward })], "defaultActions"),
        fail("protocol unset on an aws.alb listener", [alb({}, "web"), albListener({ loadBalancerArn: "web-id", port: 80, defaultActions: forward })], "redirect.protocol"),
        fail("redirect that stays on HTTP", [web, listener({ loadBalancerArn: "web-id", protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { port: "8080", statusCode: "HTTP_302" } }] })], "redirect"),
    ],
});

controlCases(ELB4, {
    passing: [pass("drops invalid headers", lb({ dropInvalidHeaderFields: true })), pass("network load balancer", nlb)],
    failing: [
        fail("unset on an application load balancer", lb(), "dropInvalidHeaderFields"),
        fail("false on an aws.alb load balancer", alb({ dropInvalidHeaderFields: false }), "dropInvalidHeaderFields"),
    ],
});

controlCases(ELB5, {
    passing: [pass("logs to a bucket", lb({ accessLogs: { enabled: true, bucket: "fastcart-alb-logs-dev" } }))],
    failing: [
        fail("no accessLogs", lb(), "accessLogs.enabled"),
        fail("bucket given, enabled unset (default false)", lb({ accessLogs: { bucket: "logs" } }), "accessLogs.enabled"),
        fail("enabled without a bucket", lb({ accessLogs: { enabled: true, bucket: "" } }), "accessLogs.bucket"),
    ],
});

controlCases(ELB6, {
    passing: [pass("deletion protection", lb({ enableDeletionProtection: true }))],
    failing: [
        fail("unset (default false)", lb(), "enableDeletionProtection"),
        fail("false in dev", alb({ enableDeletionProtection: false }), "enableDeletionProtection", 1, dev),
    ],
});

controlCases(ELB12, {
    passing: [
        pass("unset (defensive)", lb()),
        pass("strictest", lb({ desyncMitigationMode: "strictest" })),
        pass("network load balancer", lb({ loadBalancerType: "network", desyncMitigationMode: "monitor" })),
    ],
    failing: [fail("monitor", lb({ desyncMitigationMode: "monitor" }), "desyncMitigationMode")],
});

const zones = [
    subnet({ availabilityZone: "us-east-1a" }, "public-a"),
    subnet({ availabilityZone: "us-east-1b" }, "public-b"),
    subnet({ availabilityZone: "us-east-1a" }, "public-c"),
];

controlCases(ELB13, {
    passing: [
        pass("two zones", [...zones, lb({ subnets: ["public-a-id", "public-b-id"] })]),
        pass("two zones by subnetMappings", [...zones, lb({ loadBalancerType: "network", subnetMappings: [{ subnetId: "public-a-id" }, { subnetId: "public-b-id" }] })]),
    ],
    failing: [
        fail("one zone", [...zones, lb({ subnets: ["public-a-id", "public-c-id"] })], "subnets"),
        fail("a subnet the stack does not declare", [...zones, alb({ subnets: ["public-a-id", "subnet-0abc"] })], "subnet-0abc"),
    ],
});

controlCases(ELB17, {
    passing: [
        pass("TLS 1.3 policy", listener({ protocol: "HTTPS", sslPolicy: tls13 })),
        pass("HTTP listener has no TLS policy", listener({ protocol: "HTTP" })),
    ],
    failing: [
        fail("HTTPS without sslPolicy", listener({ protocol: "HTTPS" }), "sslPolicy"),
        fail("TLS with a 2016 policy", albListener({ protocol: "TLS", sslPolicy: "ELBSecurityPolicy-2016-08" }), "sslPolicy"),
    ],
});

controlCases(ELB18, {
    passing: [
        pass("HTTPS on an application load balancer", [web, listener({ loadBalancerArn: "web-id", protocol: "HTTPS" })]),
        pass("TLS on a network load balancer", [nlb, listener({ loadBalancerArn: "net-id", protocol: "TLS" })]),
        pass("gateway load balancer", [lb({ loadBalancerType: "gateway" }, "gw"), listener({ loadBalancerArn: "gw-id" })]),
    ],
    failing: [
        fail("HTTP redirect listener", [web, listener({ loadBalancerArn: "web-id", protocol: "HTTP", defaultActions: redirect })], "protocol"),
        fail("protocol unset on an application load balancer", [web, albListener({ loadBalancerArn: "web-id" })], "protocol"),
        fail("TCP on a network load balancer", [nlb, listener({ loadBalancerArn: "net-id", protocol: "TCP" })], '"TLS"'),
        fail("TCP on a load balancer outside the stack", listener({ loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/x/1", protocol: "TCP" }), "protocol"),
    ],
});

controlCases(ELB21, {
    passing: [
        pass("HTTPS health check", targetGroup({ targetType: "ip", protocol: "HTTPS", healthCheck: { protocol: "HTTPS", path: "/health" } })),
        pass("Lambda target", targetGroup({ targetType: "lambda" })),
    ],
    failing: [
        fail("health check unset (HTTP)", targetGroup({ targetType: "ip", protocol: "HTTP" }), "healthCheck.protocol"),
        fail("HTTP health check", targetGroup({ targetType: "ip", healthCheck: { protocol: "HTTP" } }), "healthCheck.protocol"),
    ],
});

controlCases(ELB22, {
    passing: [
        pass("HTTPS targets", targetGroup({ targetType: "ip", protocol: "HTTPS" })),
        pass("Lambda target", targetGroup({ targetType: "lambda" })),
        pass("ALB target of an NLB", targetGroup({ targetType: "alb", protocol: "TCP" })),
        pass("GENEVE", targetGroup({ protocol: "GENEVE" })),
    ],
    failing: [
        fail("HTTP to Fargate", targetGroup({ targetType: "ip", protocol: "HTTP", port: 8080 }), "protocol"),
        fail("TCP instances", targetGroup({ protocol: "TCP" }), "protocol"),
    ],
});
