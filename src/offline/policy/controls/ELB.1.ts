import type { PolicyTarget, StackRule } from "../types";
import { ofType, referenced } from "../../model/plan";
import { block, blocks } from "./read";

const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];

function onApplicationLoadBalancer(listener: PolicyTarget, resources: readonly PolicyTarget[]): boolean {
    const lb = referenced(listener.props.loadBalancerArn, resources, ...LOAD_BALANCERS)[0];
    return (lb?.props.loadBalancerType ?? "application") === "application";
}

function redirectsToHttps(listener: PolicyTarget): boolean {
    return blocks(listener.props.defaultActions).some(
        (action) => action.type === "redirect" && block(action.redirect)?.protocol === "HTTPS",
    );
}

const control: StackRule = {
    id: "ELB.1",
    title: "Application Load Balancer should be configured to redirect all HTTP requests to HTTPS",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: ["PCI DSS v3.2.1/2.3", "PCI DSS v3.2.1/4.1"],
    resourceTypes: [
        "aws:lb/listener:Listener",
        "aws:alb/listener:Listener",
        "aws:lb/loadBalancer:LoadBalancer",
        "aws:alb/loadBalancer:LoadBalancer",
    ],
    remediation:
        "Give every HTTP aws.lb.Listener of an application load balancer a defaultActions entry of type \"redirect\" with redirect.protocol \"HTTPS\" and port \"443\".",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-1",
    check: (resources) =>
        ofType(resources, "aws:lb/listener:Listener", "aws:alb/listener:Listener")
            // An application listener's protocol is HTTP when not given.
            .filter((listener) => (listener.props.protocol ?? "HTTP") === "HTTP")
            .filter((listener) => onApplicationLoadBalancer(listener, resources) && !redirectsToHttps(listener))
            .map((listener) => ({
                urn: listener.urn,
                message: 'HTTP listener has no defaultActions entry of type "redirect" with redirect.protocol "HTTPS"',
            })),
};

export default control;
