import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { readCommentEnv, upsertComment, type CommentEnv } from "./comment";
import { COMMENT_LIMIT, COMMENT_MARKER } from "./format";

const EVENT = path.join(__dirname, "..", "..", "..", "test", "fixtures", "github", "pull_request.opened.json");

interface Seen {
    method: string;
    url: string;
    auth?: string;
    body?: string;
}

/** A stand-in for the GitHub REST API: issue comments of pull request 42. */
function fakeGitHub() {
    const state = { comments: [] as { id: number; body: string }[], seen: [] as Seen[], writeStatus: 0 };
    const server = http.createServer((req, res) => {
        let body = "";
        req.on("data", (d: Buffer) => (body += d.toString()));
        req.on("end", () => {
            state.seen.push({ method: req.method ?? "", url: req.url ?? "", ...(req.headers.authorization ? { auth: req.headers.authorization } : {}), ...(body ? { body } : {}) });
            const url = new URL(req.url ?? "/", "http://x");
            const reply = (status: number, value: unknown) => {
                res.writeHead(status, { "content-type": "application/json" });
                res.end(JSON.stringify(value));
            };
            if (req.method === "GET" && url.pathname === "/repos/acme/commerce-infrastructure/issues/42/comments") {
                const page = Number(url.searchParams.get("page"));
                const per = Number(url.searchParams.get("per_page"));
                return reply(200, state.comments.slice((page - 1) * per, page * per));
            }
            if (state.writeStatus) return reply(state.writeStatus, { message: "Resource not accessible by integration" });
            if (req.method === "POST" && url.pathname === "/repos/acme/commerce-infrastructure/issues/42/comments") {
                const c = { id: 9000 + state.comments.length, body: (JSON.parse(body) as { body: string }).body };
                state.comments.push(c);
                return reply(201, c);
            }
            const m = /^\/repos\/acme\/commerce-infrastructure\/issues\/comments\/(\d+)$/.exec(url.pathname);
            if (req.method === "PATCH" && m) {
                const c = state.comments.find((x) => x.id === Number(m[1]));
                if (!c) return reply(404, {});
                c.body = (JSON.parse(body) as { body: string }).body;
                return reply(200, c);
            }
            reply(404, { message: "Not Found" });
        });
    });
    return { server, state };
}

describe("the pull-request comment, on a recorded pull_request event", () => {
    const { server, state } = fakeGitHub();
    let env: CommentEnv;
    const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "summary-")), "summary.md");
    before(async () => {
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        env = { token: "ghs_test", repository: "acme/commerce-infrastructure", eventPath: EVENT, apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, summaryPath: summary };
    });
    after(() => server.close());
    beforeEach(() => {
        state.comments = [];
        state.seen = [];
        state.writeStatus = 0;
        fs.rmSync(summary, { force: true });
    });

    it("1. creates the comment on the event's pull request, with the job token, and writes the job summary", async () => {
        const r = await upsertComment(`${COMMENT_MARKER}\nfirst`, env);
        assert.deepEqual(r, { action: "created", id: 9000 });
        assert.equal(state.comments[0]?.body, `${COMMENT_MARKER}\nfirst`);
        assert.ok(state.seen.every((s) => s.auth === "Bearer ghs_test"));
        assert.match(fs.readFileSync(summary, "utf8"), /first/);
    });

    it("2. updates its own comment on the next push instead of adding one, past a first page of others", async () => {
        state.comments = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, body: `someone else ${i}` }));
        state.comments.push({ id: 500, body: `${COMMENT_MARKER}\nold` });
        const r = await upsertComment(`${COMMENT_MARKER}\nnew`, env);
        assert.deepEqual(r, { action: "updated", id: 500 });
        assert.equal(state.comments.length, 101);
        assert.equal(state.comments.find((c) => c.id === 500)?.body, `${COMMENT_MARKER}\nnew`);
        assert.deepEqual(
            state.seen.map((s) => s.method),
            ["GET", "GET", "PATCH"],
        );
    });

    it("3. reports a read-only token (a fork's pull request) without failing, the summary still written", async () => {
        state.writeStatus = 403;
        const r = await upsertComment(`${COMMENT_MARKER}\nfrom a fork`, env);
        assert.equal(r.action, "skipped");
        assert.match(r.action === "skipped" ? r.reason : "", /read-only token.*job summary/);
        assert.match(fs.readFileSync(summary, "utf8"), /from a fork/);
    });

    it("4. refuses a body without the marker, or over GitHub's limit, before calling GitHub", async () => {
        await assert.rejects(upsertComment("no marker", env), /no plan-diff marker/);
        await assert.rejects(upsertComment(COMMENT_MARKER + "x".repeat(COMMENT_LIMIT), env), /over GitHub's 65536/);
        assert.equal(state.seen.length, 0);
    });

    it("5. fails with the API's answer when listing the comments fails", async () => {
        await assert.rejects(upsertComment(COMMENT_MARKER, { ...env, repository: "acme/other" }), /listing the comments of #42 failed: 404/);
    });

    it("reads its settings from the Actions environment and names what is missing", () => {
        assert.throws(() => readCommentEnv({ GITHUB_REPOSITORY: "a/b", GITHUB_EVENT_PATH: EVENT }), /GITHUB_TOKEN is not set/);
        assert.equal(readCommentEnv({ GITHUB_TOKEN: "t", GITHUB_REPOSITORY: "a/b", GITHUB_EVENT_PATH: EVENT }).apiUrl, "https://api.github.com");
    });
});
