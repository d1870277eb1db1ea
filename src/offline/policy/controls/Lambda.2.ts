import type { ResourceRule } from "../types";
import { show } from "./read";

// Security Hub's list at the time of writing; AWS maintains it, so re-check it when runtimes retire.
const SUPPORTED_RUNTIMES = [
    "dotnet8",
    "java25",
    "java21",
    "java17",
    "java11",
    "java8.al2",
    "nodejs24.x",
    "nodejs22.x",
    "nodejs20.x",
    "python3.14",
    "python3.13",
    "python3.12",
    "python3.11",
    "python3.10",
    "ruby3.4",
    "ruby3.3",
    "ruby3.2",
];

const control: ResourceRule = {
    id: "Lambda.2",
    title: "Lambda functions should use supported runtimes",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/12.3.4"],
    resourceTypes: ["aws:lambda/function:Function"],
    remediation:
        "Set runtime on the zip-packaged aws.lambda.Function to a supported runtime such as \"nodejs22.x\" or \"python3.13\".",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-2",
    check: (fn) => {
        if ((fn.props.packageType ?? "Zip") !== "Zip") return [];
        const runtime = fn.props.runtime;
        return typeof runtime === "string" && SUPPORTED_RUNTIMES.includes(runtime)
            ? []
            : [`runtime ${show(runtime)} is not a supported Lambda runtime`];
    },
};

export default control;
