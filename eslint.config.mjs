// Lint rules: the recommended sets of ESLint and typescript-eslint, plus the few rules that
// catch the mistakes the style guide names (`args.flag || true`, floating promises).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["node_modules/**", "out/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
            "@typescript-eslint/no-explicit-any": "error",
            "no-constant-binary-expression": "error",
            eqeqeq: ["error", "smart"],
        },
    },
    {
        // Size limits (CONTRIBUTING.md, "Conventions"): a file over 400 lines or a function over 80
        // is split by what it does. Blank lines and comments do not count.
        files: ["src/**/*.ts", "stacks/**/*.ts", "test/**/*.ts", "services/**/*.ts"],
        rules: {
            "max-lines": ["error", { max: 400, skipBlankLines: true, skipComments: true }],
            "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
        },
    },
    {
        // Data tables: one row per AWS fact or price, each with its source. Splitting them would
        // only scatter the rows; their length is the number of facts, not the size of any logic.
        files: [
            "src/offline/cost/prices.ts", // the price table, one figure per row with its source
            "src/offline/access/contracts/table.ts", // the calls AWS makes per integration, a row each with its AWS page
            "src/aws/lifecycles.ts", // runtime, engine and image dates copied from AWS pages
        ],
        rules: { "max-lines": "off" },
    },
    {
        // What `pulumi up` loads never imports the offline tooling (test/layering.test.ts checks folders too).
        files: ["src/config/**/*.ts", "src/components/**/*.ts", "src/functions/**/*.ts", "src/aws/**/*.ts", "stacks/**/*.ts"],
        ignores: ["**/*.test.ts"],
        rules: {
            "no-restricted-imports": [
                "error",
                { patterns: [{ group: ["**/offline", "**/offline/**"], message: "A Pulumi program must not load the offline tooling (src/offline)." }] },
            ],
        },
    },
);
