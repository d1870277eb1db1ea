/**
 * RDS create-time rules that span two inputs, which the CloudFormation data states only in prose
 * (`PreferredBackupWindow`: "Must be in the format hh24:mi-hh24:mi ... Must not conflict with the
 * preferred maintenance window ... Must be at least 30 minutes").
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 */
export const RDS_WINDOWS_SOURCE = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const WEEK = 7 * 1440;

/** Minutes since Monday 00:00 UTC of `ddd:hh:mm`, or of `hh:mm` on `day`. */
function minuteOf(text: string, day = 0): number | undefined {
    const m = /^(?:([a-z]{3}):)?([01]\d|2[0-3]):([0-5]\d)$/i.exec(text);
    if (m === null) return undefined;
    const d = m[1] === undefined ? day : DAYS.indexOf(m[1].toLowerCase());
    if (d < 0) return undefined;
    return d * 1440 + Number(m[2]) * 60 + Number(m[3]);
}

/** [start, end) in minutes of the week; end past the week's end when the window wraps. */
function span(window: string, weekly: boolean, day = 0): [number, number] | undefined {
    const [a, b, ...rest] = window.split("-");
    if (a === undefined || b === undefined || rest.length > 0) return undefined;
    if (weekly !== /^[a-z]{3}:/i.test(a) || weekly !== /^[a-z]{3}:/i.test(b)) return undefined;
    const start = minuteOf(a, day);
    let end = minuteOf(b, day);
    if (start === undefined || end === undefined) return undefined;
    if (end <= start) end += weekly ? WEEK : 1440;
    return [start, end];
}

function overlaps([a1, a2]: [number, number], [b1, b2]: [number, number]): boolean {
    return [-WEEK, 0, WEEK].some((shift) => a1 < b2 + shift && b1 + shift < a2);
}

/** Why AWS would refuse this pair of windows; empty when it accepts them. Either may be unset. */
export function rdsWindowProblems(backupWindow: string | undefined, maintenanceWindow: string | undefined): string[] {
    const problems: string[] = [];
    const maintenance = maintenanceWindow === undefined ? undefined : span(maintenanceWindow, true);
    if (maintenanceWindow !== undefined && maintenance === undefined) problems.push(`maintenanceWindow "${maintenanceWindow}" is not ddd:hh24:mi-ddd:hh24:mi`);
    if (maintenance !== undefined && maintenance[1] - maintenance[0] < 30) problems.push(`maintenanceWindow "${maintenanceWindow}" is shorter than 30 minutes`);
    if (backupWindow === undefined) return problems;
    const daily = span(backupWindow, false);
    if (daily === undefined) return [...problems, `backupWindow "${backupWindow}" is not hh24:mi-hh24:mi`];
    if (daily[1] - daily[0] < 30) problems.push(`backupWindow "${backupWindow}" is shorter than 30 minutes`);
    const conflicts = maintenance !== undefined && DAYS.some((_, d) => overlaps(span(backupWindow, false, d)!, maintenance));
    if (conflicts) problems.push(`backupWindow "${backupWindow}" overlaps maintenanceWindow "${maintenanceWindow}"`);
    return problems;
}
