/**
 * Every control's fixture table: one `describe` per control, numbered non-compliant cases and
 * compliant ones, all run through `runControl`. The tables live in `cases/`, one module per
 * service, and load into this one test process, which keeps the folder's tests fast.
 */
import "./cases/codebuild";
import "./cases/ec2";
import "./cases/ecs";
import "./cases/elasticache";
import "./cases/elb";
import "./cases/iam";
import "./cases/kms";
import "./cases/lambda";
import "./cases/notifications";
import "./cases/rds";
import "./cases/s3";
