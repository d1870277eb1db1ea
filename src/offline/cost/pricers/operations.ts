/** Keys, secrets, log groups and alarms. */
import type { PlannedResource } from "../../model/types";
import type { CostLines } from "../lines";
import { describeAssumption } from "../assumptions";
import { list, num, obj, str } from "../inputs";

export function kmsKey(r: PlannedResource, lines: CostLines): void {
    lines.add(r, { key: "kms.customerKey.month", description: "Customer managed KMS key", quantity: 1 });
}

export function secret(r: PlannedResource, lines: CostLines): void {
    // Each replica region bills as a separate secret.
    const replicas = list(r.inputs.replicas)?.length ?? 0;
    lines.add(r, {
        key: "secretsmanager.secret.month",
        description: replicas > 0 ? `Secret and ${replicas} replica${replicas === 1 ? "" : "s"}` : "Secret",
        quantity: 1 + replicas,
    });
}

export function logGroup(r: PlannedResource, lines: CostLines): void {
    const logClass = str(r.inputs.logGroupClass) ?? "STANDARD";
    if (logClass !== "STANDARD") {
        lines.note(r, `the table has no ingestion figure for the ${logClass} log class; not priced`);
        return;
    }
    const gb = lines.assumptions.logIngestGb;
    lines.add(r, {
        key: "logs.standard.ingestGb",
        description: "Log ingestion",
        quantity: gb,
        assumption: describeAssumption("logIngestGb", gb),
    });
}

export function metricAlarm(r: PlannedResource, lines: CostLines): void {
    const queries = (list(r.inputs.metricQueries) ?? []).map(obj);
    const period = num(r.inputs.period) ?? queries.map((q) => num(obj(q?.metric)?.period)).find((p) => p !== undefined);
    if (period !== undefined && period < 60) {
        lines.note(r, `a ${period}-second (high-resolution) alarm has no figure in the table; not priced`);
        return;
    }
    // AWS bills an alarm per metric it evaluates; an expression's inputs each count.
    const metrics = Math.max(1, queries.filter((q) => q?.metric !== undefined).length);
    lines.add(r, {
        key: "cloudwatch.alarm.standard.month",
        description: metrics === 1 ? "Standard-resolution alarm" : `Standard-resolution alarm on ${metrics} metrics`,
        quantity: metrics,
    });
}
