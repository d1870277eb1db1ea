/** `aws ecs describe-task-definition --output json` of a payment service revision, as tests use it. */
export const IMAGE = "123456789012.dkr.ecr.us-east-2.amazonaws.com/payment-service-dev@sha256:" + "ab".repeat(32);

export function describedTaskDefinition(): Record<string, unknown> {
    return {
        taskDefinition: {
            taskDefinitionArn: "arn:aws:ecs:us-east-2:123456789012:task-definition/payment-service-dev:7",
            family: "payment-service-dev",
            revision: 7,
            status: "ACTIVE",
            taskRoleArn: "arn:aws:iam::123456789012:role/payment-task-dev",
            executionRoleArn: "arn:aws:iam::123456789012:role/payment-task-execution-dev",
            networkMode: "awsvpc",
            containerDefinitions: [
                {
                    name: "payment-service",
                    image: "nginxinc/nginx-unprivileged:1.27-alpine",
                    essential: true,
                    user: "101",
                    readonlyRootFilesystem: true,
                    portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: "tcp" }],
                    environment: [],
                    secrets: [],
                    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/payment-service-dev", "awslogs-region": "us-east-2", "awslogs-stream-prefix": "payment-service" } },
                },
                { name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", essential: false, portMappings: [] },
            ],
            volumes: [{ name: "scratch-0" }],
            requiresAttributes: [{ name: "com.amazonaws.ecs.capability.logging-driver.awslogs" }],
            placementConstraints: [],
            compatibilities: ["EC2", "FARGATE"],
            requiresCompatibilities: ["FARGATE"],
            cpu: "512",
            memory: "1024",
            runtimePlatform: { cpuArchitecture: "X86_64", operatingSystemFamily: "LINUX" },
            registeredAt: "2026-01-12T10:00:00.000Z",
            registeredBy: "arn:aws:sts::123456789012:assumed-role/codepipeline-role-dev/1736676000000",
            deregisteredAt: null,
        },
        tags: [{ key: "Project", value: "payment-pipeline" }],
    };
}
