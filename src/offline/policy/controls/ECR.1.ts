import type { PolicyTarget, StackRule } from "../types";
import { ofType } from "../../model/plan";
import { block, blocks, wildcardMatches } from "./read";

const SCANNING = ["SCAN_ON_PUSH", "CONTINUOUS_SCAN"];

function registryScans(repository: PolicyTarget, resources: readonly PolicyTarget[]): boolean {
    const name = typeof repository.props.name === "string" ? repository.props.name : repository.name;
    return ofType(resources, "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration")
        .flatMap((config) => blocks(config.props.rules))
        .filter((rule) => SCANNING.includes(String(rule.scanFrequency)))
        .some((rule) => blocks(rule.repositoryFilters).some((f) => wildcardMatches(String(f.filter), name)));
}

const control: StackRule = {
    id: "ECR.1",
    title: "ECR private repositories should have image scanning configured",
    kind: "security",
    scope: "stack",
    severity: "High",
    pci: ["PCI DSS v4.0.1/6.2.3", "PCI DSS v4.0.1/6.2.4"],
    resourceTypes: [
        "aws:ecr/repository:Repository",
        "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration",
    ],
    remediation:
        "Set imageScanningConfiguration.scanOnPush to true on the aws.ecr.Repository, or add an aws.ecr.RegistryScanningConfiguration rule that matches it.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-1",
    check: (resources) =>
        ofType(resources, "aws:ecr/repository:Repository")
            .filter((repo) => block(repo.props.imageScanningConfiguration)?.scanOnPush !== true)
            .filter((repo) => !registryScans(repo, resources))
            .map((repo) => ({ urn: repo.urn, message: "imageScanningConfiguration.scanOnPush must be true; no registry rule scans it" })),
};

export default control;
