/**
 * Posts the plan diff on its pull request, as the plan workflow runs it:
 * `node --import tsx src/offline/diff/comment.ts out/diff.md`. It updates the comment it wrote
 * before (found by its hidden marker) instead of adding one per push, and also writes the
 * diff to the job summary. A token that may not write (a pull request from a fork) is reported,
 * not failed on: the summary still has the diff.
 *
 * Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_API_URL and
 * GITHUB_STEP_SUMMARY as GitHub Actions sets them.
 */
import * as fs from "node:fs";
import { COMMENT_LIMIT, COMMENT_MARKER } from "./format";

export interface CommentEnv {
    readonly token: string;
    readonly repository: string;
    readonly eventPath: string;
    readonly apiUrl: string;
    readonly summaryPath?: string;
}

export type CommentResult = { readonly action: "created" | "updated"; readonly id: number } | { readonly action: "skipped"; readonly reason: string };

interface Comment {
    readonly id: number;
    readonly body?: string;
}

export function readCommentEnv(env: NodeJS.ProcessEnv = process.env): CommentEnv {
    const need = (k: string): string => {
        const v = env[k];
        if (!v) throw new Error(`${k} is not set: run this in a GitHub Actions job (see .github/workflows/plan.yml)`);
        return v;
    };
    return {
        token: need("GITHUB_TOKEN"),
        repository: need("GITHUB_REPOSITORY"),
        eventPath: need("GITHUB_EVENT_PATH"),
        apiUrl: env["GITHUB_API_URL"] || "https://api.github.com",
        ...(env["GITHUB_STEP_SUMMARY"] ? { summaryPath: env["GITHUB_STEP_SUMMARY"] } : {}),
    };
}

export async function upsertComment(body: string, env: CommentEnv, fetchFn: typeof fetch = fetch): Promise<CommentResult> {
    if (!body.includes(COMMENT_MARKER)) throw new Error("the body has no plan-diff marker; write it with npm start -- --base ... --markdown FILE");
    if (body.length > COMMENT_LIMIT) throw new Error(`the body has ${body.length} characters, over GitHub's ${COMMENT_LIMIT}`);
    if (env.summaryPath) fs.appendFileSync(env.summaryPath, body + "\n");
    const event = JSON.parse(fs.readFileSync(env.eventPath, "utf8")) as { pull_request?: { number?: number } };
    const number = event.pull_request?.number;
    if (typeof number !== "number") return { action: "skipped", reason: "the event is not a pull request" };
    const headers = { authorization: `Bearer ${env.token}`, accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28", "content-type": "application/json" };
    const base = `${env.apiUrl}/repos/${env.repository}/issues`;
    let existing: Comment | undefined;
    for (let page = 1; !existing; page++) {
        const res = await fetchFn(`${base}/${number}/comments?per_page=100&page=${page}`, { headers });
        if (!res.ok) throw new Error(`listing the comments of #${number} failed: ${res.status} ${await res.text()}`);
        const comments = (await res.json()) as Comment[];
        existing = comments.find((c) => c.body?.includes(COMMENT_MARKER));
        if (comments.length < 100) break;
    }
    const res = existing
        ? await fetchFn(`${base}/comments/${existing.id}`, { method: "PATCH", headers, body: JSON.stringify({ body }) })
        : await fetchFn(`${base}/${number}/comments`, { method: "POST", headers, body: JSON.stringify({ body }) });
    if (res.status === 403 || res.status === 404) {
        return { action: "skipped", reason: `the job's token may not comment on #${number} (${res.status}; a pull request from a fork gets a read-only token): the diff is in the job summary` };
    }
    if (!res.ok) throw new Error(`writing the comment on #${number} failed: ${res.status} ${await res.text()}`);
    const written = (await res.json()) as Comment;
    return { action: existing ? "updated" : "created", id: written.id };
}

if (require.main === module) {
    const file = process.argv[2];
    if (!file) {
        process.stderr.write("usage: node --import tsx src/offline/diff/comment.ts <diff.md>\n");
        process.exit(2);
    }
    upsertComment(fs.readFileSync(file, "utf8"), readCommentEnv()).then(
        (r) => process.stdout.write(r.action === "skipped" ? `not commented: ${r.reason}\n` : `comment ${r.id} ${r.action}\n`),
        (e: unknown) => {
            process.stderr.write(`${(e as Error).message}\n`);
            process.exitCode = 1;
        },
    );
}
