/**
 * Tries a deployed fastcart-orders stack end to end: puts test orders on its stream with your
 * AWS credentials, then reads the service's "progress" log lines back from its log group and
 * reports what the tasks processed while the orders were put.
 *   npm run orders:load -- --stack dev [--count 1000] [--rate 200] [--wait 90]
 * Needs the Pulumi CLI logged in to the stack's backend, and kinesis:PutRecords, kms:GenerateDataKey
 * on the stream's key and logs:FilterLogEvents on the service's log group.
 */
import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { KinesisClient, PutRecordsCommand } from "@aws-sdk/client-kinesis";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { stack: { type: "string" }, count: { type: "string", default: "1000" }, rate: { type: "string", default: "200" }, wait: { type: "string", default: "90" } } });
if (!values.stack) throw new Error("usage: npm run orders:load -- --stack <name> [--count N] [--rate per-second] [--wait seconds]");

interface Outputs {
    kinesis_stream_name: string;
    log_group_name: string;
}

function stackOutputs(stack: string): { outputs: Outputs; region: string } {
    const cwd = path.join(__dirname, "..", "..", "..", "stacks", "fastcart-orders");
    const outputs = JSON.parse(execFileSync("pulumi", ["stack", "output", "--json", "--stack", stack], { cwd, encoding: "utf8" })) as Outputs;
    const region = execFileSync("pulumi", ["config", "get", "aws:region", "--stack", stack], { cwd, encoding: "utf8" }).trim() || "eu-central-1";
    return { outputs, region };
}

interface Progress {
    readonly records: number;
    readonly written: number;
    readonly deadLetters: number;
    readonly lagMs: number;
}

/** Per task (log stream): the first and last progress line since `since`. */
async function progress(logs: CloudWatchLogsClient, group: string, since: number): Promise<Map<string, { first: Progress; last: Progress }>> {
    const out = new Map<string, { first: Progress; last: Progress }>();
    let nextToken: string | undefined;
    do {
        const page = await logs.send(new FilterLogEventsCommand({ logGroupName: group, startTime: since, filterPattern: '{ $.message = "progress" }', nextToken }));
        for (const e of page.events ?? []) {
            const p = JSON.parse(e.message ?? "{}") as Progress;
            const seen = out.get(e.logStreamName ?? "");
            out.set(e.logStreamName ?? "", { first: seen?.first ?? p, last: p });
        }
        nextToken = page.nextToken;
    } while (nextToken);
    return out;
}

async function main(): Promise<void> {
    const { outputs, region } = stackOutputs(values.stack!);
    const count = Number(values.count);
    const rate = Number(values.rate);
    const kinesis = new KinesisClient({ region });
    const logs = new CloudWatchLogsClient({ region });
    const run = randomUUID().slice(0, 8);
    const since = Date.now() - 15_000; // one progress interval before, for each task's starting count
    for (let sent = 0; sent < count; ) {
        const n = Math.min(500, rate, count - sent);
        const now = new Date().toISOString();
        const records = Array.from({ length: n }, (_, i) => {
            const order = { orderId: `load-${run}-${sent + i}`, customerId: `load-${run}`, status: "placed", currency: "EUR", items: [{ sku: "load-test", quantity: 1, unitPriceCents: 100 }], createdAt: now };
            return { Data: Buffer.from(JSON.stringify(order)), PartitionKey: order.orderId };
        });
        const result = await kinesis.send(new PutRecordsCommand({ StreamName: outputs.kinesis_stream_name, Records: records }));
        if ((result.FailedRecordCount ?? 0) > 0) throw new Error(`${result.FailedRecordCount} records refused (throttled?): lower --rate`);
        sent += n;
        await sleep((n / rate) * 1000);
    }
    console.log(`put ${count} orders (ids load-${run}-*) on ${outputs.kinesis_stream_name}; waiting for the service's progress lines...`);
    const deadline = Date.now() + Number(values.wait) * 1000;
    let processed = 0;
    while (Date.now() < deadline) {
        await sleep(10_000);
        const tasks = await progress(logs, outputs.log_group_name, since);
        processed = [...tasks.values()].reduce((s, t) => s + t.last.records - t.first.records, 0);
        const lag = Math.max(0, ...[...tasks.values()].map((t) => t.last.lagMs));
        console.log(`${tasks.size} task(s) reporting; records processed since the start: ${processed}; lag ${lag} ms`);
        if (processed >= count) break;
    }
    console.log(processed >= count ? "ok: the service processed at least every order put" : "the service has not reported all orders yet: see the log group and the iterator-age alarm");
    process.exit(processed >= count ? 0 : 1);
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
