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
