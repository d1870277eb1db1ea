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
);
