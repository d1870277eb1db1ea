/**
 * Resources of a service AWS does not run in the stack's region: `pulumi up` fails at the first
 * call, since the service has no endpoint there (CodeCommit or CodeStar Connections in a newer
 * region, for one). Which service runs where is AWS's SDK endpoint data, vendored in
 * src/aws/data/services.json. A resource's own `region` input (a @pulumi/aws v7 feature) wins
 * over the stack's; an unknown region, a fallback one, or one outside the data is not evaluated.
 */
import { REGIONAL_TYPES, SERVICE_REGIONS, offeredIn, serviceOf } from "../../../aws/services";
import type { ResourceRule } from "../types";
import { str } from "./read";
import { NOT_EVALUATED, readInput } from "./unknown";

const SOURCE = `${SERVICE_REGIONS.provenance.source}, ${SERVICE_REGIONS.provenance.package} ${SERVICE_REGIONS.provenance.version}`;

export const serviceRegion: ResourceRule = {
    id: "DEPLOY.ServiceRegion",
    title: "Every resource's service is offered in the region it is created in",
    kind: "deployability",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: REGIONAL_TYPES,
    remediation:
        "Deploy the stack to a region that offers the service the message names (aws:region, or the resource's region input), " +
        "or leave that resource out in this region (a GitHub source through CodeStar Connections instead of CodeCommit).",
    source: SOURCE,
    check(resource, ctx) {
        const own = readInput(resource.props, "region");
        if (own === NOT_EVALUATED) return [];
        const region = str(own) ?? (ctx.regionAssumed === true ? undefined : ctx.region);
        const service = serviceOf(resource.type);
        if (region === undefined || service === undefined || offeredIn(service, region) !== false) return [];
        const input = str(own) === undefined ? "aws:region" : "region";
        const rule = `${service} has an endpoint in ${region}`;
        const message = `${resource.name}: ${input} = "${region}": AWS offers no ${service} endpoint in ${region} [rule: ${rule}; source: ${SOURCE}].`;
        return [{ message, input, value: region, rule, source: SOURCE }];
    },
};
