import { lambdaRuntimeSupported } from "../../../aws/lifecycles";
import type { ResourceRule } from "../types";
import { show } from "./read";


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
    // Supported means listed by AWS and not past its deprecation date on the plan's day, from
    // the one runtime table (src/aws/lifecycles.ts) that DEPLOY.VersionOffered reads too.
    check: (fn, ctx) => {
        if ((fn.props.packageType ?? "Zip") !== "Zip") return [];
        const runtime = fn.props.runtime;
        return typeof runtime === "string" && lambdaRuntimeSupported(runtime, ctx.today ?? new Date())
            ? []
            : [`runtime ${show(runtime)} is not a supported Lambda runtime`];
    },
};

export default control;
