import type { Finding, PolicyTarget, StackRule } from "../types";
import { ofType, referenced } from "../../model/plan";
import { show } from "./read";

const SECURE: Record<string, string> = { application: "HTTPS", network: "TLS" };
const NETWORK_PROTOCOLS = ["TCP", "TLS", "UDP", "TCP_UDP", "QUIC", "TCP_QUIC"];
const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];

/** The listener's load balancer type: from the load balancer in the stack, else from the protocol. */
function loadBalancerType(listener: PolicyTarget, resources: readonly PolicyTarget[]): string {
    const lb = referenced(listener.props.loadBalancerArn, resources, ...LOAD_BALANCERS)[0];
    if (lb !== undefined) return String(lb.props.loadBalancerType ?? "application");
    return NETWORK_PROTOCOLS.includes(String(listener.props.protocol)) ? "network" : "application";
}

const control: StackRule = {
    id: "ELB.18",
    title: "Application and Network Load Balancer listeners should use secure protocols to encrypt data in transit",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
    remediation:
        "Set protocol to \"HTTPS\" on application and \"TLS\" on network aws.lb.Listener resources (with certificateArn).",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-18",
    check: (resources) =>
        ofType(resources, "aws:lb/listener:Listener", "aws:alb/listener:Listener").flatMap((listener): Finding[] => {
            const type = loadBalancerType(listener, resources);
            const secure = SECURE[type];
            // An application listener's protocol is HTTP when not given; gateway listeners carry GENEVE.
            const protocol = listener.props.protocol ?? "HTTP";
            if (secure === undefined || protocol === secure) return [];
            const message = `protocol is ${show(protocol)}; ${type} load balancer listeners must use "${secure}"`;
            return [{ urn: listener.urn, message }];
        }),
};

export default control;
