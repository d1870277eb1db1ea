/**
 * The command the Docker build runs after pushing the image (see
 * src/buildspecs/payment.ts): reads its settings from the environment, the
 * current task definition from a file, and writes the three deployment files.
 *
 * | variable | what |
 * | --- | --- |
 * | `CONTAINER_NAME` | the container behind the load balancer |
 * | `CONTAINER_PORT` | its port, the one the target groups route to |
 * | `IMAGE_URI` | the image just pushed, by commit tag or digest |
 * | `TASK_DEFINITION_FILE` | `aws ecs describe-task-definition` output |
 * | `OUTPUT_DIR` | where to write the files (default: the working directory) |
 *
 * Exits 1 with one line naming every problem, so the build log says what to fix.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DeployFilesError, deploymentFiles, FILE_NAMES } from "./files";

export interface WriteResult {
    readonly outputDir: string;
    readonly files: readonly string[];
}

/** Reads the settings from `env`, writes the files, and returns where. Throws DeployFilesError on bad input. */
export function writeDeploymentFiles(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): WriteResult {
    const missing = ["CONTAINER_NAME", "CONTAINER_PORT", "IMAGE_URI", "TASK_DEFINITION_FILE"].filter((k) => !env[k]);
    if (missing.length > 0) throw new DeployFilesError(`set ${missing.join(", ")}`);
    const port = Number(env.CONTAINER_PORT);
    const file = path.resolve(cwd, env.TASK_DEFINITION_FILE!);
    let described: unknown;
    try {
        described = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new DeployFilesError(`cannot read the task definition from TASK_DEFINITION_FILE ${env.TASK_DEFINITION_FILE}: ${(e as Error).message}`);
    }
    const files = deploymentFiles({ described, containerName: env.CONTAINER_NAME!, containerPort: port, imageUri: env.IMAGE_URI! });
    const outputDir = path.resolve(cwd, env.OUTPUT_DIR || ".");
    fs.mkdirSync(outputDir, { recursive: true });
    for (const name of FILE_NAMES) fs.writeFileSync(path.join(outputDir, name), files[name]);
    return { outputDir, files: FILE_NAMES.map((n) => path.join(outputDir, n)) };
}

/** The command: 0 after writing the files, 1 with the reason otherwise. */
export function main(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log, error: (line: string) => void = console.error): number {
    try {
        const result = writeDeploymentFiles(env);
        log(`wrote ${FILE_NAMES.join(", ")} to ${result.outputDir} for ${env.IMAGE_URI}`);
        return 0;
    } catch (e) {
        if (!(e instanceof DeployFilesError)) throw e;
        error(`deployment files not written: ${e.message}`);
        return 1;
    }
}

if (require.main === module) process.exitCode = main();
