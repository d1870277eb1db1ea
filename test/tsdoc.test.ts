/**
 * The component conventions' documentation rule, kept by the parser: in src/components every
 * exported class's public field and method, and every member of an exported interface, has a
 * TSDoc comment, and every optional member of an interface says its `@default`.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { REPO } from "./helpers";

const DIR = path.join(REPO, "src", "components");

function sourceFiles(): string[] {
    return (fs.readdirSync(DIR, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).sort();
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
const documented = (node: ts.Node) => ts.getJSDocCommentsAndTags(node).length > 0;
const hasDefault = (node: ts.Node) => ts.getJSDocTags(node).some((t) => t.tagName.text === "default");
const nameOf = (node: ts.ClassElement | ts.TypeElement) => (node.name !== undefined ? node.name.getText() : "(unnamed)");

/** Every problem in one file: `<file>: <Type>.<member> ...`. */
export function tsdocProblems(file: string, text: string): string[] {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const problems: string[] = [];
    for (const statement of source.statements) {
        if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) continue;
        if (ts.isClassDeclaration(statement) && statement.name) {
            for (const member of statement.members) {
                if (!(ts.isPropertyDeclaration(member) || ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member))) continue;
                if (hasModifier(member, ts.SyntaxKind.PrivateKeyword) || hasModifier(member, ts.SyntaxKind.ProtectedKeyword) || ts.isPrivateIdentifier(member.name)) continue;
                if (!documented(member)) problems.push(`${file}: ${statement.name.text}.${nameOf(member)} has no TSDoc`);
            }
        }
        if (ts.isInterfaceDeclaration(statement)) {
            for (const member of statement.members) {
                if (!documented(member)) problems.push(`${file}: ${statement.name.text}.${nameOf(member)} has no TSDoc`);
                else if (member.questionToken !== undefined && !hasDefault(member)) problems.push(`${file}: ${statement.name.text}.${nameOf(member)} is optional but says no @default`);
            }
        }
    }
    return problems;
}

describe("TSDoc in src/components", () => {
    it("finds the undocumented members of a sample, so the check below can fail", () => {
        const sample = [
            "export interface Args {",
            "    /** ok */",
            "    readonly a: string;",
            "    readonly b: number;",
            "    /** no default */",
            "    readonly c?: string;",
            "    /** @default 1 */",
            "    readonly d?: number;",
            "}",
            "export class C {",
            "    /** ok */",
            "    readonly x = 1;",
            "    readonly y = 2;",
            "    private z = 3;",
            "    protected w = 4;",
            "    /** ok */",
            "    grant(): void {}",
            "    release(): void {}",
            "}",
            "interface Hidden { readonly e: string }",
            "class Internal { readonly f = 1 }",
        ].join("\n");
        assert.deepEqual(tsdocProblems("sample.ts", sample), [
            "sample.ts: Args.b has no TSDoc",
            "sample.ts: Args.c is optional but says no @default",
            "sample.ts: C.y has no TSDoc",
            "sample.ts: C.release has no TSDoc",
        ]);
    });

    it("documents every public field and method of every exported class and interface, with @default on optional fields", () => {
        const files = sourceFiles();
        assert.ok(files.length > 20, `read ${files.length} files`);
        const problems = files.flatMap((f) => tsdocProblems(f, fs.readFileSync(path.join(DIR, f), "utf8")));
        assert.deepEqual(problems, []);
    });
});
