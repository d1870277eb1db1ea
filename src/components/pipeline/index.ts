/**
 * CI/CD building blocks shared by the pipelines of every system: a source (CodeCommit or a
 * CodeStar connection), CodeBuild projects, and a CodePipeline V2 pipeline that wires them.
 */
export * from "./actions";
export * from "./build";
export * from "./pipeline";
export * from "./source";
