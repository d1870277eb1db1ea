/** One JSON object a line on stdout: the awslogs driver sends each line to CloudWatch Logs as an event. */
export function log(level: "info" | "warn" | "error", message: string, fields: Record<string, unknown> = {}): void {
    const line = { time: new Date().toISOString(), level, message, ...fields };
    process.stdout.write(`${JSON.stringify(line, (_k, v: unknown) => (v instanceof Error ? v.message : v))}\n`);
}
