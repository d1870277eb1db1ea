/** CloudWatch Logs facts, read from the vendored CloudFormation specification. */
import { CLOUDFORMATION } from "./cloudformation";

/** Retention values CloudWatch Logs accepts (`AWS::Logs::LogGroup` `RetentionInDays`). */
export const LOG_RETENTION_DAYS: readonly number[] = (CLOUDFORMATION.resources["AWS::Logs::LogGroup"]?.properties["RetentionInDays"]?.allowedValues ?? []).filter(
    (v): v is number => typeof v === "number",
);
