import type { ResourceRule } from "../types";
import { block, blocks } from "./read";

/** The userinfo of `scheme://userinfo@host/...`, or undefined. */
function userinfo(location: unknown): string | undefined {
    return /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i.exec(String(location ?? ""))?.[1];
}

/**
 * `user:password` and `x-token-auth:<token>` carry a secret; so does a bare token, told from the
 * bare user name of Bitbucket's own clone URLs (`https://bob@bitbucket.org/...`) by its length.
 */
function embedsCredentials(location: unknown): boolean {
    const info = userinfo(location);
    return info !== undefined && (info.includes(":") || /^[A-Za-z0-9_-]{20,}$/.test(info));
}

const control: ResourceRule = {
    id: "CodeBuild.1",
    title: "CodeBuild Bitbucket source repository URLs should not contain sensitive credentials",
    kind: "security",
    scope: "resource",
    severity: "Critical",
    pci: ["PCI DSS v3.2.1/8.2.1", "PCI DSS v4.0.1/8.3.2"],
    resourceTypes: ["aws:codebuild/project:Project"],
    remediation:
        "Remove credentials from the location of Bitbucket sources (source and secondarySources) on the aws.codebuild.Project and use a CodeConnections or OAuth source credential.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-1",
    check: (project) =>
        [
            { where: "source", source: block(project.props.source) },
            ...blocks(project.props.secondarySources).map((source, i) => ({ where: `secondarySources[${i}]`, source })),
        ]
            .filter(({ source }) => source?.type === "BITBUCKET" && embedsCredentials(source.location))
            .map(({ where }) => `${where}.location embeds credentials before the host`),
};

export default control;
