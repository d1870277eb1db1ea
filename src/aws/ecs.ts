/**
 * Amazon ECS container health checks: the ranges RegisterTaskDefinition accepts, and ECS's
 * defaults for the fields a task definition leaves out.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
 */

export interface HealthCheckLimit {
    readonly min: number;
    readonly max: number;
    /** What ECS uses when the field is left out; a start period is off unless given. */
    readonly default?: number;
}

export const CONTAINER_HEALTH_CHECK_LIMITS = {
    intervalSeconds: { min: 5, max: 300, default: 30 },
    timeoutSeconds: { min: 2, max: 60, default: 5 },
    retries: { min: 1, max: 10, default: 3 },
    startPeriodSeconds: { min: 0, max: 300 },
} as const satisfies Record<string, HealthCheckLimit>;

export type HealthCheckTiming = { readonly [K in keyof typeof CONTAINER_HEALTH_CHECK_LIMITS]?: number };

/** Why a health check's timing is not one ECS accepts, field by field; empty when it is. */
export function healthCheckTimingProblems(timing: HealthCheckTiming): string[] {
    const problems: string[] = [];
    for (const [field, limit] of Object.entries(CONTAINER_HEALTH_CHECK_LIMITS) as [keyof HealthCheckTiming, HealthCheckLimit][]) {
        const value = timing[field];
        if (value !== undefined && (!Number.isInteger(value) || value < limit.min || value > limit.max)) {
            problems.push(`healthCheck.${field} must be a whole number from ${limit.min} to ${limit.max}; got ${value}`);
        }
    }
    return problems;
}
