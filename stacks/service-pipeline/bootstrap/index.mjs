// Placeholder handler of the bootstrap image: the function exists and answers, but no release
// of the application has been deployed to it yet.
export const handler = async () => ({
    statusCode: 503,
    body: JSON.stringify({
        message: "No release deployed yet: push to the source branch and approve the pipeline's Deploy stage.",
        environment: process.env.ENVIRONMENT_SUFFIX ?? null,
    }),
});
