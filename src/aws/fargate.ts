/** AWS Fargate task sizes. */

/**
 * Fargate's valid memory (MiB) per CPU setting, a create-time pairing the CloudFormation data does
 * not express.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 */
export function fargateMemoryProblem(cpu: number, memory: number): string | undefined {
    const ranges: Record<number, [number, number, number]> = {
        256: [512, 2048, 512],
        512: [1024, 4096, 1024],
        1024: [2048, 8192, 1024],
        2048: [4096, 16384, 1024],
        4096: [8192, 30720, 1024],
        8192: [16384, 61440, 4096],
        16384: [32768, 122880, 8192],
    };
    const r = ranges[cpu];
    if (!r) return `cpu ${cpu} is not a Fargate size (256, 512, 1024, 2048, 4096, 8192, 16384)`;
    const [min, max, step] = r;
    if (cpu === 256 && memory === 512) return undefined;
    if (memory < min || memory > max || (memory - (cpu === 256 ? 0 : min)) % step !== 0) {
        return `memory ${memory} MiB is not valid with cpu ${cpu}: use ${min}–${max} MiB in steps of ${step}`;
    }
    return undefined;
}
